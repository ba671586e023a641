package occam.fourier;

import java.util.Arrays;

/**
 * How concentrated a non-negative power spectrum P (e.g. |W_kl|²) is; one implementation serves the
 * simulator and the transformer check (SPEC §2).
 *
 * <p>With N entries, total T = ΣP and shares q_i = P_i/T:
 *
 * <ul>
 *   <li>Gini = Σ_i (2i − N − 1)·P_(i) / (N·T), P_(i) sorted ascending, i = 1..N: 0 for a flat
 *       spectrum, (N − 1)/N for a single spike;
 *   <li>IPR on amplitudes s = √P: Σs⁴/(Σs²)² = ΣP²/T²: 1 for one spike, 1/N flat;
 *   <li>spectral entropy H = −Σ q_i ln q_i (nats, 0·ln 0 = 0), and effective rank exp(H).
 * </ul>
 *
 * An all-zero spectrum has no shares: every field is NaN.
 *
 * @param gini Gini coefficient of P
 * @param ipr inverse participation ratio of the amplitudes
 * @param entropy spectral entropy in nats
 * @param effectiveRank exp(entropy)
 */
public record SpectralConcentration(double gini, double ipr, double entropy, double effectiveRank) {

  /**
   * Measures a power spectrum.
   *
   * @param power non-negative entries (not modified)
   * @return the four measures (NaN if the spectrum is empty or all zero)
   * @throws IllegalArgumentException if an entry is negative or NaN
   */
  public static SpectralConcentration of(double[] power) {
    int n = power.length;
    double total = 0;
    double sumSq = 0;
    for (double x : power) {
      if (!(x >= 0)) {
        throw new IllegalArgumentException("power spectrum entry " + x + " is not allowed: entries must be >= 0");
      }
      total += x;
      sumSq += x * x;
    }
    if (n == 0 || total == 0 || Double.isInfinite(total)) {
      return new SpectralConcentration(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = power.clone();
    Arrays.sort(sorted);
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    double gini = weighted / (n * total);
    double entropy = 0;
    for (double x : power) {
      if (x > 0) {
        double q = x / total;
        entropy -= q * Math.log(q);
      }
    }
    return new SpectralConcentration(gini, sumSq / (total * total), entropy, Math.exp(entropy));
  }
}
