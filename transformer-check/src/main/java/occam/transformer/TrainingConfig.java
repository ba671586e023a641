package occam.transformer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.modular.TrainSplit;

/**
 * Everything that defines one training run: the task and its split (SPEC §1), the architecture, the
 * optimizer and the schedule of steps, logs and checkpoints.
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
 * @param threshold accuracy that counts as "fitted" for the memorization and grokking steps, in (0, 1]
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
    double threshold) {

  /** SPEC §6's accuracy threshold for memorization and grokking. */
  public static final double DEFAULT_THRESHOLD = 0.99;

  /**
   * Validates the run.
   *
   * @throws IllegalArgumentException for a value outside the ranges above, or a model whose number
   *     of classes or vocabulary does not match p
   */
  public TrainingConfig {
    if (task == null || model == null || optimizer == null) {
      throw new IllegalArgumentException("task, model and optimizer must be given");
    }
    if (!(frac > 0 && frac <= 1)) {
      throw new IllegalArgumentException("frac = " + frac + " is not allowed: frac must be in (0, 1]");
    }
    if (model.classes() != task.p() || model.vocab() != task.p() + 1) {
      throw new IllegalArgumentException(
          "model has " + model.classes() + " classes and " + model.vocab()
              + " tokens; p = " + task.p() + " needs p classes and p + 1 tokens");
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps = " + steps + " is not allowed: it must be >= 0");
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException(
          "batch = " + batchSize + " is not allowed: it must be >= 1, or 0 for the full training set");
    }
    if (logEvery < 1) {
      throw new IllegalArgumentException("log-every = " + logEvery + " is not allowed: it must be >= 1");
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "checkpoint-every = " + checkpointEvery + " is not allowed: it must be >= 0 (0: only at the end)");
    }
    if (rankEvery < 0) {
      throw new IllegalArgumentException(
          "rank-every = " + rankEvery + " is not allowed: it must be >= 0 (0: at every log step)");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "threshold = " + threshold + " is not allowed: it must be in (0, 1]");
    }
  }

  /**
   * Keys of {@link #toJson()} that only schedule a run (how long, how often to log and save): a
   * checkpoint may be resumed with other values for these, but not for any other key.
   */
  public static final Set<String> SCHEDULE_KEYS =
      Set.of("steps", "log_every", "checkpoint_every", "rank_every");

  /** @return the seeded split of SPEC §1 that this run trains on */
  public TrainSplit split() {
    return TrainSplit.of(task, frac, seed);
  }

  /**
   * The configuration as flat JSON with snake_case keys (as in {@code summary.json} and checkpoints):
   * p, op, frac, seed, layers, d_model, heads, d_mlp, layernorm, lr, beta1, beta2, eps,
   * weight_decay, warmup, steps, batch, log_every, checkpoint_every, rank_every, threshold.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("p", task.p());
    o.addProperty("op", task.op().cliName());
    o.addProperty("frac", frac);
    o.addProperty("seed", seed);
    o.addProperty("layers", model.layers());
    o.addProperty("d_model", model.dModel());
    o.addProperty("heads", model.heads());
    o.addProperty("d_mlp", model.dMlp());
    o.addProperty("layernorm", model.layerNorm());
    o.addProperty("lr", optimizer.lr());
    o.addProperty("beta1", optimizer.beta1());
    o.addProperty("beta2", optimizer.beta2());
    o.addProperty("eps", optimizer.eps());
    o.addProperty("weight_decay", optimizer.weightDecay());
    o.addProperty("warmup", optimizer.warmupSteps());
    o.addProperty("steps", steps);
    o.addProperty("batch", batchSize);
    o.addProperty("log_every", logEvery);
    o.addProperty("checkpoint_every", checkpointEvery);
    o.addProperty("rank_every", rankEvery);
    o.addProperty("threshold", threshold);
    return o;
  }

  /**
   * Reads {@link #toJson()}'s form.
   *
   * @param o the JSON object
   * @return the configuration
   * @throws IllegalArgumentException if a key is missing or a value is invalid
   */
  public static TrainingConfig fromJson(JsonObject o) {
    try {
      return builder()
          .p(o.get("p").getAsInt())
          .op(Op.parse(o.get("op").getAsString()))
          .frac(o.get("frac").getAsDouble())
          .seed(o.get("seed").getAsLong())
          .layers(o.get("layers").getAsInt())
          .dModel(o.get("d_model").getAsInt())
          .heads(o.get("heads").getAsInt())
          .dMlp(o.get("d_mlp").getAsInt())
          .layerNorm(o.get("layernorm").getAsBoolean())
          .lr(o.get("lr").getAsDouble())
          .beta1(o.get("beta1").getAsDouble())
          .beta2(o.get("beta2").getAsDouble())
          .eps(o.get("eps").getAsDouble())
          .weightDecay(o.get("weight_decay").getAsDouble())
          .warmup(o.get("warmup").getAsInt())
          .steps(o.get("steps").getAsInt())
          .batchSize(o.get("batch").getAsInt())
          .logEvery(o.get("log_every").getAsInt())
          .checkpointEvery(o.get("checkpoint_every").getAsInt())
          .rankEvery(o.has("rank_every") ? o.get("rank_every").getAsInt() : 0)
          .threshold(o.get("threshold").getAsDouble())
          .build();
    } catch (NullPointerException | UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalArgumentException("run configuration is incomplete or malformed: " + o, e);
    }
  }

  /**
   * The settings in which {@code other} differs from this run, schedule keys ({@link
   * #SCHEDULE_KEYS}) aside: what makes a checkpoint of one unusable for the other.
   *
   * @param other another configuration
   * @return "key this vs other" per difference, empty when compatible
   */
  public List<String> differencesFrom(TrainingConfig other) {
    JsonObject mine = toJson();
    JsonObject theirs = other.toJson();
    List<String> differences = new ArrayList<>();
    for (String key : mine.keySet()) {
      JsonElement a = mine.get(key);
      JsonElement b = theirs.get(key);
      if (!SCHEDULE_KEYS.contains(key) && !a.equals(b)) {
        differences.add(key + " " + a + " vs " + b);
      }
    }
    return differences;
  }

  /** @return a builder holding SPEC §6's defaults (which are the {@code nanda} preset's) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration's values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.p = task.p();
    b.op = task.op();
    b.frac = frac;
    b.seed = seed;
    b.layers = model.layers();
    b.dModel = model.dModel();
    b.heads = model.heads();
    b.dMlp = model.dMlp();
    b.layerNorm = model.layerNorm();
    b.lr = optimizer.lr();
    b.beta1 = optimizer.beta1();
    b.beta2 = optimizer.beta2();
    b.eps = optimizer.eps();
    b.weightDecay = optimizer.weightDecay();
    b.warmup = optimizer.warmupSteps();
    b.steps = steps;
    b.batchSize = batchSize;
    b.logEvery = logEvery;
    b.checkpointEvery = checkpointEvery;
    b.rankEvery = rankEvery;
    b.threshold = threshold;
    return b;
  }

  /**
   * Mutable assembly of a {@link TrainingConfig}: presets fill it, command-line options override
   * single values, {@link #build()} validates. Defaults are SPEC §6's.
   */
  public static final class Builder {
    private int p = 113;
    private Op op = Op.ADD;
    private double frac = 0.3;
    private long seed = 0;
    private int layers = 1;
    private int dModel = 128;
    private int heads = 4;
    private int dMlp = 512;
    private boolean layerNorm = false;
    private double lr = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.98;
    private double eps = AdamWConfig.DEFAULT_EPS;
    private double weightDecay = 1.0;
    private int warmup = 10;
    private int steps = 15_000;
    private int batchSize = 0;
    private int logEvery = 100;
    private int checkpointEvery = 1_000;
    private int rankEvery = 0;
    private double threshold = DEFAULT_THRESHOLD;

    private Builder() {}

    /** @param v prime modulus @return this */
    public Builder p(int v) {
      p = v;
      return this;
    }

    /** @param v operation @return this */
    public Builder op(Op v) {
      op = v;
      return this;
    }

    /** @param v training fraction α @return this */
    public Builder frac(double v) {
      frac = v;
      return this;
    }

    /** @param v split and initialization seed @return this */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** @param v number of layers L @return this */
    public Builder layers(int v) {
      layers = v;
      return this;
    }

    /** @param v d_model @return this */
    public Builder dModel(int v) {
      dModel = v;
      return this;
    }

    /** @param v number of heads @return this */
    public Builder heads(int v) {
      heads = v;
      return this;
    }

    /** @param v MLP width @return this */
    public Builder dMlp(int v) {
      dMlp = v;
      return this;
    }

    /** @param v pre-LayerNorm on or off @return this */
    public Builder layerNorm(boolean v) {
      layerNorm = v;
      return this;
    }

    /** @param v peak learning rate @return this */
    public Builder lr(double v) {
      lr = v;
      return this;
    }

    /** @param v AdamW β₁ @return this */
    public Builder beta1(double v) {
      beta1 = v;
      return this;
    }

    /** @param v AdamW β₂ @return this */
    public Builder beta2(double v) {
      beta2 = v;
      return this;
    }

    /** @param v AdamW ε @return this */
    public Builder eps(double v) {
      eps = v;
      return this;
    }

    /** @param v decoupled weight decay λ @return this */
    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    /** @param v warm-up updates @return this */
    public Builder warmup(int v) {
      warmup = v;
      return this;
    }

    /** @param v optimizer updates @return this */
    public Builder steps(int v) {
      steps = v;
      return this;
    }

    /** @param v batch size, 0 for full batch @return this */
    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    /** @param v log interval @return this */
    public Builder logEvery(int v) {
      logEvery = v;
      return this;
    }

    /** @param v checkpoint interval, 0 for only at the end @return this */
    public Builder checkpointEvery(int v) {
      checkpointEvery = v;
      return this;
    }

    /** @param v effective-rank interval, 0 for every log step @return this */
    public Builder rankEvery(int v) {
      rankEvery = v;
      return this;
    }

    /** @param v accuracy threshold @return this */
    public Builder threshold(double v) {
      threshold = v;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the configuration
     * @throws IllegalArgumentException if p is not a prime ≥ 3 or any value is out of range
     */
    public TrainingConfig build() {
      ModularTask task = ModularTask.of(p, op);
      return new TrainingConfig(
          task,
          frac,
          seed,
          ModelConfig.forModulus(p, layers, dModel, heads, dMlp, layerNorm),
          new AdamWConfig(lr, beta1, beta2, eps, weightDecay, warmup),
          steps,
          batchSize,
          logEvery,
          checkpointEvery,
          rankEvery,
          threshold);
    }
  }
}
