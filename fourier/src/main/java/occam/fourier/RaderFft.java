package occam.fourier;

import occam.modular.PrimitiveRoot;

/**
 * Rader's algorithm for a prime length n over a batch of columns (layout in {@link BatchFft}).
 *
 * <p>With g a primitive root of n and L = n − 1, the nonzero indices are t = g^q and k = g^{−q}
 * (q &lt; L), and
 *
 * <pre>  X[g^{−q}] = x[0] + Σ_{q'&lt;L} x[g^{q'}]·ω^{g^{−(q − q')}},   X[0] = Σ_t x[t],   ω = e^{−2πi/n},</pre>
 *
 * a cyclic convolution of a[q'] = x[g^{q'}] with b[j] = ω^{g^{−j}} (Rader, Proc. IEEE 56, 1968,
 * 1107–1108). The convolution runs through a plan of length L, which is smooth for the primes Occam
 * uses (31, 97, 113, 257 give 30, 96, 112, 256); DFT_L(a)[0] = Σ_{t≠0} x[t] gives X[0] for free.
 */
final class RaderFft extends BatchFft {
  private final int len;
  private final CyclicConvolution convolution;
  /** gather[q] = g^q mod n: the input row that feeds a[q]. */
  private final int[] gather;
  /** scatter[q] = g^{−q} mod n: the output row that (a ⊛ b)[q] lands in. */
  private final int[] scatter;

  RaderFft(int n, int maxWidth) {
    super(n, maxWidth);
    this.len = n - 1;
    long g = PrimitiveRoot.smallest(n);
    long gInverse = PrimitiveRoot.powMod(g, n - 2L, n);
    gather = new int[len];
    scatter = new int[len];
    double[] bRe = new double[len];
    double[] bIm = new double[len];
    long up = 1;
    long down = 1;
    for (int q = 0; q < len; q++) {
      gather[q] = (int) up;
      scatter[q] = (int) down;
      bRe[q] = UnitRoots.cos(down, n);
      bIm[q] = -UnitRoots.sin(down, n);
      up = up * g % n;
      down = down * gInverse % n;
    }
    this.convolution = new CyclicConvolution(BatchFft.plan(len, maxWidth), bRe, bIm);
  }

  @Override
  void forward(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w) {
    double[] aRe = convolution.inRe;
    double[] aIm = convolution.inIm;
    for (int q = 0; q < len; q++) {
      System.arraycopy(srcRe, gather[q] * w, aRe, q * w, w);
      System.arraycopy(srcIm, gather[q] * w, aIm, q * w, w);
    }
    convolution.spectrum(w);
    for (int j = 0; j < w; j++) {
      dstRe[j] = srcRe[j] + convolution.spectrumRe[j];
      dstIm[j] = srcIm[j] + convolution.spectrumIm[j];
    }
    convolution.convolve(w);
    for (int q = 0; q < len; q++) {
      int o = scatter[q] * w;
      int i = q * w;
      for (int j = 0; j < w; j++) {
        dstRe[o + j] = srcRe[j] + aRe[i + j];
        dstIm[o + j] = srcIm[j] + aIm[i + j];
      }
    }
  }
}
