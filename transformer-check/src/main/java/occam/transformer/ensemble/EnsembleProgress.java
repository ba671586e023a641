package occam.transformer.ensemble;

/**
 * Where an {@link EnsembleRun} stands after a step, for progress bars: read-only numbers.
 *
 * @param members the members in the run
 * @param done members finished (their steps done or diverged)
 * @param modelSteps model·steps done in this session (one per active member per step)
 * @param modelStepsLeft model·steps still to do
 * @param seconds wall-clock seconds of this session so far
 */
public record EnsembleProgress(int members, int done, long modelSteps, long modelStepsLeft, double seconds) {
  /** @return model·steps per second in this session, NaN before any time has passed */
  public double modelStepsPerSecond() {
    return seconds > 0 ? modelSteps / seconds : Double.NaN;
  }

  /** @return estimated seconds left at this session's rate, NaN before a rate is known */
  public double etaSeconds() {
    double rate = modelStepsPerSecond();
    return rate > 0 ? modelStepsLeft / rate : Double.NaN;
  }
}
