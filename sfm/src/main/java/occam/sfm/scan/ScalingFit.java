package occam.sfm.scan;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The law t_gen ≈ A·β^b·n^c fitted to the cells that generalized with a delay, by ordinary least
 * squares on ln t_gen = ln A + b·ln β + c·ln n (Commons Math {@link OLSMultipleLinearRegression}),
 * with the coefficient of determination R² and standard errors. When all cells share one β (or
 * one n), that exponent is dropped and reported as NaN.
 *
 * @param count number of cells fitted
 * @param lnA intercept ln A
 * @param betaExponent b
 * @param betaStdErr standard error of b
 * @param nExponent c
 * @param nStdErr standard error of c
 * @param rSquared R² of the fit in log space
 */
public record ScalingFit(int count, double lnA, double betaExponent, double betaStdErr, double nExponent,
    double nStdErr, double rSquared) {

  /** A fit that could not be made (too few cells). */
  public static final ScalingFit NONE = new ScalingFit(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN);

  /**
   * Fits the law to the cells whose median t_gen is positive.
   *
   * @param cells scan cells (those without a median t_gen are skipped)
   * @param onlyGrokking fit only cells whose majority phase is grokking
   * @return the fit, or {@link #NONE} if fewer points than parameters + 1
   */
  public static ScalingFit of(List<ScanCell> cells, boolean onlyGrokking) {
    List<ScanCell> kept = cells.stream().filter(c -> c.medianTGen() > 0
        && (!onlyGrokking || c.phase() == occam.modular.Phase.GROKKING)).toList();
    return fit(kept.stream().mapToDouble(ScanCell::beta).toArray(),
        kept.stream().mapToDouble(ScanCell::trainSize).toArray(),
        kept.stream().mapToDouble(ScanCell::medianTGen).toArray());
  }

  /**
   * Fits t ≈ A·x^b·y^c to raw points by OLS on ln t = ln A + b·ln x + c·ln y: x plays β's part (a
   * prior strength or weight decay), y plays n's (a data size or fraction). Points whose t, x or y
   * is not finite and positive are skipped; an axis that does not vary is dropped (its exponent
   * NaN); a singular design gives {@link #NONE} with the point count.
   *
   * @param x β-like values
   * @param y n-like values
   * @param t times
   * @return the fit, or {@link #NONE} if fewer points than parameters + 1
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static ScalingFit fit(double[] x, double[] y, double[] t) {
    if (x.length != t.length || y.length != t.length) {
      throw new IllegalArgumentException("x, y and t must have the same length, got " + x.length + ", " + y.length
          + ", " + t.length);
    }
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0 && x[i] > 0 && y[i] > 0 && Double.isFinite(t[i]) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        pts.add(new double[] {Math.log(x[i]), Math.log(y[i]), Math.log(t[i])});
      }
    }
    boolean varyBeta = varies(pts, 0);
    boolean varyN = varies(pts, 1);
    int params = 1 + (varyBeta ? 1 : 0) + (varyN ? 1 : 0);
    if (pts.size() < params + 1 || params == 1) {
      return pts.isEmpty() ? NONE : new ScalingFit(pts.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN);
    }
    double[] ys = new double[pts.size()];
    double[][] xs = new double[pts.size()][params - 1];
    for (int i = 0; i < pts.size(); i++) {
      double[] pt = pts.get(i);
      int j = 0;
      if (varyBeta) {
        xs[i][j++] = pt[0];
      }
      if (varyN) {
        xs[i][j] = pt[1];
      }
      ys[i] = pt[2];
    }
    double[] b;
    double[] se;
    double r2;
    try {
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(ys, xs);
      b = ols.estimateRegressionParameters();
      se = ols.estimateRegressionParametersStandardErrors();
      r2 = ols.calculateRSquared();
    } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
      return new ScalingFit(pts.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int j = 1;
    double be = Double.NaN;
    double bse = Double.NaN;
    double ne = Double.NaN;
    double nse = Double.NaN;
    if (varyBeta) {
      be = b[j];
      bse = se[j++];
    }
    if (varyN) {
      ne = b[j];
      nse = se[j];
    }
    return new ScalingFit(pts.size(), b[0], be, bse, ne, nse, r2);
  }

  private static boolean varies(List<double[]> pts, int col) {
    return pts.stream().mapToDouble(p -> p[col]).distinct().count() > 1;
  }
}
