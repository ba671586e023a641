package occam.theory;

/**
 * What both real branches of the Lambert W function share near the branch point x = −1/e, where
 * W₀(−1/e) = W₋₁(−1/e) = −1 and dW/dx diverges.
 *
 * <p>Legend: q = 1 + e·x = e·(x + 1/e) ∈ [0, 1] for x ∈ [−1/e, 0]; p = √(2q); y = 1 + W, the distance
 * of W from the branch point (y ≥ 0 on W₀, y ≤ 0 on W₋₁).
 *
 * <p>Why these coordinates: the relative condition number of W is 1/(1 + W), so an error of one ulp
 * in a residual formed in x (or in ln x) costs 1/|y| ulp in W. Here q is formed from a two-double
 * split of 1/e and of e, accurate to a few ulp <em>relative to q</em>, and the residual is written in
 * y, whose terms are each accurate relative to y; the error in W stays at a few ulp right up to the
 * branch point.
 *
 * <ul>
 *   <li>{@link #series}: W = Σ μ_k·(±p)^k, Corless, Gonnet, Hare, Jeffrey &amp; Knuth, "On the Lambert
 *       W function", Adv. Comput. Math. 5 (1996) 329–359, eq. (4.22), coefficients μ_k from the
 *       recurrence (4.23)–(4.24), exact rationals rounded to double.
 *   <li>{@link #refine}: Halley iteration on F(y) = ln(1 − q) − ln(1 − y) − y = 0, the logarithm of
 *       (1 − y)·e^y = 1 − q, which is W·e^W = x rewritten with W = y − 1 and x = (q − 1)/e.
 * </ul>
 */
final class LambertWBranchPoint {

  /** The double nearest 1/e: 0.36787944117144233 (1.24e-17 above 1/e). */
  static final double INV_E_HI = 0.36787944117144233;

  /** 1/e − {@link #INV_E_HI}, rounded to double (computed with mpmath at 60 digits). */
  static final double INV_E_LO = -1.2428753672788363e-17;

  /** The double nearest e: {@link Math#E}. */
  static final double E_HI = Math.E;

  /** e − {@link #E_HI}, rounded to double (computed with mpmath at 60 digits). */
  static final double E_LO = 1.4456468917292502e-16;

  /**
   * Branch-point series coefficients μ_0 … μ_21 of Corless et al. (1996), eq. (4.22)–(4.24): μ_0 = −1,
   * μ_1 = 1, μ_2 = −1/3, μ_3 = 11/72, μ_4 = −43/540, μ_5 = 769/17280, … They decay like 2^(−k/2)
   * (radius of convergence √2 in p); the test LambertWBranchPointTest recomputes them exactly.
   */
  static final double[] MU = {
    -1.0,
    1.0,
    -0.3333333333333333,
    0.1527777777777778,
    -0.07962962962962963,
    0.044502314814814814,
    -0.02598471487360376,
    0.01563563253233392,
    -0.009616892024299432,
    0.006014543252956118,
    -0.0038112980348919993,
    0.0024408779911439826,
    -0.0015769303446867841,
    0.0010262633205076071,
    -0.0006720616311561362,
    0.0004424730618146209,
    -0.00029267722472962746,
    0.00019438727605453933,
    -0.00012957426685274883,
    8.665035805208128e-05,
    -5.811360750441382e-05,
    3.907668486743905e-05,
  };

  /**
   * Up to this p the truncated series is exact to rounding: the remainder |μ_22|·p^22 ≈ 2.6e-5·p^22 is
   * below 2e-18 (0.02 ulp of |W| ≥ 1/2). Near p = 0 it is also the only usable route, as Halley's
   * F′(y) = y/(1 − y) vanishes there.
   */
  static final double P_SERIES_ONLY = 0.25;

  /** Halley stops once a step |Δy| falls below this share of |y|: the next error is O(Δy³/y²). */
  private static final double RELATIVE_STEP_TOLERANCE = 1e-6;

  /** Halley converges in 2–4 steps from the guesses used here; more means a bug. */
  static final int MAX_ITERATIONS = 20;

  private LambertWBranchPoint() {}

  /**
   * q = 1 + e·x = e·(x + 1/e), formed as e·δ with δ = x + 1/e from the two-double splits of 1/e and e
   * (Knuth's TwoSum for x + INV_E_HI), so that q carries a few ulp of error relative to q itself,
   * even 1e-17 away from the branch point.
   *
   * @param x argument, x ≥ −INV_E_HI
   * @return q ≥ 0 (a few 1e-17 below 0 only for x = −INV_E_HI, which callers handle first)
   */
  static double q(double x) {
    double s = x + INV_E_HI;
    double bb = s - x;
    double err = (x - (s - bb)) + (INV_E_HI - bb);
    double delta = s + (err + INV_E_LO);
    return Math.fma(E_HI, delta, E_LO * delta);
  }

  /**
   * The branch-point series W ≈ Σ_{k=0}^{21} μ_k·t^k (Horner), with t = p on W₀ and t = −p on W₋₁.
   *
   * @param t signed p
   * @return the series value
   */
  static double series(double t) {
    double sum = MU[MU.length - 1];
    for (int k = MU.length - 2; k >= 1; k--) {
      sum = Math.fma(sum, t, MU[k]);
    }
    // Add −1 last, with one rounding: the k ≥ 1 terms sum to y = 1 + W, small near the branch point.
    return Math.fma(sum, t, MU[0]);
  }

  /**
   * Refines W = y − 1 by Halley's method on F(y) = L − ln(1 − y) − y, L = ln(1 − q):
   * y ← y − (F/F′)/(1 − F·F″/(2F′²)), F′ = y/(1 − y), F″ = 1/(1 − y)², i.e. y ← y − s/(1 − F/(2y²))
   * with s = F·(1 − y)/y. Stops when |Δy| ≤ 1e-6·|y|.
   *
   * @param w0 initial guess of W, not −1
   * @param logOneMinusQ L = ln(1 − q) = 1 + ln(−x), formed by the caller in the accurate way for its q
   * @param x the argument (for the error message only)
   * @return W
   * @throws ArithmeticException if Halley does not converge in {@value #MAX_ITERATIONS} iterations
   */
  static double refine(double w0, double logOneMinusQ, double x) {
    double y = w0 + 1;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double f = logOneMinusQ - StrictMath.log1p(-y) - y;
      double newton = f * (1 - y) / y;
      double step = newton / (1 - f / (2 * y * y));
      y -= step;
      if (Math.abs(step) <= RELATIVE_STEP_TOLERANCE * Math.abs(y)) {
        return y - 1;
      }
    }
    throw new ArithmeticException(
        "Lambert W: Halley iteration did not converge in " + MAX_ITERATIONS + " iterations at x = " + x);
  }
}
