package occam.fourier;

/**
 * Occam's real-input 2D DFT ({@link RealDft2}; half-spectrum layout there), built from the batched
 * passes of {@link BatchFft}. Legend: m side, h = ⌊m/2⌋ + 1 stored columns, c = ⌈m/2⌉ row pairs.
 *
 * <p>Forward: rows a and a + c of X are packed into one complex column z = X[a, ·] + i·X[a + c, ·]
 * (the row a + c = m of odd m is zero), one pass along b transforms all c columns, and the two row
 * spectra are separated for l &lt; h by
 *
 * <pre>  X₁[l] = (Z[l] + conj Z[−l])/2,   X₂[l] = (Z[l] − conj Z[−l])/(2i)</pre>
 *
 * (the two-for-one trick; Press et al., <i>Numerical Recipes</i>, 3rd ed., §12.3.2), written
 * transposed into an m×h matrix whose columns a second pass transforms along a. The inverse runs the
 * same steps backwards: a pass along k over the h columns, the Hermitian extension of two rows at a
 * time packed as X₁ + i·X₂, a pass along l, and the real and imaginary parts unpacked into the rows.
 * Each direction costs two passes over about m·m/2 complex numbers, half the work of {@link
 * StockhamDft2}. Like it, each pass runs over cache-sized chunks of columns ({@link
 * BatchFft#chunkWidth}), gathering and scattering transposed as it goes. Not thread-safe (it owns
 * its scratch planes).
 */
public final class StockhamRealDft2 implements RealDft2 {
  private final int m;
  private final int h;
  private final int c;
  private final DftNormalization normalization;
  private final int chunk;
  private final BatchFft fft;
  /** Physical chunk row of each logical row, into and out of the plan ({@link BatchFft#forwardOrdered}). */
  private final int[] in;
  private final int[] out;
  /** mirror[l] = out[(m − l) mod m]: where the frequency −l of a chunk column sits. */
  private final int[] mirror;
  /**
   * The half-transformed matrix between the passes: G[a·h + l], m×h, plus a row m that the
   * inverse keeps zero (the missing partner of row c − 1 when m is odd) and the forward may scribble on.
   */
  private final double[] gRe;
  private final double[] gIm;
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
  public StockhamRealDft2(int m, DftNormalization normalization) {
    this.m = Args.side(m);
    this.normalization = Args.normalization(normalization);
    this.h = m / 2 + 1;
    this.c = (m + 1) / 2;
    this.chunk = BatchFft.chunkWidth(m, h);
    this.fft = BatchFft.plan(m, BatchFft.stride(chunk));
    this.in = fft.inputPositions();
    this.out = fft.outputPositions();
    this.mirror = new int[m];
    for (int l = 0; l < m; l++) {
      mirror[l] = out[(m - l) % m];
    }
    this.gRe = new double[(m + 1) * h];
    this.gIm = new double[(m + 1) * h];
    this.sRe = new double[m * BatchFft.stride(chunk)];
    this.sIm = new double[m * BatchFft.stride(chunk)];
    this.dRe = new double[m * BatchFft.stride(chunk)];
    this.dIm = new double[m * BatchFft.stride(chunk)];
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
  public void forward(double[] real, double[] halfSpectrum) {
    Args.length(real, m * m, "a real " + m + "x" + m + " matrix");
    Args.length(halfSpectrum, 2 * m * h, "a half spectrum of side " + m);
    // Pass 1, along b: packed columns z_j = X[j, ·] + i·X[j + c, ·], j < c.
    for (int j0 = 0; j0 < c; j0 += chunk) {
      int w = Math.min(chunk, c - j0);
      int stride = BatchFft.stride(w);
      for (int jj = 0; jj < w; jj++) {
        int a1 = (j0 + jj) * m;
        int a2 = a1 + c * m;
        if (j0 + jj + c < m) {
          for (int b = 0; b < m; b++) {
            sRe[in[b] * stride + jj] = real[a1 + b];
            sIm[in[b] * stride + jj] = real[a2 + b];
          }
        } else {
          for (int b = 0; b < m; b++) {
            sRe[in[b] * stride + jj] = real[a1 + b];
            sIm[in[b] * stride + jj] = 0;
          }
        }
      }
      fft.forwardOrdered(sRe, sIm, dRe, dIm, stride);
      // Separate the two row spectra for l < h into rows a1, a2 of G (a2 = m is the spare row).
      for (int jj = 0; jj < w; jj++) {
        int a1 = (j0 + jj) * h;
        int a2 = Math.min(j0 + jj + c, m) * h;
        for (int l = 0; l < h; l++) {
          int zl = out[l] * stride + jj;
          int zm = mirror[l] * stride + jj;
          double zr = dRe[zl];
          double zi = dIm[zl];
          double wr = dRe[zm];
          double wi = dIm[zm];
          gRe[a1 + l] = 0.5 * (zr + wr);
          gIm[a1 + l] = 0.5 * (zi - wi);
          gRe[a2 + l] = 0.5 * (zi + wi);
          gIm[a2 + l] = 0.5 * (wr - zr);
        }
      }
    }
    // Pass 2, along a: columns l < h of G, written interleaved into the half spectrum.
    double scale = normalization.scale(m, TransformDirection.FORWARD);
    for (int l0 = 0; l0 < h; l0 += chunk) {
      int w = Math.min(chunk, h - l0);
      int stride = BatchFft.stride(w);
      for (int a = 0; a < m; a++) {
        System.arraycopy(gRe, a * h + l0, sRe, in[a] * stride, w);
        System.arraycopy(gIm, a * h + l0, sIm, in[a] * stride, w);
      }
      fft.forwardOrdered(sRe, sIm, dRe, dIm, stride);
      for (int k = 0; k < m; k++) {
        int to = 2 * (k * h + l0);
        int from = out[k] * stride;
        for (int ll = 0; ll < w; ll++) {
          halfSpectrum[to + 2 * ll] = dRe[from + ll] * scale;
          halfSpectrum[to + 2 * ll + 1] = dIm[from + ll] * scale;
        }
      }
    }
  }

  @Override
  public void inverse(double[] halfSpectrum, double[] real) {
    Args.length(halfSpectrum, 2 * m * h, "a half spectrum of side " + m);
    Args.length(real, m * m, "a real " + m + "x" + m + " matrix");
    // Pass 1, along k (inverse by swapped planes): columns l < h, results into G.
    for (int l0 = 0; l0 < h; l0 += chunk) {
      int w = Math.min(chunk, h - l0);
      int stride = BatchFft.stride(w);
      for (int k = 0; k < m; k++) {
        int from = 2 * (k * h + l0);
        int to = in[k] * stride;
        for (int ll = 0; ll < w; ll++) {
          sRe[to + ll] = halfSpectrum[from + 2 * ll];
          sIm[to + ll] = halfSpectrum[from + 2 * ll + 1];
        }
      }
      fft.forwardOrdered(sIm, sRe, dIm, dRe, stride);
      for (int a = 0; a < m; a++) {
        System.arraycopy(dRe, out[a] * stride, gRe, a * h + l0, w);
        System.arraycopy(dIm, out[a] * stride, gIm, a * h + l0, w);
      }
    }
    // Pass 2, along l (inverse): Z = X₁ + i·X₂ for rows j and j + c, Hermitian-extended over l.
    java.util.Arrays.fill(gRe, m * h, (m + 1) * h, 0.0);
    java.util.Arrays.fill(gIm, m * h, (m + 1) * h, 0.0);
    double scale = normalization.scale(m, TransformDirection.INVERSE);
    for (int j0 = 0; j0 < c; j0 += chunk) {
      int w = Math.min(chunk, c - j0);
      int stride = BatchFft.stride(w);
      for (int jj = 0; jj < w; jj++) {
        pack(j0 + jj, jj, stride);
      }
      fft.forwardOrdered(sIm, sRe, dIm, dRe, stride);
      for (int jj = 0; jj < w; jj++) {
        int a1 = (j0 + jj) * m;
        int a2 = a1 + c * m;
        for (int b = 0; b < m; b++) {
          real[a1 + b] = dRe[out[b] * stride + jj] * scale;
        }
        if (j0 + jj + c < m) {
          for (int b = 0; b < m; b++) {
            real[a2 + b] = dIm[out[b] * stride + jj] * scale;
          }
        }
      }
    }
  }

  /**
   * Writes column jj of the chunk: Z[l] = X₁[l] + i·X₂[l], X₁ = row j of G and X₂ = row j + c (the
   * zero row m if past the end), each extended by X[m − l] = conj X[l]; on the self-mirrored columns
   * only the real parts count. With g₁ = (p, q), g₂ = (u, v): Z = (p, u) for self-mirrored l,
   * (p − v, q + u) for the other stored l, (p + v, u − q) for mirrored l.
   */
  private void pack(int j, int jj, int stride) {
    int a1 = j * h;
    int a2 = Math.min(j + c, m) * h;
    int o = in[0] * stride + jj;
    sRe[o] = gRe[a1];
    sIm[o] = gRe[a2];
    int storedEnd = m % 2 == 0 ? m / 2 : h;
    for (int l = 1; l < storedEnd; l++) {
      o = in[l] * stride + jj;
      sRe[o] = gRe[a1 + l] - gIm[a2 + l];
      sIm[o] = gIm[a1 + l] + gRe[a2 + l];
    }
    if (m % 2 == 0) {
      o = in[m / 2] * stride + jj;
      sRe[o] = gRe[a1 + m / 2];
      sIm[o] = gRe[a2 + m / 2];
    }
    for (int l = h; l < m; l++) {
      int lt = m - l;
      o = in[l] * stride + jj;
      sRe[o] = gRe[a1 + lt] + gIm[a2 + lt];
      sIm[o] = gRe[a2 + lt] - gIm[a1 + lt];
    }
  }
}
