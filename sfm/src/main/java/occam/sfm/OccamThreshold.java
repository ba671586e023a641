package occam.sfm;

/**
 * The Occam Gate's threshold τ = √(2·β·ln n / n) (paper, seed 004, §5: components whose SNR is
 * below τ are zeroed; it is the ℓ0 prior β·ln n·‖W‖₀ of the MAP objective turned into a
 * per-coefficient cut).
 */
public final class OccamThreshold {
  private OccamThreshold() {}

  /**
   * τ for a prior strength and a training-set size.
   *
   * @param beta β ≥ 0
   * @param n training-set size n ≥ 1
   * @return τ ≥ 0 (0 for n = 1, where ln n = 0)
   * @throws IllegalArgumentException if β &lt; 0 or is not finite, or n &lt; 1
   */
  public static double value(double beta, int n) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta = " + beta + " is not allowed: beta must be finite and >= 0");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + " is not allowed: n must be >= 1");
    }
    return Math.sqrt(2 * beta * Math.log(n) / n);
  }
}
