package occam.theory;

/**
 * The asymptotic Bayesian free energy of singular learning theory, F_n ≈ n·L_n + λ·ln n (SPEC §4;
 * the SFM paper, {@code ../shared/seeds/004_…}, core idea): n samples, training loss L_n, learning
 * coefficient λ (in the SFM the proxy {@link LearningCoefficient}). It is Watanabe's "Main Formula
 * II" (S. Watanabe, Algebraic Geometry and Statistical Learning Theory, Cambridge University Press,
 * 2009) without its −(m − 1)·ln ln n and O_p(1) terms.
 *
 * <p>Out-of-range losses are not errors: a NaN or infinite L_n (a diverged run) gives a NaN or
 * infinite F, as IEEE arithmetic has it.
 */
public final class FreeEnergy {

  private FreeEnergy() {}

  /**
   * F_n = n·L_n + λ·ln n.
   *
   * @param n number of samples, &gt; 0 and finite
   * @param loss training loss L_n, ≥ 0 (NaN and +∞ propagate)
   * @param lambda learning coefficient λ, ≥ 0 and finite
   * @return the free energy
   * @throws IllegalArgumentException if n ≤ 0 or not finite, loss &lt; 0, or λ &lt; 0 or not finite
   */
  public static double value(double n, double loss, double lambda) {
    if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("n = " + n + " is not allowed: n must be > 0 and finite");
    }
    if (loss < 0) {
      throw new IllegalArgumentException("loss = " + loss + " is not allowed: the loss must be >= 0");
    }
    if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("lambda = " + lambda + " is not allowed: lambda must be >= 0 and finite");
    }
    return n * loss + lambda * Math.log(n);
  }
}
