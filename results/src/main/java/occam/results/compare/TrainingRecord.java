package occam.results.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.io.Manifest;
import occam.modular.ModularTask;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * One finished (or stopped) transformer run as {@code occam train} left it: the task and optimizer
 * settings from {@code summary.json}, its t_mem and t_grok, and the metrics log.
 *
 * @param dir the run directory
 * @param task the modular task
 * @param frac α, the training fraction
 * @param seed seed of the split and the initialization
 * @param weightDecay AdamW's decoupled weight decay
 * @param steps the configured number of updates
 * @param stepsDone the last step measured
 * @param trainSize n = |S|
 * @param memorizationStep t_mem, if reached
 * @param grokkingStep t_grok (first step with train and test accuracy ≥ threshold), if reached
 * @param phase SPEC §3's phase label
 * @param log the metrics lines
 */
public record TrainingRecord(
    Path dir,
    ModularTask task,
    double frac,
    long seed,
    double weightDecay,
    int steps,
    int stepsDone,
    int trainSize,
    OptionalInt memorizationStep,
    OptionalInt grokkingStep,
    String phase,
    List<StepMetrics> log) {

  /** Copies the log. */
  public TrainingRecord {
    log = List.copyOf(log);
  }

  /**
   * Reads a run directory.
   *
   * @param dir a directory with {@code summary.json} and {@code metrics.jsonl}, finished: with the
   *     manifest {@code occam train} writes last, its files unchanged since
   * @return the record
   * @throws IllegalArgumentException if the directory or its summary is missing or unreadable
   * @throws occam.io.UsageException naming the folder if it is not finished (killed, still running, or
   *     changed after it was written; {@link Manifest#requireComplete}), or its metrics log is not one
   * @throws IOException if the metrics log cannot be read
   */
  public static TrainingRecord read(Path dir) throws IOException {
    RunFolder folder = new RunFolder(dir);
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run folder " + dir + " does not exist");
    }
    Manifest.requireComplete(dir);
    TrainingSummary s = folder.summary();
    TrainingConfig c = s.config();
    return new TrainingRecord(dir, c.task(), c.frac(), c.seed(), c.optimizer().weightDecay(), c.steps(),
        s.stepsDone(), s.trainSize(), s.memorizationStep(), s.grokkingStep(), s.phase().label(), folder.log());
  }

  /**
   * Whether a directory holds a run that reached a step count (what {@code occam experiment} does not
   * redo).
   *
   * @param dir a run directory
   * @param steps the step budget wanted now
   * @return {@link RunFolder#isComplete(int)}
   */
  public static boolean isComplete(Path dir, int steps) {
    return new RunFolder(dir).isComplete(steps);
  }

  /** @return a short label: the directory's name */
  public String name() {
    Path f = dir.getFileName();
    return f == null ? dir.toString() : f.toString();
  }
}
