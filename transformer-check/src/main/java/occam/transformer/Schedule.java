package occam.transformer;

/**
 * When a {@link Measurement} runs: at every multiple of {@code every} steps, and always at the final
 * step of a run (the last step, or the step at which it diverged).
 *
 * @param every the interval in steps, ≥ 1
 */
public record Schedule(int every) {
  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if every &lt; 1
   */
  public Schedule {
    if (every < 1) {
      throw new IllegalArgumentException("every = " + every + " is not allowed: a schedule's interval must be >= 1");
    }
  }

  /**
   * Whether a step is on the schedule.
   *
   * @param step the step
   * @param isFinal whether it is the run's final step
   * @return isFinal, or step a multiple of every
   */
  public boolean isDue(int step, boolean isFinal) {
    return isFinal || step % every == 0;
  }
}
