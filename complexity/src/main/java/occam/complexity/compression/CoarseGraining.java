package occam.complexity.compression;

/**
 * The coarse-graining of DeMoss et al., "The complexity dynamics of grokking" (seed 002, §4.1–4.2):
 * quantization with bin ε and per-matrix low-rank truncation at threshold κ.
 *
 * <ul>
 *   <li>Quantization (§4.1): q(x, ε) = ε·rint(x/ε), the nearest bin (ties to even).
 *   <li>Rank (§4.2): with normalized singular values σ̃_i = σ_i / Σ_j σ_j (decreasing), the rank is
 *       r(κ) = min{k : Σ_{i≤k} σ̃_i ≥ κ}; κ = 1 keeps every non-zero singular value.
 * </ul>
 *
 * @param epsilon bin width ε &gt; 0
 * @param kappa rank threshold κ in (0, 1]
 */
public record CoarseGraining(double epsilon, double kappa) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if ε is not a positive finite number or κ is outside (0, 1]
   */
  public CoarseGraining {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon " + epsilon + " is not allowed: need a finite value > 0");
    }
    if (!(kappa > 0 && kappa <= 1)) {
      throw new IllegalArgumentException("kappa " + kappa + " is not allowed: need 0 < kappa <= 1");
    }
  }

  /**
   * Quantizes one value to its bin index, rint(x/ε).
   *
   * @param x the value
   * @return the bin index
   * @throws IllegalArgumentException if the index does not fit in an int (ε too small for x)
   */
  public int bin(double x) {
    double k = Math.rint(x / epsilon);
    if (Math.abs(k) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "value " + x + " is " + k + " bins of epsilon " + epsilon + ": too many for an int index");
    }
    return (int) k;
  }

  /**
   * The rank r(κ) for singular values in decreasing order.
   *
   * @param singularValues σ_1 ≥ σ_2 ≥ … ≥ 0
   * @return r(κ), at least 1 (0 for an all-zero matrix)
   */
  public int rank(double[] singularValues) {
    double total = 0;
    for (double s : singularValues) {
      total += s;
    }
    if (total == 0) {
      return 0;
    }
    double cumulative = 0;
    for (int k = 0; k < singularValues.length; k++) {
      cumulative += singularValues[k];
      if (cumulative >= kappa * total) { // Σ_{i≤k} σ_i / Σ σ ≥ κ, without dividing each term
        return k + 1;
      }
    }
    return singularValues.length; // rounding left the sum a hair below κ = 1
  }
}
