package occam.fourier;

/**
 * Occam's own pure-Java 2D DFT: batched 1D passes of {@link BatchFft} (mixed-radix Stockham, Rader
 * for prime m, Bluestein for the rest) down the columns, a tiled transpose, the same pass again, and
 * a transpose back into the interleaved layout of {@link Dft2}.
 *
 * <p>Cost per transform: two passes over m columns of length m, two transposes and one
 * (de)interleave, all single-threaded; the inverse is the forward kernel on swapped re/im planes.
 * Not thread-safe (it owns its scratch planes).
 */
public final class StockhamDft2 extends AbstractDft2 {
  private final BatchFft fft;
  private final double[] pRe;
  private final double[] pIm;
  private final double[] qRe;
  private final double[] qIm;

  /**
   * Plans the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public StockhamDft2(int m, DftNormalization normalization) {
    super(m, normalization);
    this.fft = BatchFft.plan(m, m);
    this.pRe = new double[m * m];
    this.pIm = new double[m * m];
    this.qRe = new double[m * m];
    this.qIm = new double[m * m];
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    boolean inverse = Args.direction(direction) == TransformDirection.INVERSE;
    Planes.deinterleave(a, pRe, pIm, m * m);
    pass(inverse);
    Planes.transpose(qRe, pRe, m, m);
    Planes.transpose(qIm, pIm, m, m);
    pass(inverse);
    Planes.transposeInterleave(qRe, qIm, a, m, m, normalization.scale(m, direction));
  }

  /** One batched pass p → q down the columns; swapped planes turn it into the inverse. */
  private void pass(boolean inverse) {
    if (inverse) {
      fft.forward(pIm, pRe, qIm, qRe, m);
    } else {
      fft.forward(pRe, pIm, qRe, qIm, m);
    }
  }
}
