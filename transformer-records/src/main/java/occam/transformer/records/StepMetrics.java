package occam.transformer.records;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import occam.io.Json;

/**
 * One line of {@code metrics.jsonl}: the model θ_step (after {@code step} optimizer updates),
 * measured. Non-finite values are written as JSON null and read back as NaN.
 *
 * <p>JSON keys: {@code step, train_loss, train_acc, test_loss, test_acc, weight_norm, embed_gini,
 * embed_ipr, logit2d_gini, logit2d_ipr, logit2d_sigma_mass, complexity, effective_rank} (an object
 * of canonical parameter name → value), {@code elapsed_s}; with the spectral edge on ({@code
 * --spectral-edge K}) also {@code edge_grad_align, edge_decay_align, edge_share, grad_decay_cos}
 * ({@link EdgeAlignment}; absent from lines without it).
 *
 * @param step number of updates applied
 * @param trainLoss mean cross-entropy (nats) over the training set
 * @param trainAcc accuracy of the argmax over the training set
 * @param testLoss mean cross-entropy over the held-out set (NaN if it is empty)
 * @param testAcc accuracy over the held-out set (NaN if it is empty)
 * @param weightNorm ‖θ‖₂ over all parameters
 * @param embedGini Gini of the token-axis embedding spectrum ({@code occam.transformer.EmbeddingSpectrum})
 * @param embedIpr IPR of that spectrum's amplitudes
 * @param logit2dGini Gini of the 2D logit spectrum ({@code occam.transformer.LogitSpectrum2d})
 * @param logit2dIpr IPR of the 2D logit spectrum's amplitudes
 * @param logit2dSigmaMass share of the 2D logit power on the ideal support σ
 * @param complexity the {@code occam.transformer.WeightComplexity} estimate in bits (NaN when not measured)
 * @param effectiveRanks canonical name → effective rank, for every matrix parameter (empty at log
 *     steps between {@link TrainingConfig#rankEvery()} steps)
 * @param elapsedSeconds wall-clock seconds of training up to here, summed over resumed sessions
 * @param edge the spectral edge's alignment ({@link EdgeAlignment#NONE} when not measured)
 */
public record StepMetrics(
    int step,
    double trainLoss,
    double trainAcc,
    double testLoss,
    double testAcc,
    double weightNorm,
    double embedGini,
    double embedIpr,
    double logit2dGini,
    double logit2dIpr,
    double logit2dSigmaMass,
    double complexity,
    Map<String, Double> effectiveRanks,
    double elapsedSeconds,
    EdgeAlignment edge) {

  /** Copies the map so the record stays immutable. */
  public StepMetrics {
    if (effectiveRanks == null || edge == null) {
      throw new IllegalArgumentException("effective ranks and edge must be given (empty or NONE when not measured)");
    }
    effectiveRanks = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveRanks));
  }

  /**
   * A line without the spectral edge.
   *
   * @param step updates applied
   * @param trainLoss training loss
   * @param trainAcc training accuracy
   * @param testLoss held-out loss
   * @param testAcc held-out accuracy
   * @param weightNorm ‖θ‖₂
   * @param embedGini embedding spectrum Gini
   * @param embedIpr embedding spectrum IPR
   * @param logit2dGini 2D logit spectrum Gini
   * @param logit2dIpr 2D logit spectrum IPR
   * @param logit2dSigmaMass 2D logit power on σ
   * @param complexity complexity in bits
   * @param effectiveRanks name → effective rank
   * @param elapsedSeconds training seconds so far
   */
  public StepMetrics(int step, double trainLoss, double trainAcc, double testLoss, double testAcc, double weightNorm,
      double embedGini, double embedIpr, double logit2dGini, double logit2dIpr, double logit2dSigmaMass,
      double complexity, Map<String, Double> effectiveRanks, double elapsedSeconds) {
    this(step, trainLoss, trainAcc, testLoss, testAcc, weightNorm, embedGini, embedIpr, logit2dGini, logit2dIpr,
        logit2dSigmaMass, complexity, effectiveRanks, elapsedSeconds, EdgeAlignment.NONE);
  }

  /** @return the JSON object of one metrics line */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("step", step);
    o.add("train_loss", Json.number(trainLoss));
    o.add("train_acc", Json.number(trainAcc));
    o.add("test_loss", Json.number(testLoss));
    o.add("test_acc", Json.number(testAcc));
    o.add("weight_norm", Json.number(weightNorm));
    o.add("embed_gini", Json.number(embedGini));
    o.add("embed_ipr", Json.number(embedIpr));
    o.add("logit2d_gini", Json.number(logit2dGini));
    o.add("logit2d_ipr", Json.number(logit2dIpr));
    o.add("logit2d_sigma_mass", Json.number(logit2dSigmaMass));
    o.add("complexity", Json.number(complexity));
    JsonObject ranks = new JsonObject();
    effectiveRanks.forEach((name, value) -> ranks.add(name, Json.number(value)));
    o.add("effective_rank", ranks);
    o.add("elapsed_s", Json.number(elapsedSeconds));
    if (!edge.isNone()) {
      o.add("edge_grad_align", Json.number(edge.gradient()));
      o.add("edge_decay_align", Json.number(edge.decay()));
      o.add("edge_share", Json.number(edge.share()));
      o.add("grad_decay_cos", Json.number(edge.gradientDecay()));
    }
    return o;
  }

  /**
   * Reads {@link #toJson()}'s form.
   *
   * @param o one metrics line
   * @return the metrics
   * @throws IllegalArgumentException if a key is missing
   */
  public static StepMetrics fromJson(JsonObject o) {
    if (!o.has("step")) {
      throw new IllegalArgumentException("metrics line has no step: " + o);
    }
    Map<String, Double> ranks = new LinkedHashMap<>();
    JsonElement r = o.get("effective_rank");
    if (r != null && r.isJsonObject()) {
      r.getAsJsonObject().entrySet().forEach(e -> ranks.put(e.getKey(), Json.value(e.getValue())));
    }
    return new StepMetrics(
        o.get("step").getAsInt(),
        Json.value(o.get("train_loss")),
        Json.value(o.get("train_acc")),
        Json.value(o.get("test_loss")),
        Json.value(o.get("test_acc")),
        Json.value(o.get("weight_norm")),
        Json.value(o.get("embed_gini")),
        Json.value(o.get("embed_ipr")),
        Json.value(o.get("logit2d_gini")),
        Json.value(o.get("logit2d_ipr")),
        Json.value(o.get("logit2d_sigma_mass")),
        Json.value(o.get("complexity")),
        ranks,
        Json.value(o.get("elapsed_s")),
        new EdgeAlignment(Json.value(o.get("edge_grad_align")), Json.value(o.get("edge_decay_align")),
            Json.value(o.get("edge_share")), Json.value(o.get("grad_decay_cos"))));
  }

  /**
   * The same metrics without the wall-clock field, for comparing runs.
   *
   * @return a copy with elapsedSeconds = 0
   */
  public StepMetrics withoutTiming() {
    return new StepMetrics(
        step, trainLoss, trainAcc, testLoss, testAcc, weightNorm, embedGini, embedIpr, logit2dGini,
        logit2dIpr, logit2dSigmaMass, complexity, effectiveRanks, 0, edge);
  }
}
