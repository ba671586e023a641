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
    List<double[]> pts = new ArrayList<>();
    for (ScanCell c : cells) {
      double t = c.medianTGen();
      if (t > 0 && (!onlyGrokking || c.phase() == occam.modular.Phase.GROKKING)) {
        pts.add(new double[] {Math.log(c.beta()), Math.log(c.trainSize()), Math.log(t)});
      }
    }
    boolean varyBeta = varies(pts, 0);
    boolean varyN = varies(pts, 1);
    int params = 1 + (varyBeta ? 1 : 0) + (varyN ? 1 : 0);
    if (pts.size() < params + 1 || params == 1) {
      return NONE;
    }
    double[] y = new double[pts.size()];
    double[][] x = new double[pts.size()][params - 1];
    for (int i = 0; i < pts.size(); i++) {
      double[] pt = pts.get(i);
      int j = 0;
      if (varyBeta) {
        x[i][j++] = pt[0];
      }
      if (varyN) {
        x[i][j] = pt[1];
      }
      y[i] = pt[2];
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b = ols.estimateRegressionParameters();
    double[] se = ols.estimateRegressionParametersStandardErrors();
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
    return new ScalingFit(pts.size(), b[0], be, bse, ne, nse, ols.calculateRSquared());
  }

  private static boolean varies(List<double[]> pts, int col) {
    return pts.stream().mapToDouble(p -> p[col]).distinct().count() > 1;
  }
}
