package occam.transformer;

/**
 * When a {@link Measurement} runs: at every multiple of {@code every} steps, always at the final
 * step of a run (the last step, or the step at which it diverged) and, if {@code atMilestones}, at
 * the steps where t_mem and t_grok are reached (so that a run's state at its milestones, e.g. V_mem =
 * ‖θ‖² at t_mem, is on record).
 *
 * @param every the interval in steps, ≥ 1
 * @param atMilestones whether the milestone steps are due too
 */
public record Schedule(int every, boolean atMilestones) {
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
   * Every {@code every} steps and at the final step, not at milestones.
   *
   * @param every the interval in steps, ≥ 1
   */
  public Schedule(int every) {
    this(every, false);
  }

  /**
   * Whether a step is on the schedule, milestones aside.
   *
   * @param step the step
   * @param isFinal whether it is the run's final step
   * @return isFinal, or step a multiple of every
   */
  public boolean isDue(int step, boolean isFinal) {
    return isFinal || step % every == 0;
  }

  /**
   * Whether a step is on the schedule.
   *
   * @param step the step
   * @param isFinal whether it is the run's final step
   * @param milestone whether t_mem or t_grok was reached at this step
   * @return {@link #isDue(int, boolean)}, or a milestone step when the schedule takes them
   */
  public boolean isDue(int step, boolean isFinal, boolean milestone) {
    return isDue(step, isFinal) || (atMilestones && milestone);
  }
}
