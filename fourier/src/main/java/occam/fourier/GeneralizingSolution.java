package occam.fourier;

import occam.modular.ModularTask;

/**
 * The exact generalizing solution W* of a task in the Fourier basis (SPEC §2).
 *
 * <p>With v(t) the target value of the result whose group index is t, and ĝ_k = (1/m)·Σ_t v(t)·
 * e^{−2πikt/m}, W* is zero except W*_{k,σ(k)} = ĝ_k on the ideal support σ (diagonal for add/mul,
 * anti-diagonal for sub/div). Then ŷ(u,v) = Σ_k ĝ_k e^{2πik·(a(u) ± a(v))/m} = v(a(u) ± a(v)) fits
 * every pair. W* may vanish on part of σ (for mul, v(t + m/2) = p − v(t) kills every even
 * frequency but 0), so its support is counted, not assumed to be m.
 */
public final class GeneralizingSolution {
  /**
   * Relative cut-off below which |ĝ_k| counts as zero: the exact zeros come out of an m-term sum of
   * values ≤ p as ~m·p·ε_machine, far below 1e-9·max|ĝ|.
   */
  public static final double RELATIVE_ZERO = 1e-9;

  private GeneralizingSolution() {}

  /**
   * The coefficients ĝ_k for a task in the "value" encoding (v(t) = element(t)), interleaved re/im.
   *
   * @param task the task
   * @return 2m doubles: ĝ_k = g[2k] + i·g[2k+1]
   */
  public static double[] coefficients(ModularTask task) {
    return coefficients(values(task));
  }

  /**
   * ĝ_k = (1/m)·Σ_t v(t)·e^{−2πikt/m} by the naive O(m²) sum, with k·t reduced mod m before the
   * angle is formed, so every twiddle factor is exact to rounding. Another target encoding (e.g. a
   * centered one) passes its own values.
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

  /**
   * W* as an interleaved m×m complex matrix (row k, column σ(k) holds ĝ_k; exact zeros are set to 0).
   *
   * @param task the task
   * @return 2m² doubles
   */
  public static double[] weights(ModularTask task) {
    int m = task.groupOrder();
    double[] g = coefficients(task);
    double cut = RELATIVE_ZERO * maxAbs(g);
    double[] w = new double[2 * m * m];
    for (int k = 0; k < m; k++) {
      if (Math.hypot(g[2 * k], g[2 * k + 1]) > cut) {
        int cell = k * m + task.op().sigma(k, m);
        w[2 * cell] = g[2 * k];
        w[2 * cell + 1] = g[2 * k + 1];
      }
    }
    return w;
  }

  /**
   * |supp W*|: the number of nonzero ĝ_k (m for add/sub; 1 + m/2 for mul and div, whose even
   * frequencies other than 0 vanish).
   *
   * @param task the task
   * @return the support size, 1 ≤ size ≤ m
   */
  public static int supportSize(ModularTask task) {
    return supportSize(values(task));
  }

  /**
   * |supp W*| for targets v(t) indexed by the result's group index t.
   *
   * @param values v(0) … v(m − 1), m ≥ 1, finite
   * @return the number of k with |ĝ_k| &gt; 1e-9·max |ĝ| (0 if all v are 0)
   * @throws IllegalArgumentException if values is empty or holds a non-finite entry
   */
  public static int supportSize(double[] values) {
    double[] g = coefficients(values);
    double cut = RELATIVE_ZERO * maxAbs(g);
    if (cut == 0) {
      return 0;
    }
    int count = 0;
    for (int k = 0; k < g.length / 2; k++) {
      if (Math.hypot(g[2 * k], g[2 * k + 1]) > cut) {
        count++;
      }
    }
    return count;
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

  private static double maxAbs(double[] interleaved) {
    double max = 0;
    for (int k = 0; k < interleaved.length / 2; k++) {
      max = Math.max(max, Math.hypot(interleaved[2 * k], interleaved[2 * k + 1]));
    }
    return max;
  }
}
