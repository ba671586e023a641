package occam.results.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.transformer.MetricsLog;
import occam.transformer.StepMetrics;
import occam.transformer.TrainingRun;

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
   * @param dir a directory with {@code summary.json} and {@code metrics.jsonl}
   * @return the record
   * @throws IllegalArgumentException if the directory or its summary is missing or unreadable
   * @throws IOException if the metrics log cannot be read
   */
  public static TrainingRecord read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run folder " + dir + " does not exist");
    }
    Path summaryFile = dir.resolve(TrainingRun.SUMMARY_FILE);
    if (!Files.isRegularFile(summaryFile)) {
      throw new IllegalArgumentException("run folder " + dir + " has no " + TrainingRun.SUMMARY_FILE);
    }
    JsonObject s;
    try {
      s = JsonParser.parseString(Files.readString(summaryFile)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(summaryFile + " is not a JSON object: " + e.getMessage());
    }
    JsonObject c = s.getAsJsonObject("config");
    if (c == null) {
      throw new IllegalArgumentException(summaryFile + " has no config object");
    }
    try {
      ModularTask task = ModularTask.of(c.get("p").getAsInt(), Op.parse(c.get("op").getAsString()));
      Path metricsFile = dir.resolve(TrainingRun.METRICS_FILE);
      List<StepMetrics> log = Files.isRegularFile(metricsFile) ? MetricsLog.read(metricsFile) : List.of();
      return new TrainingRecord(dir, task, c.get("frac").getAsDouble(), c.get("seed").getAsLong(),
          c.get("weight_decay").getAsDouble(), c.get("steps").getAsInt(), s.get("steps_done").getAsInt(),
          s.get("train_size").getAsInt(), optional(s.get("memorization_step")), optional(s.get("grokking_step")),
          s.get("phase").getAsString(), log);
    } catch (NullPointerException | UnsupportedOperationException | ClassCastException | NumberFormatException e) {
      throw new IllegalArgumentException(summaryFile + " lacks a field of occam train's summary: " + e);
    }
  }

  /**
   * Whether a directory holds a run that reached a step count (what {@code occam experiment} does not
   * redo).
   *
   * @param dir a run directory
   * @param steps the step budget wanted now
   * @return true when {@code summary.json} exists and its {@code steps_done} is at least {@code steps}
   *     (or the run diverged, which is final too)
   */
  public static boolean isComplete(Path dir, int steps) {
    try {
      TrainingRecord r = read(dir);
      return r.stepsDone() >= steps || "diverged".equals(r.phase());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** @return a short label: the directory's name */
  public String name() {
    Path f = dir.getFileName();
    return f == null ? dir.toString() : f.toString();
  }

  private static OptionalInt optional(JsonElement e) {
    return e == null || e.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(e.getAsInt());
  }
}
