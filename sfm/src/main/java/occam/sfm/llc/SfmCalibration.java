package occam.sfm.llc;

import occam.modular.ModularTask;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmProblem;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.LocalLearningCoefficient;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;

/**
 * Calibrates the LLC estimator on the SFM, where λ is known: the estimate at a {@link FixedPoint} of a
 * task and split (no label noise, so both points fit S exactly and are minima of L_n), beside the
 * support count |supp|/2 and the loss's own rank(H)/2.
 */
public final class SfmCalibration {
  private SfmCalibration() {}

  /**
   * The problem of a task and split with no label noise (β, gate and iterations play no part).
   *
   * @param task the task
   * @param frac training fraction
   * @param seed split seed
   * @return the problem
   */
  public static SfmProblem problem(ModularTask task, double frac, long seed) {
    return SfmProblem.of(SfmConfig.of(task, frac, 1.0, Gate.HARD, 1, seed));
  }

  /**
   * One calibration line.
   *
   * @param problem the task and split
   * @param point the fixed point
   * @param settings SGLD settings
   * @param listener told of every SGLD step
   * @return the line
   */
  public static CalibrationRow run(SfmProblem problem, FixedPoint point, SgldSettings settings, SgldListener listener) {
    boolean[] support = point.support(problem);
    SfmLoss loss = SfmLoss.of(problem, support);
    double[] wStar = loss.coordinates(point.weights(problem));
    int n = loss.samples();
    QuadraticLlc exact = QuadraticLlc.of(loss.design(), n, loss.dimension());
    long t0 = System.nanoTime();
    LlcEstimate e = LocalLearningCoefficient.estimate(loss, wStar, n, settings, listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int cells = 0;
    for (boolean b : support) {
      cells += b ? 1 : 0;
    }
    ModularTask task = problem.config().task();
    return new CalibrationRow(task.p(), task.op().name().toLowerCase(java.util.Locale.ROOT), problem.config().frac(),
        problem.config().seed(), n, point.name().toLowerCase(java.util.Locale.ROOT), cells, loss.dimension(),
        cells / 2.0, exact.lambda(), exact.sgldMean(e.nBeta(), settings.stepSize(), settings.localization()),
        e.lambda(), e.lambda() / exact.lambda(), e.lambda() / (cells / 2.0), e.diagnostics().standardError(), e.diagnostics().rHat(), e.diagnostics().driftZ(), e.diverged(),
        settings.stepSize(), settings.localization(), seconds);
  }
}
