package occam.theory;

/**
 * Samples needed for ℓ1 recovery of an s-sparse vector of length N at the Donoho–Tanner weak phase
 * transition, in its s/N → 0 asymptotic form n = 2·s·ln(N/n), solved in closed form:
 *
 * <pre>
 *   n = 2s·W₀(N/(2s)).
 * </pre>
 *
 * (With a = 2s, n = a·ln(N/n) ⇔ (n/a)·e^{n/a} = N/a.)
 *
 * <p>Source: D. L. Donoho &amp; J. Tanner, "Counting faces of randomly projected polytopes when the
 * projection radically lowers dimension", J. Amer. Math. Soc. 22 (2009) 1–53: for n ≪ N the weak
 * threshold for the cross-polytope (ℓ1 recovery of signed s-sparse vectors) is s ≈ n/(2 ln(N/n)).
 * Regime: random Gaussian (or uniformly random orthoprojector) measurements, real vectors, s ≪ n ≪
 * N; recovery of most (not all) s-sparse vectors. For the SFM's Fourier-character measurements of a
 * complex W* in C^{m×m} it is a reference scale only, as for {@link CompressedSensingThreshold}, which
 * gives the cruder 2s·ln(N/s).
 */
public final class DonohoTannerThreshold {

  private DonohoTannerThreshold() {}

  /**
   * n = 2s·W₀(N/(2s)), the root of n = 2s·ln(N/n).
   *
   * @param s sparsity, 0 &lt; s &lt; N
   * @param n ambient dimension N, finite
   * @return the threshold number of samples
   * @throws IllegalArgumentException unless 0 &lt; s &lt; N &lt; ∞
   */
  public static double value(double s, double n) {
    CompressedSensingThreshold.requireSparsity(s, n);
    double a = 2 * s;
    return a * LambertW0.value(n / a);
  }
}
