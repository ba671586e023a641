package occam.transformer;

import java.util.Set;

/**
 * When a {@link Measurement} runs: at every multiple of {@code every} steps, at the listed {@code
 * steps} (e.g. the log-spaced steps of the weight snapshots), always at the final
 * step of a run (the last step, or the step at which it diverged) and, if {@code atMilestones}, at
 * the steps where t_mem and t_grok are reached (so that a run's state at its milestones, e.g. V_mem =
 * ‖θ‖² at t_mem, is on record).
 *
 * @param every the interval in steps, ≥ 1
 * @param atMilestones whether the milestone steps are due too
 * @param steps further steps that are due
 */
public record Schedule(int every, boolean atMilestones, Set<Integer> steps) {
  /**
   * Validates the interval and copies the steps.
   *
   * @throws IllegalArgumentException if every &lt; 1
   */
  public Schedule {
    if (every < 1) {
      throw new IllegalArgumentException("every = " + every + " is not allowed: a schedule's interval must be >= 1");
    }
    steps = Set.copyOf(steps);
  }

  /**
   * Every {@code every} steps, at the final step and, if {@code atMilestones}, at the milestones.
   *
   * @param every the interval in steps, ≥ 1
   * @param atMilestones whether the milestone steps are due too
   */
  public Schedule(int every, boolean atMilestones) {
    this(every, atMilestones, Set.of());
  }

  /**
   * At listed steps only (step 0 included, the interval being {@link Integer#MAX_VALUE}), the final
   * step and, if {@code atMilestones}, the milestones.
   *
   * @param steps the steps
   * @param atMilestones whether the milestone steps are due too
   * @return the schedule
   */
  public static Schedule at(Set<Integer> steps, boolean atMilestones) {
    return new Schedule(Integer.MAX_VALUE, atMilestones, steps);
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
   * @return isFinal, step a multiple of every, or a listed step
   */
  public boolean isDue(int step, boolean isFinal) {
    return isFinal || step % every == 0 || steps.contains(step);
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
