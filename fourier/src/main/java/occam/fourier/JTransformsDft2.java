package occam.fourier;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The pure-Java 2D DFT through JTransforms' {@code DoubleFFT_2D}. JTransforms' forward transform is
 * unnormalized and {@code complexInverse(a, true)} divides by m², which is {@link
 * DftNormalization#STANDARD}; other normalizations rescale afterwards.
 *
 * <p>JTransforms runs its own thread pool for large sizes; Occam parallelizes over scan cells
 * instead, so {@link #singleThreaded()} is called once when this class loads.
 */
public final class JTransformsDft2 implements Dft2 {
  static {
    singleThreaded();
  }

  private final int m;
  private final DftNormalization normalization;
  private final DoubleFFT_2D fft;

  /**
   * Creates the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1
   */
  public JTransformsDft2(int m, DftNormalization normalization) {
    if (m < 1) {
      throw new IllegalArgumentException("m = " + m + " is not allowed: m must be >= 1");
    }
    this.m = m;
    this.normalization = normalization;
    this.fft = new DoubleFFT_2D(m, m);
  }

  /** Keeps JTransforms on the calling thread (its pool would fight the scan's worker threads). */
  public static void singleThreaded() {
    org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
  }

  @Override
  public int size() {
    return m;
  }

  @Override
  public DftNormalization normalization() {
    return normalization;
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    if (direction == TransformDirection.FORWARD) {
      fft.complexForward(a);
    } else {
      fft.complexInverse(a, false);
    }
    double scale = normalization.scale(m, direction);
    if (scale != 1.0) {
      for (int i = 0; i < a.length; i++) {
        a[i] *= scale;
      }
    }
  }
}
