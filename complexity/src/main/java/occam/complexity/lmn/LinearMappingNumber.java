package occam.complexity.lmn;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The linear mapping number of Liu, Zhong and Tegmark ("Grokking as compression", arXiv:2310.05918,
 * seed 003): with L the N×N linear-connectivity matrix of N inputs, L_ij = R² of the output path
 * between inputs i and j ({@link PathLinearity}, L_ii = 1), its eigenvalues normalized to a
 * distribution p_k = λ_k / Σ λ (the density matrix ρ = L / tr L), LMN = exp(S), S = −Σ p_k ln p_k the
 * von Neumann entropy: the effective number of distinct linear maps the network uses on the inputs.
 *
 * <p>Reference values: a network linear on the inputs' hull has L = 11ᵀ, one eigenvalue N, so LMN = 1;
 * k groups of inputs linear within and R² = 0 across give k equal eigenvalues, LMN = k; L = I gives N.
 * R² matrices need not be positive semidefinite: negative eigenvalues are set to 0 before normalizing,
 * and their share of Σ|λ| is reported as {@code clippedMass} so a user sees when that matters.
 *
 * @param value exp(S), in [1, N]
 * @param entropy S in nats
 * @param clippedMass Σ_{λ&lt;0} |λ| / Σ |λ|, in [0, 1)
 */
public record LinearMappingNumber(double value, double entropy, double clippedMass) {
  /**
   * Eigenvalues within this fraction of the largest |λ| count as 0: rounding leaves O(N·u·‖L‖) noise
   * on the zero eigenvalues of e.g. 11ᵀ, which would otherwise add spurious entropy.
   */
  static final double ZERO_EIGENVALUE = 1e-12;

  /**
   * The LMN of a linear-connectivity matrix.
   *
   * @param l symmetric N×N, N ≥ 1, entries finite
   * @return the LMN, its entropy and the clipped negative mass
   * @throws IllegalArgumentException if L is not square, not symmetric or not finite, or has no positive
   *     eigenvalue
   */
  public static LinearMappingNumber of(double[][] l) {
    int n = l.length;
    for (int i = 0; i < n; i++) {
      if (l[i].length != n) {
        throw new IllegalArgumentException("L must be square: row " + i + " has " + l[i].length + " entries, not " + n);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(l[i][j]) || l[i][j] != l[j][i]) {
          throw new IllegalArgumentException("L must be finite and symmetric: L[" + i + "][" + j + "] = " + l[i][j]
              + ", L[" + j + "][" + i + "] = " + l[j][i]);
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("L must hold at least one input");
    }
    double[] lambda = new EigenDecomposition(new Array2DRowRealMatrix(l, true)).getRealEigenvalues();
    double largest = 0;
    for (double x : lambda) {
      largest = Math.max(largest, Math.abs(x));
    }
    for (int k = 0; k < lambda.length; k++) {
      lambda[k] = Math.abs(lambda[k]) <= ZERO_EIGENVALUE * largest ? 0 : lambda[k];
    }
    double positive = 0;
    double negative = 0;
    for (double x : lambda) {
      if (x > 0) {
        positive += x;
      } else {
        negative -= x;
      }
    }
    if (!(positive > 0)) {
      throw new IllegalArgumentException("L has no positive eigenvalue");
    }
    double s = 0;
    for (double x : lambda) {
      if (x > 0) {
        double p = x / positive;
        s -= p * Math.log(p);
      }
    }
    return new LinearMappingNumber(Math.exp(s), s, negative / (positive + negative));
  }
}
