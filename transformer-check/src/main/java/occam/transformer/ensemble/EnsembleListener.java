package occam.transformer.ensemble;

import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/** Observes an {@link EnsembleRun} without steering it; every method has an empty default. */
public interface EnsembleListener {
  /**
   * Called after every ensemble step.
   *
   * @param progress members done, model·steps, rate and ETA
   */
  default void onStep(EnsembleProgress progress) {}

  /**
   * Called for every line a member writes to its metrics log.
   *
   * @param member the member's run
   * @param metrics the line
   */
  default void onLog(TrainingConfig member, StepMetrics metrics) {}

  /**
   * Called once per member when it has finished or diverged, after its summary is written.
   *
   * @param summary the member's summary
   */
  default void onMemberEnd(TrainingSummary summary) {}

  /**
   * Called once when a shutdown (SIGINT, SIGTERM) stopped the ensemble at a step boundary, after every
   * active member's checkpoint was saved; the JVM halts right after, so say it now.
   *
   * @param checkpoints each active member's checkpoint file and the step it saved, in member order
   *     (empty when the members keep no folders)
   */
  default void onInterrupt(java.util.Map<java.nio.file.Path, Integer> checkpoints) {}
}
