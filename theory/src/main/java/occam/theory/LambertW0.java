package occam.theory;

import static occam.theory.LambertWBranchPoint.INV_E_HI;

/**
 * The principal real branch W₀ of the Lambert W function: the solution w ≥ −1 of w·e^w = x, for
 * x ≥ −1/e. W₀ is increasing, W₀(−1/e) = −1, W₀(0) = 0, W₀(e) = 1, W₀(x) ~ ln x − ln ln x as x → ∞.
 *
 * <p>Domain and special values (IEEE-style: out-of-domain math is NaN, not an exception):
 *
 * <ul>
 *   <li>NaN → NaN; x &lt; −0.36787944117144233 → NaN;
 *   <li>x = −0.36787944117144233, the double nearest −1/e (it lies 1.24e-17 <em>below</em> −1/e, so
 *       strictly outside the real domain) → −1, as Boost.Math {@code lambert_w0} does, so that the
 *       branch point is representable;
 *   <li>±0 → ±0; +∞ → +∞.
 * </ul>
 *
 * <p>Algorithm, by region (accuracy: ≤ 4 ulp against a 100-digit Apfloat reference over the whole
 * domain, see {@code lambertw-reference.csv}; all elementary functions from {@link StrictMath}, so
 * results are the same on every JVM):
 *
 * <ul>
 *   <li>|x| ≤ 2^−14: Taylor series W₀(x) = Σ_{n≥1} (−n)^{n−1}/n!·x^n (Corless et al. 1996, eq. 3.1)
 *       through x⁵; the remainder (54/5)·|x|⁵ is below 1e-20 relative;
 *   <li>x &lt; −e^(−1/2)/2 ≈ −0.3033 (W₀ &lt; −1/2): branch-point coordinates of
 *       {@link LambertWBranchPoint}: the series in p = √(2(1 + e·x)) when p ≤ 0.25, else Halley's
 *       method in y = 1 + W from it;
 *   <li>otherwise: the iteration of Fritsch, Shafer &amp; Crowley, "Algorithm 443: Solution of the
 *       transcendental equation w·e^w = x", Commun. ACM 16(2) (1973) 123–124, started from Winitzki's
 *       uniform approximation W₀(x) ≈ ln(1 + x)·(1 − ln(1 + ln(1 + x))/(2 + ln(1 + x))) (S. Winitzki,
 *       "Uniform approximations for transcendental functions", ICCSA 2003, LNCS 2667, 780–789), good
 *       to a few per cent for all x &gt; −0.31. The residual z = ln(x/w) − w is formed with the exact
 *       remainder of the division x/w (by fma), so that its error is one ulp of ln(x/w) and no more.
 * </ul>
 */
public final class LambertW0 {

  /** Below this |x| the Taylor series at 0 is used (2^−14 ≈ 6.1e-5). */
  private static final double TAYLOR_MAX = 0x1p-14;

  /**
   * Below this x = −e^(−1/2)/2, where W₀ = −1/2, work in y = 1 + W: above the branch point the error of
   * ln(x/w) would cost 1/(1 + W) ulp. Not higher: once y ≥ 1/2 > |W|, the spacing of doubles near y
   * is coarser than near W.
   */
  private static final double BRANCH_REGION_MAX = -0.3032653298563167;

  /** Taylor coefficients (−n)^{n−1}/n! for n = 2..5 (Corless et al. 1996, eq. 3.1). */
  private static final double C2 = -1.0;

  private static final double C3 = 1.5;
  private static final double C4 = -8.0 / 3.0;
  private static final double C5 = 125.0 / 24.0;

  /**
   * Fritsch–Shafer–Crowley stops once a relative step |ε| falls below this: the iteration is quartic,
   * so the error left is O(ε⁴).
   */
  private static final double STEP_TOLERANCE = 1e-6;

  /** The iteration converges in 1–3 steps from Winitzki's guess; more means a bug. */
  private static final int MAX_ITERATIONS = 20;

  private LambertW0() {}

  /**
   * W₀(x).
   *
   * @param x argument; the real domain is [−1/e, ∞)
   * @return W₀(x) ≥ −1; NaN for NaN or x below the double nearest −1/e
   * @throws ArithmeticException if an iteration fails to converge (not expected for any double)
   */
  public static double value(double x) {
    if (!(x >= -INV_E_HI)) {
      return Double.NaN;
    }
    if (x == -INV_E_HI) {
      return -1;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (Math.abs(x) <= TAYLOR_MAX) {
      return x * (1 + x * (C2 + x * (C3 + x * (C4 + x * C5))));
    }
    if (x < BRANCH_REGION_MAX) {
      double q = LambertWBranchPoint.q(x);
      double p = Math.sqrt(2 * q);
      double w = LambertWBranchPoint.series(p);
      return p <= LambertWBranchPoint.P_SERIES_ONLY
          ? w
          : LambertWBranchPoint.refine(w, StrictMath.log1p(-q), x);
    }
    return fritschShaferCrowley(x, winitzki(x));
  }

  private static double winitzki(double x) {
    double l = StrictMath.log1p(x);
    return l * (1 - StrictMath.log1p(l) / (2 + l));
  }

  /**
   * Fritsch, Shafer &amp; Crowley (1973): with z = ln(x/w) − w, q = 2(1 + w)(1 + w + 2z/3),
   * ε = z/(1 + w)·(q − z)/(q − 2z), set w ← w(1 + ε); stop when |ε| ≤ 1e-6.
   */
  private static double fritschShaferCrowley(double x, double w0) {
    double w = w0;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double r = x / w;
      double remainder = Math.fma(-r, w, x) / w; // x/w = r + remainder, exactly to rounding
      double z = (StrictMath.log(r) - w) + remainder / r;
      double onePlusW = 1 + w;
      double q = 2 * onePlusW * (onePlusW + 2 * z / 3);
      double eps = z / onePlusW * (q - z) / (q - 2 * z);
      w = Math.fma(w, eps, w);
      if (Math.abs(eps) <= STEP_TOLERANCE) {
        return w;
      }
    }
    throw new ArithmeticException(
        "Lambert W0: Fritsch-Shafer-Crowley did not converge in " + MAX_ITERATIONS + " iterations at x = " + x);
  }
}
