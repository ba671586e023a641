package occam.theory;

/**
 * The SFM's proxy for the real log canonical threshold (RLCT, "learning coefficient") of a
 * solution: λ̂ = |supp W|/2, half the number of non-zero Fourier weights (SPEC §3–§4; the SFM paper,
 * {@code ../shared/seeds/004_…}, §5, uses "activation support size / 2" as an upper-bound proxy for λ).
 *
 * <p>The two solutions the theory compares: memorizing, every weight used, λ_mem = m²/2; and the
 * generalizing W*, λ_gen = |supp W*|/2, which is m/2 for add and sub (the paper's p/2) and is
 * computed by {@link occam.fourier.GeneralizingSolution} for every op.
 */
public final class LearningCoefficient {

  private LearningCoefficient() {}

  /**
   * λ̂ = |supp W|/2.
   *
   * @param support number of non-zero weights, ≥ 0
   * @return support/2
   * @throws IllegalArgumentException if support &lt; 0
   */
  public static double value(long support) {
    if (support < 0) {
      throw new IllegalArgumentException("support = " + support + " is not allowed: support must be >= 0");
    }
    return support / 2.0;
  }

  /**
   * λ_mem = m²/2: the memorizing solution uses all m² weights.
   *
   * @param m group order, ≥ 1
   * @return m²/2
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static double memorizing(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("m = " + m + " is not allowed: the group order m must be >= 1");
    }
    return value((long) m * m);
  }
}
