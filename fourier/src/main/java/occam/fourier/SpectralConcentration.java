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
 * An empty or all-zero spectrum has no shares, and one with an infinite entry has no finite total:
 * every field is then NaN. The entries are divided by the largest one before anything is summed, so
 * spectra near the double range (e.g. |W|² of large weights) neither overflow nor underflow, and every
 * sum is compensated (Neumaier), so the measures stay within a few ulps for N up to m² = 257².
 *
 * @param gini Gini coefficient of P
 * @param ipr inverse participation ratio of the amplitudes
 * @param entropy spectral entropy in nats
 * @param effectiveRank exp(entropy)
 */
public record SpectralConcentration(double gini, double ipr, double entropy, double effectiveRank) {

  /**
   * Measures a power spectrum that may be non-finite (that of a diverged model).
   *
   * @param power entries, NaN or infinite ones allowed (not modified)
   * @return {@link #of}, or all four NaN when an entry is not finite
   * @throws IllegalArgumentException if a finite entry is negative
   */
  public static SpectralConcentration orNaN(double[] power) {
    for (double x : power) {
      if (!Double.isFinite(x)) {
        return new SpectralConcentration(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
    }
    return of(power);
  }

  /**
   * Measures a power spectrum.
   *
   * @param power non-negative entries (not modified)
   * @return the four measures (NaN if the spectrum is empty, all zero, or has an infinite entry)
   * @throws IllegalArgumentException if an entry is negative or NaN
   */
  public static SpectralConcentration of(double[] power) {
    int n = power.length;
    double max = 0;
    for (double x : power) {
      if (!(x >= 0)) {
        throw new IllegalArgumentException(
            "power spectrum entry " + x + " is not allowed: entries must be >= 0");
      }
      max = Math.max(max, x);
    }
    if (n == 0 || max == 0 || Double.isInfinite(max)) {
      return new SpectralConcentration(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] scaled = new double[n];
    NeumaierSum total = new NeumaierSum();
    NeumaierSum sumSq = new NeumaierSum();
    for (int i = 0; i < n; i++) {
      double x = power[i] / max;
      scaled[i] = x;
      total.add(x);
      sumSq.add(x * x);
    }
    double t = total.value();
    NeumaierSum entropy = new NeumaierSum();
    for (double x : scaled) {
      if (x > 0) {
        double q = x / t;
        entropy.add(-q * Math.log(q));
      }
    }
    Arrays.sort(scaled);
    NeumaierSum weighted = new NeumaierSum();
    for (int i = 0; i < n; i++) {
      weighted.add((2.0 * (i + 1) - n - 1) * scaled[i]);
    }
    double h = entropy.value();
    return new SpectralConcentration(weighted.value() / (n * t), sumSq.value() / (t * t), h, Math.exp(h));
  }
}
