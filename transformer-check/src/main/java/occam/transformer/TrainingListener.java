package occam.transformer;

import occam.transformer.records.TrainingConfig;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingSummary;

/**
 * Observes a {@link TrainingRun} without steering it (progress bars, traces); every method has an
 * empty default.
 */
public interface TrainingListener {
  /**
   * Called once before the first step.
   *
   * @param config the run
   * @param startStep 0, or the step a resumed run continues from
   * @param device where the model lives, e.g. {@code cpu()}
   */
  default void onStart(TrainingConfig config, int startStep, String device) {}

  /**
   * Called after every step is measured.
   *
   * @param progress the step's numbers
   */
  default void onStep(StepProgress progress) {}

  /**
   * Called for every line of the run's metrics log, steps ascending: first, before {@link #onStart},
   * the lines a resumed run keeps from its earlier sessions, then each line as it is written; so a
   * listener sees the whole log without reading the file back.
   *
   * @param metrics the line
   */
  default void onLog(StepMetrics metrics) {}

  /**
   * Called after a checkpoint is written.
   *
   * @param step the checkpoint's step
   */
  default void onCheckpoint(int step) {}

  /**
   * Called when a shutdown (SIGINT, SIGTERM) stopped the run at a step boundary, after its checkpoint
   * was saved; the JVM halts right after, so say it now (e.g. "interrupted at step N; checkpoint
   * saved; resume with --resume").
   *
   * @param step the step reached and saved
   * @param checkpoint the checkpoint file, or null when the run keeps no folder
   */
  default void onInterrupt(int step, java.nio.file.Path checkpoint) {}

  /**
   * Called once at the end.
   *
   * @param summary the run's summary
   */
  default void onEnd(TrainingSummary summary) {}
}
