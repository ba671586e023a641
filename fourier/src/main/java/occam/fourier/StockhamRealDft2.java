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
 * StockhamDft2}. Not thread-safe (it owns its scratch planes).
 */
public final class StockhamRealDft2 implements RealDft2 {
  private final int m;
  private final int h;
  private final int c;
  private final DftNormalization normalization;
  private final BatchFft fft;
  private final double[] xRe;
  private final double[] xIm;
  private final double[] yRe;
  private final double[] yIm;

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
    this.fft = BatchFft.plan(m, h);
    this.xRe = new double[m * h];
    this.xIm = new double[m * h];
    this.yRe = new double[m * h];
    this.yIm = new double[m * h];
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
    // z[b][j] = X[j, b] + i·X[j + c, b]: c columns of length m.
    for (int j = 0; j < c; j++) {
      int a1 = j * m;
      int a2 = (j + c) * m;
      boolean paired = j + c < m;
      for (int b = 0; b < m; b++) {
        xRe[b * c + j] = real[a1 + b];
        xIm[b * c + j] = paired ? real[a2 + b] : 0;
      }
    }
    fft.forward(xRe, xIm, yRe, yIm, c);
    // Separate the two row spectra for l < h and write them transposed: G[a][l], m×h.
    for (int l = 0; l < h; l++) {
      int zl = l * c;
      int zm = ((m - l) % m) * c;
      for (int j = 0; j < c; j++) {
        double zr = yRe[zl + j];
        double zi = yIm[zl + j];
        double wr = yRe[zm + j];
        double wi = yIm[zm + j];
        xRe[j * h + l] = 0.5 * (zr + wr);
        xIm[j * h + l] = 0.5 * (zi - wi);
        if (j + c < m) {
          xRe[(j + c) * h + l] = 0.5 * (zi + wi);
          xIm[(j + c) * h + l] = 0.5 * (wr - zr);
        }
      }
    }
    fft.forward(xRe, xIm, yRe, yIm, h);
    double scale = normalization.scale(m, TransformDirection.FORWARD);
    for (int i = 0; i < m * h; i++) {
      halfSpectrum[2 * i] = yRe[i] * scale;
      halfSpectrum[2 * i + 1] = yIm[i] * scale;
    }
  }

  @Override
  public void inverse(double[] halfSpectrum, double[] real) {
    Args.length(halfSpectrum, 2 * m * h, "a half spectrum of side " + m);
    Args.length(real, m * m, "a real " + m + "x" + m + " matrix");
    Planes.deinterleave(halfSpectrum, xRe, xIm, m * h);
    // Inverse along k (swapped planes): G[a][l] in y.
    fft.forward(xIm, xRe, yIm, yRe, h);
    // Z[l] = X₁[l] + i·X₂[l] for rows j and j + c, Hermitian-extended over l; stored in x as c columns.
    for (int l = 0; l < m; l++) {
      boolean stored = l < h;
      int lt = stored ? l : m - l;
      boolean selfMirrored = l == 0 || 2 * l == m;
      for (int j = 0; j < c; j++) {
        double p = yRe[j * h + lt];
        double q = yIm[j * h + lt];
        double u = 0;
        double v = 0;
        if (j + c < m) {
          u = yRe[(j + c) * h + lt];
          v = yIm[(j + c) * h + lt];
        }
        int o = l * c + j;
        if (selfMirrored) {
          xRe[o] = p;
          xIm[o] = u;
        } else if (stored) {
          xRe[o] = p - v;
          xIm[o] = q + u;
        } else {
          xRe[o] = p + v;
          xIm[o] = u - q;
        }
      }
    }
    fft.forward(xIm, xRe, yIm, yRe, c);
    double scale = normalization.scale(m, TransformDirection.INVERSE);
    for (int j = 0; j < c; j++) {
      int a1 = j * m;
      int a2 = (j + c) * m;
      boolean paired = j + c < m;
      for (int b = 0; b < m; b++) {
        real[a1 + b] = yRe[b * c + j] * scale;
        if (paired) {
          real[a2 + b] = yIm[b * c + j] * scale;
        }
      }
    }
  }
}
