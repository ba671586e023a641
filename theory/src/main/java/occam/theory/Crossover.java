package occam.theory;

import occam.modular.Primes;

/**
 * The SFM's free-energy crossover (SPEC §4): the sample sizes n at which the memorizing and the
 * generalizing solution have the same MAP objective, n·ε = c·ln n, with c = β(p² − p) and ε = ε_gen.
 *
 * <p>Derivation (the SFM paper, {@code ../shared/seeds/004_…}, §5): the objective ½·Σ|y − ŷ|² +
 * β·ln n·‖W‖₀ is β·p²·ln n for the memorizing W (zero residual, p² weights) and n·ε + β·p·ln n for
 * the generalizing one (p weights, training loss ε per sample); they are equal where n·ε = β(p² −
 * p)·ln n. With x = −ε/c, the roots are
 *
 * <pre>
 *   n = −(c/ε)·W(−ε/c) = W(x)/x,   lower: W₀ (n in (1, e]),   upper n*: W₋₁ (n ≥ e),
 * </pre>
 *
 * since W·e^W = x gives ln(W/x) = −W, i.e. ln n = (ε/c)·n. Real roots exist iff ε/c ≤ 1/e (one
 * double root n = e at ε/c = 1/e); otherwise there is no crossover, reported by {@link #exists()}
 * false and NaN roots, not by an exception. In double arithmetic the test is ε/c ≤
 * 0.36787944117144233, the double nearest 1/e, which {@link LambertW0} and {@link LambertWm1} map to
 * −1. The generalizing objective minus the memorizing one is n·ε − c·ln n, convex in n, positive at
 * n = 1 and as n → ∞: it is negative exactly between the roots. So the generalizing solution is
 * cheaper for lower &lt; n &lt; n* (below the upper root); above n* its training loss n·ε outgrows the
 * complexity it saves and the memorizing solution is cheaper.
 *
 * <p>SPEC §4 fixes c = β(p² − p) for every op, as the paper has it for add (supports p² and p). For
 * mul and div (m = p − 1, |supp W*| = (p + 1)/2) the same derivation would give β(m² − |supp W*|);
 * {@link #solve} takes any c for that use.
 *
 * @param c coefficient c &gt; 0 of ln n
 * @param epsilon ε_gen &gt; 0, the generalizing solution's training loss per sample
 * @param lower the smaller root (W₀), in (1, e]; NaN when there is no crossover
 * @param upper the larger root n* (W₋₁), ≥ the lower one (+∞ when ε/c underflows); NaN when there
 *     is no crossover
 */
public record Crossover(double c, double epsilon, double lower, double upper) {

  /**
   * Validates the crossover.
   *
   * @throws IllegalArgumentException if c or ε is not positive and finite, or the roots are
   *     inconsistent (one NaN and not the other, lower &lt; 1, or upper &lt; lower)
   */
  public Crossover {
    requirePositive("c", c);
    requirePositive("eps", epsilon);
    if (Double.isNaN(lower) != Double.isNaN(upper)) {
      throw new IllegalArgumentException("roots " + lower + " and " + upper + " must both be NaN or both numbers");
    }
    if (!Double.isNaN(lower) && !(lower >= 1 && upper >= lower)) {
      throw new IllegalArgumentException("roots " + lower + " and " + upper + " must satisfy 1 <= lower <= upper");
    }
  }

  /**
   * Solves n·ε = c·ln n in closed form with the Lambert W function.
   *
   * @param c coefficient of ln n, &gt; 0 and finite
   * @param epsilon ε &gt; 0 and finite
   * @return both roots, or NaN roots when ε/c &gt; 1/e
   * @throws IllegalArgumentException if c or ε is not positive and finite
   */
  public static Crossover solve(double c, double epsilon) {
    requirePositive("c", c);
    requirePositive("eps", epsilon);
    double x = -(epsilon / c);
    double upper = LambertWm1.value(x) / x;
    double lower = x == 0 ? 1 : LambertW0.value(x) / x;
    return new Crossover(c, epsilon, lower, upper);
  }

  /**
   * The crossover of SPEC §4 for a prime p: {@link #solve}(β(p² − p), ε).
   *
   * @param p prime modulus ≥ 3
   * @param beta β &gt; 0 and finite
   * @param epsilon ε_gen &gt; 0 and finite
   * @return the crossover
   * @throws IllegalArgumentException if p is not a prime ≥ 3, or β or ε is not positive and finite
   */
  public static Crossover of(int p, double beta, double epsilon) {
    return solve(coefficient(p, beta), epsilon);
  }

  /**
   * c = β(p² − p) (SPEC §4).
   *
   * @param p prime modulus ≥ 3
   * @param beta β &gt; 0 and finite
   * @return β(p² − p)
   * @throws IllegalArgumentException if p is not a prime ≥ 3, or β is not positive and finite
   */
  public static double coefficient(int p, double beta) {
    Primes.requirePrime(p);
    requirePositive("beta", beta);
    return beta * ((double) p * p - p);
  }

  /** @return true when the roots exist, i.e. ε/c ≤ 1/e */
  public boolean exists() {
    return !Double.isNaN(upper);
  }

  /** @return ε/c, which must not exceed 1/e for a crossover to exist */
  public double ratio() {
    return epsilon / c;
  }

  /** @return n*, the larger root (NaN when there is no crossover) */
  public double nStar() {
    return upper;
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " = " + v + " is not allowed: " + name + " must be > 0 and finite");
    }
  }
}
