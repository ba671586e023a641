package occam.results.prediction;

/** A calibrated predictor of the grokking step. */
public interface Predictor {

  /** @return its name in reports, {@code calibration.json} and {@code occam predict} */
  String name();

  /** @return whether it reads the run itself (t_mem, V_mem) and so needs {@code --run} */
  default boolean inRun() {
    return false;
  }

  /** @return whether it predicts a step (false: a grok/no-grok classifier) */
  default boolean timed() {
    return true;
  }

  /** @return whether it is derived from the theory or the SFM (false: a baseline) */
  default boolean theory() {
    return false;
  }

  /**
   * Predicts one run.
   *
   * @param q the run's settings (and in-run data)
   * @return the prediction
   */
  Prediction predict(Query q);
}
