package occam.fourier;

import java.util.Arrays;

/**
 * Bluestein's chirp-z algorithm for any length n over a batch of columns (layout in {@link
 * BatchFft}); the planner's fallback for lengths that are neither smooth nor prime.
 *
 * <p>With c_k = e^{−πi(k² mod 2n)/n} and tk = (t² + k² − (k − t)²)/2,
 *
 * <pre>  X[k] = c_k · Σ_t (x[t]·c_t) · conj(c_{k−t}),</pre>
 *
 * a linear convolution computed cyclically at a 5-smooth length M ≥ 2n − 1 (Bluestein, IEEE Trans.
 * Audio Electroacoust. 18, 1970, 451–455). Reducing k² mod 2n before scaling keeps the chirp's
 * phase exact for every k.
 */
final class BluesteinFft extends BatchFft {
  private final CyclicConvolution convolution;
  /** The chirped input, zero-padded to the convolution length. */
  private final double[] aRe;
  private final double[] aIm;
  private final double[] chirpRe;
  private final double[] chirpIm;

  BluesteinFft(int n, int maxWidth) {
    super(n, maxWidth);
    int size = smoothAtLeast(2 * n - 1);
    chirpRe = new double[n];
    chirpIm = new double[n];
    for (int k = 0; k < n; k++) {
      long phase = (long) k * k % (2L * n);
      chirpRe[k] = UnitRoots.cos(phase, 2L * n);
      chirpIm[k] = -UnitRoots.sin(phase, 2L * n);
    }
    // b_j = conj(c_|j|) for |j| < n, wrapped cyclically; zero in the gap.
    double[] bRe = new double[size];
    double[] bIm = new double[size];
    for (int k = 0; k < n; k++) {
      bRe[k] = chirpRe[k];
      bIm[k] = -chirpIm[k];
      if (k > 0) {
        bRe[size - k] = chirpRe[k];
        bIm[size - k] = -chirpIm[k];
      }
    }
    this.convolution = new CyclicConvolution(new StockhamFft(size, maxWidth), bRe, bIm);
    this.aRe = new double[size * maxWidth];
    this.aIm = new double[size * maxWidth];
  }

  /**
   * The smallest 2^a·3^b·5^c ≥ n.
   *
   * @param n ≥ 1
   * @return that length
   */
  static int smoothAtLeast(int n) {
    for (int m = n; ; m++) {
      int r = m;
      for (int d : new int[] {2, 3, 5}) {
        while (r % d == 0) {
          r /= d;
        }
      }
      if (r == 1) {
        return m;
      }
    }
  }

  @Override
  void forward(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w) {
    System.arraycopy(srcRe, 0, aRe, 0, n * w);
    System.arraycopy(srcIm, 0, aIm, 0, n * w);
    Arrays.fill(aRe, n * w, convolution.length * w, 0.0);
    Arrays.fill(aIm, n * w, convolution.length * w, 0.0);
    scaleRows(aRe, aIm, chirpRe, chirpIm, n, w);
    convolution.spectrum(aRe, aIm, w);
    convolution.applyKernel(w);
    convolution.convolve(aRe, aIm, w);
    System.arraycopy(aRe, 0, dstRe, 0, n * w);
    System.arraycopy(aIm, 0, dstIm, 0, n * w);
    scaleRows(dstRe, dstIm, chirpRe, chirpIm, n, w);
  }
}
