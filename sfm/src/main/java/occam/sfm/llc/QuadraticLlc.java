package occam.sfm.llc;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The exact learning coefficient of a quadratic loss L(w) = L* + (1/2)(w − w*)ᵀH(w − w*), H = XᵀX/n,
 * and the exact expectation SGLD targets on it: for the nonzero eigenvalues h_i of H and P_i = nβ*·h_i + γ,
 *
 * <pre>
 *   λ = rank(H)/2,      E_SGLD[nβ*(L − L*)] = Σ_i nβ*·h_i / (2·P_i·(1 − ε·P_i/4))
 * </pre>
 *
 * (the stationary variance of the Euler–Maruyama Langevin chain on a Gaussian of precision P is
 * 1/(P(1 − εP/4))). The second is what a correct sampler must reproduce; the gap between the two is the
 * estimator's bias from finite ε and γ.
 *
 * @param rank rank(H): eigenvalues above 1e-9·max
 * @param eigenvalues the nonzero eigenvalues of H, ascending
 */
public record QuadraticLlc(int rank, double[] eigenvalues) {
  /** Eigenvalues at or below this share of the largest count as zero. */
  public static final double RELATIVE_ZERO = 1e-9;

  /**
   * The spectrum of H = XᵀX/n, from the smaller of the two Gram matrices (XᵀX and XXᵀ share their
   * nonzero eigenvalues).
   *
   * @param design X, n × d row-major
   * @param n rows
   * @param d columns
   * @return the rank and nonzero eigenvalues
   */
  public static QuadraticLlc of(double[] design, int n, int d) {
    int k = Math.min(n, d);
    double[][] gram = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double s = 0;
        if (d <= n) {
          for (int i = 0; i < n; i++) {
            s += design[i * d + a] * design[i * d + b];
          }
        } else {
          for (int j = 0; j < d; j++) {
            s += design[a * d + j] * design[b * d + j];
          }
        }
        gram[a][b] = s / n;
        gram[b][a] = s / n;
      }
    }
    double[] all = new EigenDecomposition(new Array2DRowRealMatrix(gram, false)).getRealEigenvalues();
    double max = 0;
    for (double h : all) {
      max = Math.max(max, h);
    }
    double cut = RELATIVE_ZERO * max;
    double[] nonzero = java.util.Arrays.stream(all).filter(h -> h > cut).sorted().toArray();
    return new QuadraticLlc(nonzero.length, nonzero);
  }

  /** @return λ = rank(H)/2 */
  public double lambda() {
    return rank / 2.0;
  }

  /**
   * The stationary mean of n·β*·(L − L*) under SGLD with step ε and localization γ.
   *
   * @param nBeta n·β*
   * @param stepSize ε
   * @param localization γ
   * @return Σ_i nβ*·h_i / (2P_i(1 − εP_i/4)); +∞ when εP_i ≥ 4 for some i (the chain diverges)
   */
  public double sgldMean(double nBeta, double stepSize, double localization) {
    double sum = 0;
    for (double h : eigenvalues) {
      double p = nBeta * h + localization;
      double stable = 1 - stepSize * p / 4;
      if (stable <= 0) {
        return Double.POSITIVE_INFINITY;
      }
      sum += nBeta * h / (2 * p * stable);
    }
    return sum;
  }
}
