package occam.results.prediction;

import java.util.List;

/**
 * Baseline with one parameter: t_grok = C/(lr·wd), the time AdamW's decoupled decay takes to shrink
 * the weights by a fixed factor (decay per step lr·wd). wd = 0 never groks.
 *
 * @param c C, fitted as ln C = mean(ln t_grok + ln lr + ln wd) over the calibration runs that grokked
 *     with wd &gt; 0 (the least-squares constant in log space; NaN: none)
 * @param points calibration runs it was fitted on
 */
public record InverseDecayLaw(double c, int points) implements Predictor {

  /** Name in reports. */
  public static final String NAME = "inverse_lr_wd";

  /**
   * Fits C.
   *
   * @param calibration the calibration runs
   * @return the law
   */
  public static InverseDecayLaw fit(List<GridRun> calibration) {
    double[] ln = calibration.stream().filter(r -> r.grokked() && r.wd() > 0)
        .mapToDouble(r -> Math.log(r.measured()) + Math.log(r.lr()) + Math.log(r.wd())).toArray();
    return new InverseDecayLaw(Math.exp(java.util.Arrays.stream(ln).average().orElse(Double.NaN)), ln.length);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Prediction predict(Query q) {
    return Prediction.ofSteps(c / (q.lr() * q.wd()));
  }
}
