package occam.fourier;

/**
 * An in-place 2D DFT of a square m×m complex matrix stored row-major as interleaved re/im
 * ({@code a[2(r·m + c)]} real, {@code a[2(r·m + c) + 1]} imaginary — the JTransforms layout).
 *
 * <p>Implementations are not required to be thread-safe: use one instance per thread.
 */
public interface Dft2 {
  /** @return m, the side of the matrices this transform takes */
  int size();

  /** @return where the 1/m factors go */
  DftNormalization normalization();

  /**
   * Transforms {@code a} in place.
   *
   * @param a interleaved m×m complex matrix, length 2m²
   * @param direction forward or inverse
   * @throws IllegalArgumentException if {@code a.length != 2m²} or direction is null
   */
  void transform(double[] a, TransformDirection direction);

  /**
   * Forward transform in place.
   *
   * @param a interleaved m×m complex matrix
   */
  default void forward(double[] a) {
    transform(a, TransformDirection.FORWARD);
  }

  /**
   * Inverse transform in place.
   *
   * @param a interleaved m×m complex matrix
   */
  default void inverse(double[] a) {
    transform(a, TransformDirection.INVERSE);
  }

  /**
   * Checks an argument's length against 2m².
   *
   * @param a the array
   * @param m the side
   * @throws IllegalArgumentException if a is null or its length is not 2m²
   */
  static void checkLength(double[] a, int m) {
    Args.length(a, 2 * m * m, "an interleaved " + m + "x" + m + " complex matrix");
  }
}
