package occam.complexity.lmn;

/**
 * How straight an output path is: the coefficient of determination R² of the least-squares line
 * y(t) ≈ a + b·t fitted to a path sampled at t_1 … t_m (Liu, Zhong and Tegmark, "Grokking as
 * compression", arXiv:2310.05918, seed 003: the per-pair linearity behind the LMN).
 *
 * <p>For a q-dimensional output the fit is per coordinate and R² is pooled over coordinates (the
 * variance-weighted R²): R² = 1 − Σ_d SS_res,d / Σ_d SS_tot,d, so a coordinate that barely moves does
 * not dominate. With an intercept, R² ∈ [0, 1]; a constant path (SS_tot = 0) is straight: R² = 1.
 */
public final class PathLinearity {
  private PathLinearity() {}

  /**
   * R² of the linear fit of a path.
   *
   * @param t the parameters t_k, at least 3, not all equal
   * @param y y[k] the output at t_k, all of one length q ≥ 1
   * @return R² in [0, 1]
   * @throws IllegalArgumentException if fewer than 3 points, the t_k are all equal, or rows differ in length
   */
  public static double rSquared(double[] t, double[][] y) {
    int m = t.length;
    if (m < 3 || y.length != m) {
      throw new IllegalArgumentException("a path needs at least 3 points and one output per point, got "
          + m + " and " + y.length);
    }
    int q = y[0].length;
    double tMean = 0;
    for (double x : t) {
      tMean += x / m;
    }
    double stt = 0;
    for (double x : t) {
      stt += (x - tMean) * (x - tMean);
    }
    if (!(stt > 0)) {
      throw new IllegalArgumentException("the path parameters t are all equal: no line can be fitted");
    }
    double ssRes = 0;
    double ssTot = 0;
    for (int d = 0; d < q; d++) {
      double yMean = 0;
      for (int k = 0; k < m; k++) {
        if (y[k].length != q) {
          throw new IllegalArgumentException("output " + k + " has length " + y[k].length + ", not " + q);
        }
        yMean += y[k][d] / m;
      }
      double sty = 0;
      double syy = 0;
      for (int k = 0; k < m; k++) {
        sty += (t[k] - tMean) * (y[k][d] - yMean);
        syy += (y[k][d] - yMean) * (y[k][d] - yMean);
      }
      ssTot += syy;
      ssRes += Math.max(0, syy - sty * sty / stt); // residual of the least-squares line
    }
    return ssTot > 0 ? Math.max(0, 1 - ssRes / ssTot) : 1;
  }
}
