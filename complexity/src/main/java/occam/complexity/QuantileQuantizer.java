package occam.complexity;

import java.util.Arrays;

/**
 * Maps a tensor to b symbols by its own quantiles (the paper's quartile mapping for b = 4), so that
 * BDM sees structure, not magnitude: scaling every weight by a positive factor leaves the symbols
 * unchanged.
 *
 * <p>With the N values sorted, v_(1) ≤ … ≤ v_(N), the thresholds are the lower empirical quantiles
 * t_j = v_(⌈j·N/b⌉), j = 1..b−1 (inverse of the empirical CDF, Hyndman–Fan type 1), and a value x gets
 * symbol #{j : x &gt; t_j}. With distinct values every symbol gets ⌊N/b⌋ or ⌈N/b⌉ values.
 *
 * <p>Ties: equal values always get the same symbol. A run of equal values that straddles a threshold
 * goes wholly to the lower symbol, so bins can be unequal and some symbols can stay unused (a constant
 * tensor maps to all 0; in a tensor that is 10/16 exact zeros, the zeros all get symbol 0 and symbol 1
 * is unused).
 */
public final class QuantileQuantizer {

  private QuantileQuantizer() {}

  /**
   * The thresholds t_1..t_{b−1}.
   *
   * @param values the tensor, any order (not modified)
   * @param alphabet b, 2 to 10
   * @return b−1 non-decreasing thresholds
   * @throws IllegalArgumentException if values is empty or holds NaN, or b is out of range
   */
  public static double[] thresholds(double[] values, int alphabet) {
    if (alphabet < 2 || alphabet > 10) {
      throw new IllegalArgumentException("alphabet " + alphabet + " is not allowed: need 2 to 10");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot quantize an empty tensor");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (Double.isNaN(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException("cannot quantize a tensor holding NaN");
    }
    int n = sorted.length;
    double[] t = new double[alphabet - 1];
    for (int j = 1; j < alphabet; j++) {
      long rank = ((long) j * n + alphabet - 1) / alphabet; // ⌈j·N/b⌉, 1-based
      t[j - 1] = sorted[(int) Math.max(rank, 1) - 1];
    }
    return t;
  }

  /**
   * Quantizes a tensor.
   *
   * @param values the tensor (not modified)
   * @param alphabet b, 2 to 10
   * @return one symbol 0..b−1 per value, same order
   * @throws IllegalArgumentException as for {@link #thresholds}
   */
  public static byte[] quantize(double[] values, int alphabet) {
    double[] t = thresholds(values, alphabet);
    byte[] s = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      int k = 0;
      while (k < t.length && values[i] > t[k]) {
        k++;
      }
      s[i] = (byte) k;
    }
    return s;
  }

  /**
   * Quantizes a float tensor (widened to double).
   *
   * @param values the tensor (not modified)
   * @param alphabet b, 2 to 10
   * @return one symbol per value
   * @throws IllegalArgumentException as for {@link #thresholds}
   */
  public static byte[] quantize(float[] values, int alphabet) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return quantize(d, alphabet);
  }

  /**
   * Quantizes a row-major matrix into a {@link SymbolMatrix}.
   *
   * @param values rows·cols values, row-major
   * @param rows rows
   * @param cols columns
   * @param alphabet b
   * @return the symbol matrix
   * @throws IllegalArgumentException if the length is not rows·cols, or as for {@link #thresholds}
   */
  public static SymbolMatrix quantize(double[] values, int rows, int cols, int alphabet) {
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          values.length + " values do not fill a " + rows + "x" + cols + " matrix");
    }
    return new SymbolMatrix(rows, cols, quantize(values, alphabet));
  }
}
