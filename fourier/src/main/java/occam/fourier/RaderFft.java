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
 * uses (31, 97, 113, 257 give 30, 96, 112, 256); DFT_L(a)[0] = Σ_{t≠0} x[t] gives X[0] for free,
 * and adding x[0] to DFT_L(a)·DFT_L(b)/L at frequency 0 adds it to every output.
 *
 * <p>Row order ({@link #forwardOrdered}): input row q holds x[g^q] and row L holds x[0]; output row
 * q holds X[g^{−q}] and row L holds X[0]. Then a is the first L rows of the input as it stands,
 * and the inverse transform writes the first L output rows in place: no permuting copies.
 */
final class RaderFft extends BatchFft {
  private final int len;
  private final CyclicConvolution convolution;
  /** gather[q] = g^q mod n, the input index in row q; gather[L] = 0. */
  private final int[] gather;
  /** scatter[q] = g^{−q} mod n, the output index in row q; scatter[L] = 0. */
  private final int[] scatter;
  /** Rows in Rader order, for the natural-order {@link #forward}. */
  private final double[] inRe;
  private final double[] inIm;
  private final double[] outRe;
  private final double[] outIm;

  RaderFft(int n, int maxWidth) {
    super(n, maxWidth);
    this.len = n - 1;
    long g = PrimitiveRoot.smallest(n);
    long gInverse = PrimitiveRoot.powMod(g, n - 2L, n);
    gather = new int[n];
    scatter = new int[n];
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
    inRe = new double[n * maxWidth];
    inIm = new double[n * maxWidth];
    outRe = new double[n * maxWidth];
    outIm = new double[n * maxWidth];
  }

  @Override
  int[] inputPositions() {
    return positions(gather);
  }

  @Override
  int[] outputPositions() {
    return positions(scatter);
  }

  private int[] positions(int[] order) {
    int[] position = new int[n];
    for (int row = 0; row < n; row++) {
      position[order[row]] = row;
    }
    return position;
  }

  @Override
  void forward(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w) {
    for (int row = 0; row < n; row++) {
      System.arraycopy(srcRe, gather[row] * w, inRe, row * w, w);
      System.arraycopy(srcIm, gather[row] * w, inIm, row * w, w);
    }
    forwardOrdered(inRe, inIm, outRe, outIm, w);
    for (int row = 0; row < n; row++) {
      System.arraycopy(outRe, row * w, dstRe, scatter[row] * w, w);
      System.arraycopy(outIm, row * w, dstIm, scatter[row] * w, w);
    }
  }

  @Override
  void forwardOrdered(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w) {
    int x0 = len * w;
    convolution.spectrum(srcRe, srcIm, w);
    double[] specRe = convolution.spectrumRe;
    double[] specIm = convolution.spectrumIm;
    for (int j = 0; j < w; j++) {
      dstRe[x0 + j] = srcRe[x0 + j] + specRe[j];
      dstIm[x0 + j] = srcIm[x0 + j] + specIm[j];
    }
    convolution.applyKernel(w);
    for (int j = 0; j < w; j++) {
      specRe[j] += srcRe[x0 + j];
      specIm[j] += srcIm[x0 + j];
    }
    convolution.convolve(dstRe, dstIm, w);
  }
}
