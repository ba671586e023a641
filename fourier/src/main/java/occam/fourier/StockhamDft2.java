package occam.fourier;

/**
 * Occam's own pure-Java 2D DFT: batched 1D passes of {@link BatchFft} (mixed-radix Stockham, Rader
 * for prime m, Bluestein for the rest) down the columns, then down the columns of the transposed
 * result.
 *
 * <p>Each pass works on chunks of columns small enough to stay in cache ({@link
 * BatchFft#chunkWidth}): a chunk is gathered from the input, transformed, and scattered transposed,
 * so the transposes cost no extra sweep. The inverse is the forward kernel on swapped re/im planes.
 * Not thread-safe (it owns its scratch planes).
 */
public final class StockhamDft2 extends AbstractDft2 {
  private final int chunk;
  private final BatchFft fft;
  /** Physical chunk row of each logical row, into and out of the plan ({@link BatchFft#forwardOrdered}). */
  private final int[] in;
  private final int[] out;
  /** The first pass's result, transposed: t[b·m + k]. */
  private final double[] tRe;
  private final double[] tIm;
  /** A chunk in, a chunk out: m rows of stride {@link BatchFft#stride}(chunk). */
  private final double[] sRe;
  private final double[] sIm;
  private final double[] dRe;
  private final double[] dIm;

  /**
   * Plans the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public StockhamDft2(int m, DftNormalization normalization) {
    super(m, normalization);
    this.chunk = BatchFft.chunkWidth(m, m);
    this.fft = BatchFft.plan(m, BatchFft.stride(chunk));
    this.in = fft.inputPositions();
    this.out = fft.outputPositions();
    this.tRe = new double[m * m];
    this.tIm = new double[m * m];
    this.sRe = new double[m * BatchFft.stride(chunk)];
    this.sIm = new double[m * BatchFft.stride(chunk)];
    this.dRe = new double[m * BatchFft.stride(chunk)];
    this.dIm = new double[m * BatchFft.stride(chunk)];
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    boolean inverse = Args.direction(direction) == TransformDirection.INVERSE;
    // Pass 1, along a: columns b of the input, results stored as rows of t.
    for (int j0 = 0; j0 < m; j0 += chunk) {
      int w = Math.min(chunk, m - j0);
      int stride = BatchFft.stride(w);
      for (int row = 0; row < m; row++) {
        int from = 2 * (row * m + j0);
        int to = in[row] * stride;
        for (int j = 0; j < w; j++) {
          sRe[to + j] = a[from + 2 * j];
          sIm[to + j] = a[from + 2 * j + 1];
        }
      }
      pass(inverse, stride);
      for (int j = 0; j < w; j++) {
        int to = (j0 + j) * m;
        for (int k = 0; k < m; k++) {
          tRe[to + k] = dRe[out[k] * stride + j];
          tIm[to + k] = dIm[out[k] * stride + j];
        }
      }
    }
    // Pass 2, along b: columns k of t, results written transposed and interleaved into a.
    double scale = normalization.scale(m, direction);
    for (int k0 = 0; k0 < m; k0 += chunk) {
      int w = Math.min(chunk, m - k0);
      int stride = BatchFft.stride(w);
      for (int row = 0; row < m; row++) {
        System.arraycopy(tRe, row * m + k0, sRe, in[row] * stride, w);
        System.arraycopy(tIm, row * m + k0, sIm, in[row] * stride, w);
      }
      pass(inverse, stride);
      for (int j = 0; j < w; j++) {
        int to = 2 * (k0 + j) * m;
        for (int l = 0; l < m; l++) {
          a[to + 2 * l] = dRe[out[l] * stride + j] * scale;
          a[to + 2 * l + 1] = dIm[out[l] * stride + j] * scale;
        }
      }
    }
  }

  /** One batched pass s → d over a chunk of row stride w; swapped planes turn it into the inverse. */
  private void pass(boolean inverse, int w) {
    if (inverse) {
      fft.forwardOrdered(sIm, sRe, dIm, dRe, w);
    } else {
      fft.forwardOrdered(sRe, sIm, dRe, dIm, w);
    }
  }
}
