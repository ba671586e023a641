package occam.transformer;

import occam.modular.Phase;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.OptionalInt;

/**
 * The outcome of a run, as written to {@code summary.json}.
 *
 * <p>JSON keys: {@code preset} (or null), {@code config} ({@link TrainingConfig#toJson()}), {@code
 * train_size}, {@code test_size}, {@code steps_done}, {@code memorization_step}, {@code
 * grokking_step} (null when not reached), {@code phase} ({@link Phase}), {@code final} (the last
 * {@link StepMetrics} line), {@code device}, {@code steps_per_s} and {@code wall_s} (this session),
 * {@code elapsed_s} (all sessions), {@code complexity} (what {@link WeightComplexity} measured),
 * {@code resumed_from} (or null).
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
    OptionalInt resumedFrom) {

  /** @return the JSON of {@code summary.json} */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.add("preset", preset == null ? JsonNull.INSTANCE : new JsonPrimitive(preset));
    o.add("config", config.toJson());
    o.addProperty("train_size", trainSize);
    o.addProperty("test_size", testSize);
    o.addProperty("steps_done", stepsDone);
    o.add("memorization_step", Json.optional(memorizationStep));
    o.add("grokking_step", Json.optional(grokkingStep));
    o.addProperty("phase", phase.label());
    o.add("final", finalMetrics.toJson());
    o.addProperty("device", device);
    o.add("steps_per_s", Json.number(stepsPerSecond));
    o.add("wall_s", Json.number(wallSeconds));
    o.add("elapsed_s", Json.number(finalMetrics.elapsedSeconds()));
    o.addProperty("complexity", complexity);
    o.add("resumed_from", Json.optional(resumedFrom));
    return o;
  }
}
