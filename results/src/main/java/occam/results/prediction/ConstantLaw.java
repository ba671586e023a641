package occam.results.prediction;

import java.util.List;

/**
 * Baseline: every run groks at the geometric mean of the calibration runs' t_grok.
 *
 * @param steps t₀ = exp(mean ln t_grok) over the calibration runs that grokked (NaN: none did)
 * @param points calibration runs it was fitted on
 */
public record ConstantLaw(double steps, int points) implements Predictor {

  /** Name in reports. */
  public static final String NAME = "constant";

  /**
   * Fits t₀.
   *
   * @param calibration the calibration runs
   * @return the law
   */
  public static ConstantLaw fit(List<GridRun> calibration) {
    double[] ln = calibration.stream().filter(GridRun::grokked).mapToDouble(r -> Math.log(r.measured())).toArray();
    return new ConstantLaw(Math.exp(java.util.Arrays.stream(ln).average().orElse(Double.NaN)), ln.length);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Prediction predict(Query q) {
    return Prediction.ofSteps(steps);
  }
}
