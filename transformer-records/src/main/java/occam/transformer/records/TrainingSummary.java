package occam.transformer.records;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.io.Json;
import occam.modular.Phase;

/**
 * The outcome of a run, as written to {@code summary.json}.
 *
 * <p>JSON keys: {@code preset} (or null), {@code config} ({@link TrainingConfig#toJson()}), {@code
 * train_size}, {@code test_size}, {@code steps_done}, {@code memorization_step}, {@code
 * grokking_step} (null when not reached), {@code phase} ({@link Phase}), {@code final} (the last
 * {@link StepMetrics} line), {@code device}, {@code steps_per_s} and {@code wall_s} (this session),
 * {@code elapsed_s} (all sessions), {@code complexity} (what the complexity estimate measured),
 * {@code resumed_from} (or null), and for a session resumed with other schedule settings {@code
 * changed_on_resume} (e.g. {@code ["wd_after \"none\" -> \"3000:0\""]}: what changed at {@code resumed_from}).
 *
 * @param config the run
 * @param preset the preset it started from, or null
 * @param trainSize n = |S|
 * @param testSize N − n
 * @param stepsDone the last step measured
 * @param memorizationStep t_mem, exact (train accuracy is measured at every step)
 * @param grokkingStep t_gen, exact (test accuracy is measured at every step once train accuracy has
 *     reached the threshold, until t_gen is found)
 * @param phase SPEC §3's classification
 * @param finalMetrics the metrics of the last step
 * @param device the DJL device
 * @param stepsPerSecond updates per second in this session
 * @param wallSeconds wall-clock seconds of this session
 * @param complexity description of the complexity estimate
 * @param resumedFrom the checkpoint step this session started from, if resumed
 * @param changedOnResume the schedule settings this session changed from the checkpoint's ({@link
 *     TrainingConfig#scheduleChangesTo}), "key old -> new"; empty when none or not resumed
 */
public record TrainingSummary(
    TrainingConfig config,
    String preset,
    int trainSize,
    int testSize,
    int stepsDone,
    OptionalInt memorizationStep,
    OptionalInt grokkingStep,
    Phase phase,
    StepMetrics finalMetrics,
    String device,
    double stepsPerSecond,
    double wallSeconds,
    String complexity,
    OptionalInt resumedFrom,
    List<String> changedOnResume) {

  /** Copies the list so the record stays immutable. */
  public TrainingSummary {
    changedOnResume = List.copyOf(changedOnResume);
  }

  /**
   * A summary of a session that changed no schedule setting.
   *
   * @param config the run
   * @param preset the preset or null
   * @param trainSize n
   * @param testSize N − n
   * @param stepsDone the last step measured
   * @param memorizationStep t_mem
   * @param grokkingStep t_gen
   * @param phase the phase
   * @param finalMetrics the last metrics line
   * @param device the device
   * @param stepsPerSecond updates per second
   * @param wallSeconds this session's seconds
   * @param complexity the complexity estimate's description
   * @param resumedFrom the checkpoint step, if resumed
   */
  public TrainingSummary(TrainingConfig config, String preset, int trainSize, int testSize, int stepsDone,
      OptionalInt memorizationStep, OptionalInt grokkingStep, Phase phase, StepMetrics finalMetrics, String device,
      double stepsPerSecond, double wallSeconds, String complexity, OptionalInt resumedFrom) {
    this(config, preset, trainSize, testSize, stepsDone, memorizationStep, grokkingStep, phase, finalMetrics, device,
        stepsPerSecond, wallSeconds, complexity, resumedFrom, List.of());
  }

  /** @return the JSON of {@code summary.json} */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.add("preset", preset == null ? JsonNull.INSTANCE : new JsonPrimitive(preset));
    o.add("config", config.toJson());
    o.addProperty("train_size", trainSize);
    o.addProperty("test_size", testSize);
    o.addProperty("steps_done", stepsDone);
    o.add("memorization_step", Json.step(memorizationStep));
    o.add("grokking_step", Json.step(grokkingStep));
    o.addProperty("phase", phase.label());
    o.add("final", finalMetrics.toJson());
    o.addProperty("device", device);
    o.add("steps_per_s", Json.number(stepsPerSecond));
    o.add("wall_s", Json.number(wallSeconds));
    o.add("elapsed_s", Json.number(finalMetrics.elapsedSeconds()));
    o.addProperty("complexity", complexity);
    o.add("resumed_from", Json.step(resumedFrom));
    if (!changedOnResume.isEmpty()) {
      JsonArray changes = new JsonArray();
      changedOnResume.forEach(changes::add);
      o.add("changed_on_resume", changes);
    }
    return o;
  }

  /**
   * Reads {@link #toJson()}'s form.
   *
   * @param o a summary
   * @return the summary
   * @throws IllegalArgumentException if a key is missing or a value is invalid
   */
  public static TrainingSummary fromJson(JsonObject o) {
    if (!(o.get("config") instanceof JsonObject)) {
      throw new IllegalArgumentException("summary has no config object");
    }
    try {
      JsonElement preset = o.get("preset");
      return new TrainingSummary(
          TrainingConfig.fromJson(o.getAsJsonObject("config")),
          preset == null || preset.isJsonNull() ? null : preset.getAsString(),
          o.get("train_size").getAsInt(),
          o.get("test_size").getAsInt(),
          o.get("steps_done").getAsInt(),
          Json.step(o, "memorization_step"),
          Json.step(o, "grokking_step"),
          phase(o.get("phase").getAsString()),
          StepMetrics.fromJson(o.getAsJsonObject("final")),
          o.get("device").getAsString(),
          Json.value(o.get("steps_per_s")),
          Json.value(o.get("wall_s")),
          o.get("complexity").getAsString(),
          Json.step(o, "resumed_from"),
          changes(o.get("changed_on_resume")));
    } catch (NullPointerException | UnsupportedOperationException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException("summary lacks a field of occam train's summary: " + e, e);
    }
  }

  /**
   * Writes {@code summary.json} atomically.
   *
   * @param file the target
   * @throws IOException if it cannot be written
   */
  public void write(Path file) throws IOException {
    Json.write(file, toJson());
  }

  /**
   * Reads a {@code summary.json}.
   *
   * @param file the file
   * @return the summary
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a summary
   */
  public static TrainingSummary read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(occam.io.Messages.value(file) + " is not UTF-8 text: not a summary", e);
    }
    try {
      return fromJson(Json.parseStrict(text).getAsJsonObject());
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> changes(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }

  private static Phase phase(String label) {
    for (Phase p : Phase.values()) {
      if (p.label().equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown phase " + label);
  }
}
