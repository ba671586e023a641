package occam.results.prediction;

import java.util.OptionalInt;
import occam.transformer.records.StepMetrics;

/**
 * One row of {@code grid-summary.csv}: a run's settings, phase, milestones, V_mem and its final norms
 * and observables (NaN, an empty cell, where not logged).
 *
 * @param run the folder name
 * @param p prime
 * @param op operation
 * @param wd weight decay
 * @param lr learning rate
 * @param frac α
 * @param seed seed
 * @param layers L
 * @param dModel d
 * @param heads H
 * @param dMlp MLP width
 * @param n |S|
 * @param steps step budget
 * @param stepsDone last step measured
 * @param phase SPEC §3's phase
 * @param tMem t_mem
 * @param tGrok t_grok
 * @param vMem ‖θ‖² at t_mem
 * @param weightNorm final ‖θ‖
 * @param trainLoss final train loss
 * @param testLoss final test loss
 * @param trainAcc final train accuracy
 * @param testAcc final test accuracy
 * @param embedGini final embedding-spectrum Gini
 * @param embedIpr final embedding-spectrum IPR
 * @param logit2dGini final 2D logit-spectrum Gini
 * @param logit2dIpr final 2D logit-spectrum IPR
 * @param logit2dSigmaMass final share of the logit power on σ
 * @param complexity final K_BDM in bits
 */
public record GridRow(String run, int p, String op, double wd, double lr, double frac, long seed, int layers,
    int dModel, int heads, int dMlp, int n, int steps, int stepsDone, String phase, OptionalInt tMem, OptionalInt tGrok,
    double vMem, double weightNorm, double trainLoss, double testLoss, double trainAcc, double testAcc,
    double embedGini, double embedIpr, double logit2dGini, double logit2dIpr, double logit2dSigmaMass,
    double complexity) {

  /**
   * The row of a run.
   *
   * @param r the run
   * @return its row
   */
  public static GridRow of(GridRun r) {
    StepMetrics m = r.last();
    double nan = Double.NaN;
    return new GridRow(r.name(), r.task().p(), r.task().op().cliName(), r.wd(), r.lr(), r.frac(), r.seed(),
        r.model().layers(), r.model().dModel(), r.model().heads(), r.model().dMlp(), r.record().trainSize(), r.steps(),
        r.record().stepsDone(), r.record().phase(), r.tMem(), r.tGrok(), r.vMem(), m == null ? nan : m.weightNorm(),
        m == null ? nan : m.trainLoss(), m == null ? nan : m.testLoss(), m == null ? nan : m.trainAcc(),
        m == null ? nan : m.testAcc(), m == null ? nan : m.embedGini(), m == null ? nan : m.embedIpr(),
        m == null ? nan : m.logit2dGini(), m == null ? nan : m.logit2dIpr(), m == null ? nan : m.logit2dSigmaMass(),
        m == null ? nan : m.complexity());
  }
}
