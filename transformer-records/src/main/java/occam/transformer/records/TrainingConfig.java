package occam.transformer.records;

import static occam.transformer.records.Settings.ACC_THRESHOLD;
import static occam.transformer.records.Settings.BATCH;
import static occam.transformer.records.Settings.BETA1;
import static occam.transformer.records.Settings.BETA2;
import static occam.transformer.records.Settings.CHECKPOINT_EVERY;
import static occam.transformer.records.Settings.D_MLP;
import static occam.transformer.records.Settings.D_MODEL;
import static occam.transformer.records.Settings.EPS;
import static occam.transformer.records.Settings.FRAC;
import static occam.transformer.records.Settings.HEADS;
import static occam.transformer.records.Settings.LAYERNORM;
import static occam.transformer.records.Settings.LAYERS;
import static occam.transformer.records.Settings.LOG_EVERY;
import static occam.transformer.records.Settings.LR;
import static occam.transformer.records.Settings.OP;
import static occam.transformer.records.Settings.P;
import static occam.transformer.records.Settings.RANK_EVERY;
import static occam.transformer.records.Settings.SEED;
import static occam.transformer.records.Settings.SNAPSHOTS;
import static occam.transformer.records.Settings.SPECTRAL_EDGE;
import static occam.transformer.records.Settings.SPECTRAL_ENTROPY;
import static occam.transformer.records.Settings.STEPS;
import static occam.transformer.records.Settings.WARMUP;
import static occam.transformer.records.Settings.WARMUP_RULE;
import static occam.transformer.records.Settings.WD_AFTER;
import static occam.transformer.records.Settings.WEIGHT_DECAY;
import static occam.transformer.records.Settings.WEIGHT_NOISE;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import occam.modular.ModularTask;
import occam.modular.TrainSplit;

/**
 * Everything that defines one training run: the task and its split (SPEC §1), the architecture, the
 * optimizer and the schedule of steps, logs and checkpoints. Each setting is defined once, in {@link
 * Settings}; the JSON form and the {@link Builder} are read from that table.
 *
 * @param task the modular task (p, op)
 * @param frac α, the training fraction of the domain, in (0, 1]
 * @param seed seed of the split (SPEC §1) and of the initialization
 * @param model the architecture (its classes must equal p)
 * @param optimizer AdamW hyperparameters
 * @param steps number of optimizer updates, ≥ 0
 * @param batchSize training examples per update; 0 means the full training set
 * @param logEvery a metrics line is written at every multiple of this step (and at the last step)
 * @param checkpointEvery a checkpoint is written at every multiple of this step (and at the end);
 *     0 writes one only at the end
 * @param rankEvery effective ranks are computed at the log steps that are multiples of this step
 *     (and at the last step); 0 computes them at every log step. They cost an SVD per matrix
 *     (Commons Math: 0.8 s for 512×512, 5 s for 2048×512 on the 2-core box), minutes per log line
 *     for the paper's 48 layers
 * @param snapshots the steps that keep a weight snapshot ({@link SnapshotSchedule}; none by default)
 * @param threshold accuracy that counts as "fitted" for the memorization and grokking steps, in (0, 1]
 * @param weightNoise σ ≥ 0 of the Gaussian noise added to every parameter at each forward pass (0: off)
 * @param spectralEntropy α ≥ 0 of the spectral-entropy penalty added to the loss (0: off)
 * @param spectralEdge window K of the logged spectral edge, 0 (off) or ≥ 2
 */
public record TrainingConfig(
    ModularTask task,
    double frac,
    long seed,
    ModelConfig model,
    AdamWConfig optimizer,
    int steps,
    int batchSize,
    int logEvery,
    int checkpointEvery,
    int rankEvery,
    SnapshotSchedule snapshots,
    double threshold,
    double weightNoise,
    double spectralEntropy,
    int spectralEdge) {

  /**
   * Validates the run.
   *
   * @throws IllegalArgumentException for a value outside the ranges above (the rules of {@link Settings}),
   *     or a model whose number of classes or vocabulary does not match p
   */
  public TrainingConfig {
    if (task == null || model == null || optimizer == null) {
      throw new IllegalArgumentException("task, model and optimizer must be given");
    }
    FRAC.check(frac);
    if (model.classes() != task.p() || model.vocab() != task.p() + 1) {
      throw new IllegalArgumentException(
          "model has " + model.classes() + " classes and " + model.vocab()
              + " tokens; p = " + task.p() + " needs p classes and p + 1 tokens");
    }
    STEPS.check(steps);
    BATCH.check(batchSize);
    LOG_EVERY.check(logEvery);
    CHECKPOINT_EVERY.check(checkpointEvery);
    RANK_EVERY.check(rankEvery);
    SNAPSHOTS.check(snapshots);
    ACC_THRESHOLD.check(threshold);
    WEIGHT_NOISE.check(weightNoise);
    SPECTRAL_ENTROPY.check(spectralEntropy);
    SPECTRAL_EDGE.check(spectralEdge);
  }

  /** @return the seeded split of SPEC §1 that this run trains on */
  public TrainSplit split() {
    return TrainSplit.of(task, frac, seed);
  }

  /**
   * The configuration as flat JSON (as in {@code summary.json} and checkpoints): one key per setting of
   * {@link Settings#ALL}, in that order.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    Settings.ALL.forEach(s -> o.add(s.key(), json(s)));
    return o;
  }

  private <T> JsonElement json(Setting<T> s) {
    return s.toJson(s.of(this));
  }

  /**
   * Reads {@link #toJson()}'s form; settings of {@link Settings#ADDED_LATER} may be absent (their
   * default then).
   *
   * @param o the JSON object
   * @return the configuration
   * @throws IllegalArgumentException if a key is missing or a value is invalid
   */
  public static TrainingConfig fromJson(JsonObject o) {
    Builder b = builder();
    try {
      for (Setting<?> s : Settings.ALL) {
        if (o.has(s.key()) || !Settings.ADDED_LATER.contains(s)) {
          b.read(s, o.get(s.key()));
        }
      }
    } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalArgumentException("run configuration is incomplete or malformed: " + o, e);
    }
    return b.build();
  }

  /**
   * The settings in which {@code other} differs from this run, schedule settings ({@link
   * Settings#SCHEDULE}) aside: what makes a checkpoint of one unusable for the other.
   *
   * @param other another configuration
   * @return "key this vs other" per difference, empty when compatible
   */
  public List<String> differencesFrom(TrainingConfig other) {
    JsonObject mine = toJson();
    JsonObject theirs = other.toJson();
    List<String> differences = new ArrayList<>();
    for (Setting<?> s : Settings.ALL) {
      JsonElement a = mine.get(s.key());
      JsonElement b = theirs.get(s.key());
      if (!Settings.SCHEDULE.contains(s) && !a.equals(b)) {
        differences.add(s.key() + " " + a + " vs " + b);
      }
    }
    return differences;
  }

  /**
   * The schedule settings ({@link Settings#SCHEDULE}) in which {@code other} differs from this run: what
   * a resumed run changed on purpose, for its summary.
   *
   * @param other the configuration of the resumed session
   * @return "key this -> other" per difference, empty when none
   */
  public List<String> scheduleChangesTo(TrainingConfig other) {
    JsonObject mine = toJson();
    JsonObject theirs = other.toJson();
    List<String> changes = new ArrayList<>();
    for (Setting<?> s : Settings.ALL) {
      if (Settings.SCHEDULE.contains(s) && !mine.get(s.key()).equals(theirs.get(s.key()))) {
        changes.add(s.key() + " " + mine.get(s.key()) + " -> " + theirs.get(s.key()));
      }
    }
    return changes;
  }

  /**
   * Checks that a resumed session keeps the weight decay of the updates already applied: {@code
   * --wd-after} may change λ from the checkpoint's step on, not before it.
   *
   * @param resumed the configuration of the resumed session
   * @param step the checkpoint's step
   * @throws IllegalArgumentException naming the first step whose λ would change
   */
  public void requireSameDecayBefore(TrainingConfig resumed, int step) {
    AdamWConfig a = optimizer;
    AdamWConfig b = resumed.optimizer();
    long s = a.decayChanges().firstDifference(a.weightDecay(), b.decayChanges(), b.weightDecay(), step);
    if (s >= 0) {
      throw new IllegalArgumentException("--wd-after " + b.decayChanges().text() + " changes the weight decay of step "
          + s + " (" + a.decayChanges().valueAt(s, a.weightDecay()) + " -> " + b.decayChanges().valueAt(s, b.weightDecay())
          + "), already trained: the checkpoint is at step " + step + " (wd_after " + a.decayChanges().text()
          + "); a change must be at step " + step + " or later");
    }
  }

  /** @return a builder holding SPEC §6's defaults (which are the {@code nanda} preset's) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration's values */
  public Builder toBuilder() {
    Builder b = new Builder();
    Settings.ALL.forEach(s -> b.copy(s, this));
    return b;
  }

  /**
   * Mutable assembly of a {@link TrainingConfig}: presets fill it, command-line options override
   * single values, {@link #build()} validates. Starts from each setting's default.
   */
  public static final class Builder {
    private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

    private Builder() {
      Settings.ALL.forEach(s -> values.put(s, s.defaultValue()));
    }

    /**
     * Sets one value.
     *
     * @param <T> value type
     * @param setting the setting
     * @param value its value (checked by {@link #build()})
     * @return this
     */
    public <T> Builder set(Setting<T> setting, T value) {
      values.put(setting, setting.type().cast(value));
      return this;
    }

    /**
     * The value held now.
     *
     * @param <T> value type
     * @param setting the setting
     * @return its value
     */
    public <T> T get(Setting<T> setting) {
      return setting.type().cast(values.get(setting));
    }

    private <T> void read(Setting<T> s, JsonElement e) {
      set(s, s.fromJson(e));
    }

    private <T> void copy(Setting<T> s, TrainingConfig c) {
      set(s, s.of(c));
    }

    /**
     * Validates and builds.
     *
     * @return the configuration
     * @throws IllegalArgumentException if p is not a prime ≥ 3 or any value is out of range
     */
    public TrainingConfig build() {
      int p = get(P);
      return new TrainingConfig(
          ModularTask.of(p, get(OP)),
          get(FRAC),
          get(SEED),
          ModelConfig.forModulus(p, get(LAYERS), get(D_MODEL), get(HEADS), get(D_MLP), get(LAYERNORM)),
          new AdamWConfig(get(LR), get(BETA1), get(BETA2), get(EPS), get(WEIGHT_DECAY), get(WARMUP), get(WARMUP_RULE),
              get(WD_AFTER)),
          get(STEPS),
          get(BATCH),
          get(LOG_EVERY),
          get(CHECKPOINT_EVERY),
          get(RANK_EVERY),
          get(SNAPSHOTS),
          get(ACC_THRESHOLD),
          get(WEIGHT_NOISE),
          get(SPECTRAL_ENTROPY),
          get(SPECTRAL_EDGE));
    }
  }
}
