package occam.fourier;

/**
 * The half-spectrum layout of {@link RealDft2}: rows k = 0..m−1, columns l = 0..h−1 with
 * h = ⌊m/2⌋ + 1, interleaved re/im, {@code F[2(k·h + l)]} = Re F[k, l]. The full spectrum's other
 * columns are the mirror F[k, l] = conj F[(m − k) mod m, m − l].
 */
public final class HalfSpectrum {
  private HalfSpectrum() {}

  /**
   * Number of stored columns.
   *
   * @param m side ≥ 1
   * @return h = ⌊m/2⌋ + 1
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static int columns(int m) {
    return Args.side(m) / 2 + 1;
  }

  /**
   * Array length of a half spectrum.
   *
   * @param m side ≥ 1
   * @return 2·m·(⌊m/2⌋ + 1)
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static int length(int m) {
    return 2 * m * columns(m);
  }

  /**
   * Position of Re F[k, l] in the half spectrum (Im F[k, l] follows it).
   *
   * @param m side ≥ 1
   * @param k row in [0, m)
   * @param l column in [0, ⌊m/2⌋]
   * @return 2(k·h + l)
   * @throws IllegalArgumentException if k or l is outside its range
   */
  public static int index(int m, int k, int l) {
    int h = columns(m);
    if (k < 0 || k >= m || l < 0 || l >= h) {
      throw new IllegalArgumentException(
          "(k, l) = (" + k + ", " + l + ") is outside the half spectrum: k must be in [0, " + m + "), l in [0, " + h + ")");
    }
    return 2 * (k * h + l);
  }

  /**
   * How many entries of the full m×m spectrum one stored entry of column l stands for: 1 for the
   * self-mirrored columns l = 0 and (even m) l = m/2, 2 for the others. Σ over the full spectrum of
   * f(|F[k, l]|) equals Σ over the half spectrum of multiplicity(m, l)·f(|F[k, l]|).
   *
   * @param m side ≥ 1
   * @param l column in [0, ⌊m/2⌋]
   * @return 1 or 2
   * @throws IllegalArgumentException if m &lt; 1 or l is outside [0, ⌊m/2⌋]
   */
  public static int multiplicity(int m, int l) {
    int h = columns(m);
    if (l < 0 || l >= h) {
      throw new IllegalArgumentException("column l = " + l + " is outside [0, " + h + ")");
    }
    return l == 0 || 2 * l == m ? 1 : 2;
  }

  /**
   * The full m×m interleaved spectrum (the {@link Dft2} layout) of a half spectrum: stored columns
   * copied as they are, the others filled by F[k, l] = conj F[(m − k) mod m, m − l].
   *
   * @param half 2·m·(⌊m/2⌋ + 1) doubles (not modified)
   * @param m side ≥ 1
   * @return a new array of 2m² doubles
   * @throws IllegalArgumentException if m &lt; 1 or half has the wrong length
   */
  public static double[] expand(double[] half, int m) {
    int h = columns(m);
    Args.length(half, 2 * m * h, "a half spectrum of side " + m);
    double[] full = new double[2 * m * m];
    expand(half, m, full);
    return full;
  }

  /**
   * {@link #expand(double[], int)} into a given array.
   *
   * @param half 2·m·h doubles, h = ⌊m/2⌋ + 1 (not modified)
   * @param m side
   * @param full receives 2m² doubles
   */
  static void expand(double[] half, int m, double[] full) {
    int h = m / 2 + 1;
    for (int k = 0; k < m; k++) {
      System.arraycopy(half, 2 * k * h, full, 2 * k * m, 2 * h);
      int mirrorRow = (m - k) % m;
      for (int l = h; l < m; l++) {
        int from = 2 * (mirrorRow * h + (m - l));
        full[2 * (k * m + l)] = half[from];
        full[2 * (k * m + l) + 1] = -half[from + 1];
      }
    }
  }

  /**
   * The half spectrum (columns 0..⌊m/2⌋) of a full m×m interleaved spectrum. For the spectrum of a
   * real matrix nothing is lost; otherwise the dropped columns are simply ignored.
   *
   * @param full 2m² doubles (not modified)
   * @param m side ≥ 1
   * @return a new array of 2·m·(⌊m/2⌋ + 1) doubles
   * @throws IllegalArgumentException if m &lt; 1 or full has the wrong length
   */
  public static double[] of(double[] full, int m) {
    int h = columns(m);
    Args.length(full, 2 * m * m, "an interleaved " + m + "x" + m + " complex matrix");
    double[] half = new double[2 * m * h];
    for (int k = 0; k < m; k++) {
      System.arraycopy(full, 2 * k * m, half, 2 * k * h, 2 * h);
    }
    return half;
  }
}
