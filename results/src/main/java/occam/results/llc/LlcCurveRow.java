package occam.results.llc;

import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldDiagnostics;
import occam.theory.llc.SgldSettings;

/**
 * One point of an LLC curve over training: λ̂ at one step with its diagnostics.
 *
 * @param step the training step of the weights w*
 * @param llc λ̂ = n·β*·(E_w[L] − L_n(w*)); NaN when a chain diverged
 * @param standardError spread of the per-chain λ̂ over √chains
 * @param chainSpread sample standard deviation of the per-chain λ̂
 * @param rHat Gelman–Rubin R̂ of the loss traces
 * @param drift λ̂ from the second half of the draws minus λ̂ from the first half
 * @param driftZ the drift over its standard error across chains
 * @param diverged whether a chain diverged
 * @param lossAtWStar L_n(w*), the training loss at the step (nats)
 * @param lossRise E_w[L] − L_n(w*) = λ̂/(n·β*), how far up the loss the chains sample (nats)
 * @param n training set size
 * @param nBeta n·β* = n/ln n
 * @param epsilon the SGLD step size ε
 * @param gamma the localization γ
 * @param chains the chains
 * @param burnIn burn-in steps per chain
 * @param draws recorded draws per chain
 * @param batch samples per SGLD gradient (0: the full batch)
 * @param seed the SGLD seed
 */
public record LlcCurveRow(
    int step,
    double llc,
    double standardError,
    double chainSpread,
    double rHat,
    double drift,
    double driftZ,
    boolean diverged,
    double lossAtWStar,
    double lossRise,
    int n,
    double nBeta,
    double epsilon,
    double gamma,
    int chains,
    int burnIn,
    int draws,
    int batch,
    long seed) {

  /**
   * The row of an estimate.
   *
   * @param step the step of w*
   * @param e the estimate there
   * @return the row
   */
  public static LlcCurveRow of(int step, LlcEstimate e) {
    SgldDiagnostics d = e.diagnostics();
    SgldSettings s = e.settings();
    return new LlcCurveRow(step, e.lambda(), d.standardError(), d.chainSpread(), d.rHat(), d.drift(), d.driftZ(),
        e.diverged(), e.lossAtCenter(), e.lambda() / e.nBeta(), e.n(), e.nBeta(), s.stepSize(), s.localization(),
        s.chains(), s.burnIn(), s.draws(), s.batchSize(), s.seed());
  }
}
