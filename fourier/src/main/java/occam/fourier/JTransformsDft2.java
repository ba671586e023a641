package occam.fourier;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The pure-Java 2D DFT through JTransforms' {@code DoubleFFT_2D}. JTransforms' forward transform is
 * unnormalized and {@code complexInverse(a, true)} divides by m², which is {@link
 * DftNormalization#STANDARD}; other normalizations rescale afterwards.
 *
 * <p>JTransforms refuses 1×1 matrices; there the DFT is the identity (times the scale), done here.
 *
 * <p>JTransforms runs its own thread pool for large sizes; Occam parallelizes over scan cells
 * instead, so {@link #singleThreaded()} is called once when this class loads.
 */
public final class JTransformsDft2 extends AbstractDft2 {
  static {
    singleThreaded();
  }

  /** Null for m = 1. */
  private final DoubleFFT_2D fft;

  /**
   * Creates the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public JTransformsDft2(int m, DftNormalization normalization) {
    super(m, normalization);
    this.fft = m == 1 ? null : new DoubleFFT_2D(m, m);
  }

  /** Keeps JTransforms on the calling thread (its pool would fight the scan's worker threads). */
  public static void singleThreaded() {
    org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    Args.direction(direction);
    if (fft == null) {
      // m = 1: the sum has one term.
    } else if (direction == TransformDirection.FORWARD) {
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
