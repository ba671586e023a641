package occam.transformer.records;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import occam.io.Manifest;

/**
 * The folder of one training run and the files {@code occam train} leaves in it: {@code metrics.jsonl}
 * ({@link MetricsLog}), {@code summary.json} ({@link TrainingSummary}), {@code checkpoint/state.ckpt} and,
 * when the run keeps them, weight snapshots in {@code snapshots/}.
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {
  /** Metrics log inside the run folder. */
  public static final String METRICS_FILE = "metrics.jsonl";

  /** Summary inside the run folder. */
  public static final String SUMMARY_FILE = "summary.json";

  /** Checkpoint directory inside the run folder. */
  public static final String CHECKPOINT_DIR = "checkpoint";

  /** Directory of the weight snapshots ({@link SnapshotSchedule}) inside the run folder. */
  public static final String SNAPSHOT_DIR = "snapshots";

  /** File name of the checkpoint inside the checkpoint directory. */
  public static final String CHECKPOINT_FILE = "state.ckpt";

  /**
   * Names the folder.
   *
   * @throws IllegalArgumentException if dir is null
   */
  public RunFolder {
    if (dir == null) {
      throw new IllegalArgumentException("a run folder needs a path");
    }
  }

  /**
   * The folder of a run in a grid, named after the settings a grid varies: {@code
   * p<P>-<op>-wd<wd>-lr<lr>-frac<frac>-seed<s>}, numbers without trailing zeros ({@code
   * p47-add-wd1-lr0.003-frac0.5-seed0}).
   *
   * @param parent where the grid's folders go
   * @param config the run
   * @return the folder {@code parent/}{@link #name(TrainingConfig)}
   */
  public static RunFolder in(Path parent, TrainingConfig config) {
    return new RunFolder(parent.resolve(name(config)));
  }

  /**
   * The folder name of a run in a grid.
   *
   * @param c the run
   * @return {@code p<P>-<op>-wd<wd>-lr<lr>-frac<frac>-seed<s>}
   */
  public static String name(TrainingConfig c) {
    return "p" + c.task().p() + "-" + c.task().op().cliName() + "-wd" + plain(c.optimizer().weightDecay())
        + "-lr" + plain(c.optimizer().lr()) + "-frac" + plain(c.frac()) + "-seed" + c.seed();
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** @return {@code dir/metrics.jsonl} */
  public Path metricsFile() {
    return dir.resolve(METRICS_FILE);
  }

  /** @return {@code dir/summary.json} */
  public Path summaryFile() {
    return dir.resolve(SUMMARY_FILE);
  }

  /** @return {@code dir/checkpoint/state.ckpt} */
  public Path checkpointFile() {
    return dir.resolve(CHECKPOINT_DIR).resolve(CHECKPOINT_FILE);
  }

  /** @return {@code dir/snapshots}, where the weight snapshots go */
  public Path snapshotDir() {
    return dir.resolve(SNAPSHOT_DIR);
  }

  /**
   * Reads the summary.
   *
   * @return the summary
   * @throws IllegalArgumentException if the folder or its summary is missing or not a summary
   * @throws IOException if the summary cannot be read
   */
  public TrainingSummary summary() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run folder " + dir + " does not exist");
    }
    if (!Files.isRegularFile(summaryFile())) {
      throw new IllegalArgumentException("run folder " + dir + " has no " + SUMMARY_FILE);
    }
    return TrainingSummary.read(summaryFile());
  }

  /**
   * Reads the metrics log.
   *
   * @return its lines, empty when there is no log
   * @throws IOException if the log cannot be read
   */
  public List<StepMetrics> log() throws IOException {
    return Files.isRegularFile(metricsFile()) ? MetricsLog.read(metricsFile()) : List.of();
  }

  /**
   * Whether the folder holds a run that reached a step count (what a grid does not redo).
   *
   * @param steps the step budget wanted now
   * @return true when the folder was finished (its manifest written last is present), and its
   *     summary's {@code steps_done} is at least {@code steps} (or the run diverged, which is final too)
   */
  public boolean isComplete(int steps) {
    try {
      if (Manifest.read(dir).isEmpty()) {
        return false;
      }
      TrainingSummary s = summary();
      return s.stepsDone() >= steps || s.phase() == occam.modular.Phase.DIVERGED;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
