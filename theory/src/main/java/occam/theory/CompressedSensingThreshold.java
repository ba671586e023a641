package occam.theory;

/**
 * Samples needed for ℓ1 recovery of an s-sparse vector of length N, in the simple closed form
 * n_cs = 2·s·ln(N/s).
 *
 * <p>Source and regime: 2s·ln(N/s) is the leading term of the number of Gaussian measurements that
 * suffice for ℓ1 (basis pursuit) recovery of an s-sparse x ∈ R^N, 2s·ln(N/s) + 5s/4 (Chandrasekaran,
 * Recht, Parrilo &amp; Willsky, "The convex geometry of linear inverse problems", Found. Comput.
 * Math. 12 (2012) 805–849, Prop. 3.10), and the s/N → 0 form of the Donoho–Tanner weak phase
 * transition, whose sharper implicit version is {@link DonohoTannerThreshold}. It is meant for s ≪ N;
 * it overestimates the transition by the factor ln(N/s)/ln(N/n).
 *
 * <p>For the SFM (SPEC §4: an m-sparse W* in C^{m×m}, s = |supp W*|, N = m²) it is a reference scale,
 * not a theorem: the SFM's measurements are Fourier characters at the training pairs, not Gaussian,
 * and W* is complex; the simulated memorization boundary in n is held against it.
 */
public final class CompressedSensingThreshold {

  private CompressedSensingThreshold() {}

  /**
   * n_cs = 2·s·ln(N/s).
   *
   * @param s sparsity, 0 &lt; s &lt; N
   * @param n ambient dimension N, finite
   * @return 2·s·ln(N/s) (in (0, 2N/e])
   * @throws IllegalArgumentException unless 0 &lt; s &lt; N &lt; ∞
   */
  public static double value(double s, double n) {
    requireSparsity(s, n);
    return 2 * s * Math.log(n / s);
  }

  /** Checks 0 &lt; s &lt; N &lt; ∞ for both thresholds. */
  static void requireSparsity(double s, double n) {
    if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("N = " + n + " is not allowed: N must be > 0 and finite");
    }
    if (!(s > 0 && s < n)) {
      throw new IllegalArgumentException("s = " + s + " is not allowed: the sparsity must be in (0, N = " + n + ")");
    }
  }
}
