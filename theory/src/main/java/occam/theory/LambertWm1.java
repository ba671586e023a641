package occam.theory;

import static occam.theory.LambertWBranchPoint.INV_E_HI;

/**
 * The lower real branch W₋₁ of the Lambert W function: the solution w ≤ −1 of w·e^w = x, for
 * −1/e ≤ x &lt; 0. W₋₁ is decreasing, W₋₁(−1/e) = −1 and W₋₁(x) ~ ln(−x) − ln(−ln(−x)) → −∞ as
 * x → 0⁻.
 *
 * <p>Domain and special values (IEEE-style: out-of-domain math is NaN, not an exception):
 *
 * <ul>
 *   <li>NaN → NaN; x &lt; −0.36787944117144233 → NaN; x &gt; 0 → NaN;
 *   <li>x = −0.36787944117144233, the double nearest −1/e (1.24e-17 below −1/e, strictly outside the
 *       real domain) → −1, as Boost.Math {@code lambert_wm1} does;
 *   <li>x = ±0 → −∞, the limit at 0⁻.
 * </ul>
 *
 * <p>Algorithm (accuracy: ≤ 4 ulp against a 100-digit Apfloat reference over the whole domain, down
 * to x = −4.9e-324; all elementary functions from {@link StrictMath}): everything is done in the
 * branch-point coordinates of {@link LambertWBranchPoint}, y = 1 + W ≤ 0, where the residual is
 * accurate relative to y:
 *
 * <ul>
 *   <li>p = √(2(1 + e·x)) ≤ 0.25: the series W = Σ μ_k·(−p)^k of Corless et al. (1996), eq. (4.22);
 *   <li>1 + e·x ≤ 1/2: Halley's method in y from that series;
 *   <li>closer to 0: Halley's method in y from the asymptotic expansion W ≈ L₁ − L₂ + L₂/L₁ +
 *       L₂(L₂ − 2)/(2L₁²), L₁ = ln(−x), L₂ = ln(−L₁) (de Bruijn; Corless et al. 1996, eq. 4.19), with
 *       ln(1 − q) taken as 1 + ln(−x) rather than from q, which would lose digits as q → 1.
 * </ul>
 */
public final class LambertWm1 {

  /** Above this q = 1 + e·x (x &gt; −0.184), start from the asymptotic expansion at 0⁻. */
  private static final double Q_ASYMPTOTIC = 0.5;

  private LambertWm1() {}

  /**
   * W₋₁(x).
   *
   * @param x argument; the real domain is [−1/e, 0)
   * @return W₋₁(x) ≤ −1; −∞ for x = ±0; NaN for NaN, x &gt; 0, or x below the double nearest −1/e
   * @throws ArithmeticException if the iteration fails to converge (not expected for any double)
   */
  public static double value(double x) {
    if (!(x >= -INV_E_HI && x <= 0)) {
      return Double.NaN;
    }
    if (x == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (x == -INV_E_HI) {
      return -1;
    }
    double q = LambertWBranchPoint.q(x);
    double p = Math.sqrt(2 * q);
    if (p <= LambertWBranchPoint.P_SERIES_ONLY) {
      return LambertWBranchPoint.series(-p);
    }
    if (q <= Q_ASYMPTOTIC) {
      return LambertWBranchPoint.refine(LambertWBranchPoint.series(-p), StrictMath.log1p(-q), x);
    }
    double l1 = StrictMath.log(-x);
    double l2 = StrictMath.log(-l1);
    double guess = l1 - l2 + l2 / l1 + l2 * (l2 - 2) / (2 * l1 * l1);
    return LambertWBranchPoint.refine(guess, 1 + l1, x);
  }
}
