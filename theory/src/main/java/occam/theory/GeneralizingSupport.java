package occam.theory;

import occam.modular.ModularTask;

/**
 * The exact generalizing solution's spectrum ĝ and its support size |supp W*| (SPEC §2): W* has
 * W*_{k,σ(k)} = ĝ_k and zeros elsewhere, with
 *
 * <pre>
 *   ĝ_k = (1/m)·Σ_{t=0}^{m−1} v(t)·e^{−2πi·k·t/m},   k = 0 … m − 1,
 * </pre>
 *
 * where v(t) is the target value of the result whose group index is t. For a task in the "value"
 * encoding (y = c) v(t) = {@link ModularTask#element}(t): t for add and sub, g^t mod p for mul and div.
 *
 * <p>The support is counted, not assumed: an entry is non-zero when |ĝ_k| &gt; {@value
 * #RELATIVE_THRESHOLD}·max_k |ĝ_k|. The naive DFT here is accurate to ~1e-13 relative, far below
 * the threshold, and the true non-zero entries are far above it (for v(t) = t, |ĝ_k| ≥ 1/2 for every
 * k ≠ 0). Results: m for add and sub; for mul and div v(t + m/2) = p − v(t) cancels every even
 * frequency but 0, leaving m/2 + 1 = (p + 1)/2 (SPEC §2). Another target encoding (e.g. an affine
 * "centered" one) can change ĝ_0 and so the count: pass its values to {@link #size(double[])}.
 */
public final class GeneralizingSupport {

  /** An entry of ĝ counts as non-zero above this share of the largest |ĝ_k| (SPEC §2: 1e-9). */
  public static final double RELATIVE_THRESHOLD = 1e-9;

  private GeneralizingSupport() {}

  /**
   * |supp W*| for a task in the "value" encoding.
   *
   * @param task the task
   * @return the number of non-zero ĝ_k, in [1, m]
   */
  public static int size(ModularTask task) {
    return size(values(task));
  }

  /**
   * |supp W*| for targets v(t) indexed by the result's group index t.
   *
   * @param values v(0) … v(m − 1), m ≥ 1, finite
   * @return the number of k with |ĝ_k| &gt; 1e-9·max |ĝ| (0 if all v are 0)
   * @throws IllegalArgumentException if values is empty or holds a non-finite entry
   */
  public static int size(double[] values) {
    double[] g = coefficients(values);
    int m = values.length;
    double max = 0;
    for (int k = 0; k < m; k++) {
      max = Math.max(max, Math.hypot(g[2 * k], g[2 * k + 1]));
    }
    int count = 0;
    for (int k = 0; k < m; k++) {
      if (Math.hypot(g[2 * k], g[2 * k + 1]) > RELATIVE_THRESHOLD * max) {
        count++;
      }
    }
    return count;
  }

  /**
   * ĝ for a task in the "value" encoding.
   *
   * @param task the task
   * @return ĝ interleaved (re, im) as 2m doubles: ĝ_k = g[2k] + i·g[2k+1]
   */
  public static double[] coefficients(ModularTask task) {
    return coefficients(values(task));
  }

  /**
   * ĝ_k = (1/m)·Σ_t v(t)·e^{−2πikt/m} by the naive O(m²) sum, with k·t reduced mod m before the
   * angle is formed, so every twiddle factor is exact to rounding.
   *
   * @param values v(0) … v(m − 1), m ≥ 1, finite
   * @return ĝ interleaved (re, im) as 2m doubles
   * @throws IllegalArgumentException if values is empty or holds a non-finite entry
   */
  public static double[] coefficients(double[] values) {
    int m = values.length;
    if (m == 0) {
      throw new IllegalArgumentException("values is empty: need v(t) for t = 0 .. m-1, m >= 1");
    }
    for (int t = 0; t < m; t++) {
      if (!Double.isFinite(values[t])) {
        throw new IllegalArgumentException("v(" + t + ") = " + values[t] + " is not allowed: values must be finite");
      }
    }
    double[] cos = new double[m];
    double[] sin = new double[m];
    for (int j = 0; j < m; j++) {
      double angle = 2 * Math.PI * j / m;
      cos[j] = Math.cos(angle);
      sin[j] = Math.sin(angle);
    }
    double[] g = new double[2 * m];
    for (int k = 0; k < m; k++) {
      double re = 0;
      double im = 0;
      for (int t = 0; t < m; t++) {
        int j = (int) ((long) k * t % m);
        re += values[t] * cos[j];
        im -= values[t] * sin[j];
      }
      g[2 * k] = re / m;
      g[2 * k + 1] = im / m;
    }
    return g;
  }

  /** v(t) = element(t), the "value" encoding of the result with group index t. */
  private static double[] values(ModularTask task) {
    int m = task.groupOrder();
    double[] v = new double[m];
    for (int t = 0; t < m; t++) {
      v[t] = task.element(t);
    }
    return v;
  }
}
