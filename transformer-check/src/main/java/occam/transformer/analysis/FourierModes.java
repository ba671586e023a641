package occam.transformer.analysis;

import java.util.Arrays;
import occam.fourier.Dft2;
import occam.fourier.Dft2Backend;
import occam.fourier.DftNormalization;
import occam.modular.ModularTask;

/**
 * A set S of 2-D Fourier modes (k, l) ∈ Z_m × Z_m, closed under negation, and the orthogonal
 * projection of functions on the domain onto their span. With F = DFT2(f) in {@link
 * DftNormalization#STANDARD} over the group indices (a, b) (domain cell a·m + b, SPEC §2):
 *
 * <pre>
 *   (P_S f)(a, b) = (1/m²)·Σ_{(k,l) ∈ S} F[k, l]·e^{2πi(ka + lb)/m}
 * </pre>
 *
 * which is real for real f because S = −S. P_S is the identity when S holds every mode and 0 when S
 * is empty. A logit table is projected class by class (each column c as a function of (a, b)).
 */
public final class FourierModes {
  private final int m;
  private final boolean[] kept;

  /** Takes a set that its factory built closed under negation. */
  private FourierModes(int m, boolean[] kept) {
    this.m = m;
    this.kept = kept;
  }

  /**
   * Every mode.
   *
   * @param m side, ≥ 1
   * @return S = Z_m × Z_m
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static FourierModes all(int m) {
    boolean[] kept = new boolean[side(m) * m];
    Arrays.fill(kept, true);
    return new FourierModes(m, kept);
  }

  /**
   * No mode.
   *
   * @param m side, ≥ 1
   * @return S = ∅
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static FourierModes none(int m) {
    return new FourierModes(side(m), new boolean[m * m]);
  }

  /**
   * The directions Nanda et al. (2023) restrict to for key frequencies K: cos(w_k(a ± b)) and
   * sin(w_k(a ± b)), w_k = 2πk/m, with the sign of the task (+ for add and mul, − for sub and div,
   * all in group indices), i.e. the modes (k, σ(k)) and (−k, σ(−k)) of the ideal support σ (SPEC §2),
   * and the constant mode (0, 0) when asked.
   *
   * @param task the task (m and σ)
   * @param keyFrequencies K ⊆ 1..⌊m/2⌋
   * @param constant whether (0, 0) belongs to the set
   * @return the set
   * @throws IllegalArgumentException if a frequency is outside 1..⌊m/2⌋
   */
  public static FourierModes keyDirections(ModularTask task, int[] keyFrequencies, boolean constant) {
    int m = task.groupOrder();
    boolean[] kept = new boolean[m * m];
    kept[0] = constant;
    for (int k : keyFrequencies) {
      if (k < 1 || k > m / 2) {
        throw new IllegalArgumentException(
            "key frequency " + k + " is outside [1, " + m / 2 + "] (m = " + m + ")");
      }
      int minus = m - k;
      kept[k * m + task.op().sigma(k, m)] = true;
      kept[minus * m + task.op().sigma(minus, m)] = true;
    }
    return new FourierModes(m, kept);
  }

  /** @return m */
  public int side() {
    return m;
  }

  /**
   * Whether a mode is in the set.
   *
   * @param k first index in [0, m)
   * @param l second index in [0, m)
   * @return true if kept
   */
  public boolean contains(int k, int l) {
    return kept[k * m + l];
  }

  /**
   * Projects a table column by column.
   *
   * @param table row-major m² × columns, row a·m + b
   * @param columns values per row (p for a logit table)
   * @return P_S of each column, same layout
   * @throws IllegalArgumentException if the table is not m² rows of that many columns
   */
  public double[] project(float[] table, int columns) {
    int cells = checkTable(table, m, columns, "table");
    Dft2 dft = Dft2Backend.fastest().create(m, DftNormalization.STANDARD);
    double[] a = new double[2 * cells];
    double[] out = new double[table.length];
    for (int c = 0; c < columns; c++) {
      loadColumn(table, columns, c, a);
      dft.forward(a);
      for (int i = 0; i < cells; i++) {
        if (!kept[i]) {
          a[2 * i] = 0;
          a[2 * i + 1] = 0;
        }
      }
      dft.inverse(a);
      for (int i = 0; i < cells; i++) {
        out[i * columns + c] = a[2 * i];
      }
    }
    return out;
  }

  /**
   * Checks that a table holds m² rows (the domain cells) of the given number of columns.
   *
   * @param table row-major values
   * @param m side of the domain
   * @param columns values per row
   * @param what the table's name, for the message
   * @return m², the number of rows
   * @throws IllegalArgumentException if columns &lt; 1 or the length is not m²·columns
   */
  static int checkTable(float[] table, int m, int columns, String what) {
    int cells = m * m;
    if (columns < 1 || table.length != (long) cells * columns) {
      throw new IllegalArgumentException(what + " of " + table.length + " values is not " + cells + " x " + columns);
    }
    return cells;
  }

  /**
   * Copies column c of an m²-row table into an interleaved complex m×m matrix (imaginary parts 0),
   * ready for a {@link Dft2}.
   *
   * @param table row-major m² × columns
   * @param columns values per row
   * @param c the column
   * @param a the target, length 2m²
   */
  static void loadColumn(float[] table, int columns, int c, double[] a) {
    for (int i = 0; i < a.length / 2; i++) {
      a[2 * i] = table[i * columns + c];
      a[2 * i + 1] = 0;
    }
  }

  private static int side(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("side m = " + m + " is not allowed: it must be >= 1");
    }
    return m;
  }
}
