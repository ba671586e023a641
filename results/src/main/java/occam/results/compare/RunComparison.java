package occam.results.compare;

import java.util.Optional;
import java.util.OptionalInt;
import occam.results.llc.LlcDrop;

/**
 * One transformer run held against the SFM and the theory.
 *
 * @param run the transformer run
 * @param calibration whether the run is a calibration run (used to fit k_β and the time scale)
 * @param beta β = k_β·wd
 * @param sfmPhase the SFM's phase at (β, frac, seed)
 * @param sfmTGen the SFM's t_gen in iterations, if it generalizes
 * @param predicted the predicted grokking step, c·t_gen^SFM (NaN when the SFM does not generalize)
 * @param nStar the theory's crossover n* at (β, ε) (NaN when there is no crossover)
 * @param lambdaRatio the theory's λ_mem/λ_gen = m²/|supp W*|
 * @param testAcc the test-accuracy rise
 * @param bdm the K_BDM fall (from = its maximum, to = the lowest value after it)
 * @param embedGini the embedding-spectrum Gini rise
 * @param embedIpr the embedding-spectrum IPR rise
 * @param bdmFinal K_BDM at the last logged step (NaN when not logged)
 * @param llcDrop the measured LLC drop λ̂(t_mem)/λ̂(end) from the run's {@code llc/llc-curve.csv}, if it has one
 */
public record RunComparison(
    TrainingRecord run,
    boolean calibration,
    double beta,
    String sfmPhase,
    OptionalInt sfmTGen,
    double predicted,
    double nStar,
    double lambdaRatio,
    Transition testAcc,
    Transition bdm,
    Transition embedGini,
    Transition embedIpr,
    double bdmFinal,
    Optional<LlcDrop> llcDrop) {

  /** @return the measured grokking step, NaN when the run did not grok */
  public double measured() {
    return run.grokkingStep().isPresent() ? run.grokkingStep().getAsInt() : Double.NaN;
  }

  /** @return predicted / measured (NaN when either is missing) */
  public double ratio() {
    return predicted / measured();
  }

  /** @return ln(predicted / measured) */
  public double logRatio() {
    return Math.log(ratio());
  }

  /** @return K_BDM's maximum over the log divided by its final value (the measured complexity drop) */
  public double bdmDrop() {
    return bdm.from() / bdmFinal;
  }

  /** @return λ̂(t_mem)/λ̂(end) measured by SGLD, NaN when the run has no LLC curve */
  public double llcRatio() {
    return llcDrop.map(LlcDrop::ratio).orElse(Double.NaN);
  }

  /**
   * A lag between two transition steps.
   *
   * @param a the later event
   * @param b the reference event
   * @return a − b in steps, NaN when either is missing
   */
  public static double lag(OptionalInt a, OptionalInt b) {
    return a.isPresent() && b.isPresent() ? a.getAsInt() - b.getAsInt() : Double.NaN;
  }
}
