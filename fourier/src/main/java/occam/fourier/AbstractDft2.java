package occam.fourier;

/** The side and normalization every {@link Dft2} carries, checked once. */
abstract class AbstractDft2 implements Dft2 {
  /** Side of the matrices. */
  final int m;
  /** Where the 1/m factors go. */
  final DftNormalization normalization;

  /**
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  AbstractDft2(int m, DftNormalization normalization) {
    this.m = Args.side(m);
    this.normalization = Args.normalization(normalization);
  }

  @Override
  public final int size() {
    return m;
  }

  @Override
  public final DftNormalization normalization() {
    return normalization;
  }
}
