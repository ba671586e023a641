package occam.transformer.records;

import java.util.List;
import java.util.Set;
import occam.modular.Milestones;
import occam.modular.Op;

/**
 * The table of every training setting ({@link Setting}): the one place that names each setting, gives
 * its default (SPEC §6, which is the {@code nanda} preset), its JSON key, its command-line option and
 * its rule. Settings without a rule here are checked by the record that holds them: p by {@link
 * occam.modular.ModularTask}, the architecture by {@link ModelConfig}, the optimizer by {@link
 * AdamWConfig}.
 */
public final class Settings {
  private Settings() {}

  /** The prime modulus p. */
  public static final Setting<Integer> P =
      Setting.of("p", "p", Integer.class, 113, "P", "prime modulus >= 3", c -> c.task().p());

  /** The operation. */
  public static final Setting<Op> OP =
      Setting.of("op", "op", Op.class, Op.ADD, "OP", "add, sub, mul or div", c -> c.task().op());

  /** α, the training fraction of the domain. */
  public static final Setting<Double> FRAC =
      Setting.of("frac", "frac", Double.class, 0.3, "A", "training fraction of the domain, in (0, 1]",
          TrainingConfig::frac).rule(v -> v > 0 && v <= 1, "frac must be in (0, 1]");

  /** Seed of the split and the initialization. */
  public static final Setting<Long> SEED =
      Setting.of("seed", "seed", Long.class, 0L, "S", "seed of the split and the initialization",
          TrainingConfig::seed);

  /** L, the number of decoder layers. */
  public static final Setting<Integer> LAYERS =
      Setting.of("layers", "layers", Integer.class, 1, "L", "decoder layers", c -> c.model().layers());

  /** d, the residual width. */
  public static final Setting<Integer> D_MODEL =
      Setting.of("d-model", "d_model", Integer.class, 128, "D", "residual width (divisible by --heads)",
          c -> c.model().dModel());

  /** H, the number of attention heads. */
  public static final Setting<Integer> HEADS =
      Setting.of("heads", "heads", Integer.class, 4, "H", "attention heads", c -> c.model().heads());

  /** The MLP width. */
  public static final Setting<Integer> D_MLP =
      Setting.of("d-mlp", "d_mlp", Integer.class, 512, "M", "MLP width", c -> c.model().dMlp());

  /** Pre-LayerNorm on or off. */
  public static final Setting<Boolean> LAYERNORM =
      Setting.of("layernorm", "layernorm", Boolean.class, false, "", "pre-LayerNorm on (--no-layernorm: off)",
          c -> c.model().layerNorm());

  /** AdamW's peak learning rate. */
  public static final Setting<Double> LR =
      Setting.of("lr", "lr", Double.class, 1e-3, "LR", "peak AdamW learning rate", c -> c.optimizer().lr());

  /** AdamW's β₁. */
  public static final Setting<Double> BETA1 =
      Setting.of("beta1", "beta1", Double.class, 0.9, "B1", "AdamW beta1 (default 0.9)", c -> c.optimizer().beta1());

  /** AdamW's β₂. */
  public static final Setting<Double> BETA2 =
      Setting.of("beta2", "beta2", Double.class, 0.98, "B2", "AdamW beta2 (default 0.98)",
          c -> c.optimizer().beta2());

  /** AdamW's ε. */
  public static final Setting<Double> EPS =
      Setting.of("eps", "eps", Double.class, AdamWConfig.DEFAULT_EPS, "E", "AdamW epsilon (default 1e-8)",
          c -> c.optimizer().eps());

  /** λ, the decoupled weight decay. */
  public static final Setting<Double> WEIGHT_DECAY =
      Setting.of("wd", "weight_decay", Double.class, 1.0, "WD", "decoupled weight decay",
          c -> c.optimizer().weightDecay());

  /** Steps from which the weight decay takes other values ({@link DecayChanges}). */
  public static final Setting<DecayChanges> WD_AFTER =
      Setting.of("wd-after", "wd_after", DecayChanges.class, DecayChanges.NONE, "STEP:WD",
          "change the weight decay from a step on: none (default) or STEP:VALUE[,STEP:VALUE...], e.g. 3000:0"
              + " (no decay in the updates out of step 3000 and later); may be changed on --resume for the"
              + " steps not yet trained", c -> c.optimizer().decayChanges());

  /** Linear warm-up updates. */
  public static final Setting<Integer> WARMUP =
      Setting.of("warmup", "warmup", Integer.class, 10, "W", "linear warm-up updates (default 10)",
          c -> c.optimizer().warmupSteps());

  /** Where the warm-up starts. */
  public static final Setting<WarmupRule> WARMUP_RULE =
      Setting.of("warmup-rule", "warmup_rule", WarmupRule.class, WarmupRule.LINEAR, "R",
          "warm-up rule: linear (update t at lr*min(1, t/W), default) or lambda_lr (lr*min(1, (t-1)/W), update 1"
              + " at lr 0: PyTorch LambdaLR as in Nanda et al.'s code)",
          c -> c.optimizer().warmupRule());

  /** Optimizer updates. */
  public static final Setting<Integer> STEPS =
      Setting.of("steps", "steps", Integer.class, 15_000, "T", "optimizer updates", TrainingConfig::steps)
          .rule(v -> v >= 0, "it must be >= 0");

  /** Batch size; 0 is the full training set. */
  public static final Setting<Integer> BATCH =
      Setting.of("batch", "batch", Integer.class, 0, "B", "batch size; 0 = full batch (default)",
          TrainingConfig::batchSize).rule(v -> v >= 0, "it must be >= 1, or 0 for the full training set");

  /** Interval of metrics lines. */
  public static final Setting<Integer> LOG_EVERY =
      Setting.of("log-every", "log_every", Integer.class, 100, "K", "metrics line every K steps",
          TrainingConfig::logEvery).rule(v -> v >= 1, "it must be >= 1");

  /** Interval of checkpoints; 0 writes one only at the end. */
  public static final Setting<Integer> CHECKPOINT_EVERY =
      Setting.of("checkpoint-every", "checkpoint_every", Integer.class, 1_000, "K",
          "checkpoint every K steps (0: only at the end)", TrainingConfig::checkpointEvery)
          .rule(v -> v >= 0, "it must be >= 0 (0: only at the end)");

  /** Interval of effective ranks among the log steps; 0 is every log step. */
  public static final Setting<Integer> RANK_EVERY =
      Setting.of("rank-every", "rank_every", Integer.class, 0, "K",
          "effective ranks (an SVD per matrix) every K steps at log steps; 0 = every log step",
          TrainingConfig::rankEvery).rule(v -> v >= 0, "it must be >= 0 (0: at every log step)");

  /** Steps that keep a weight snapshot for {@code occam analyze}. */
  public static final Setting<SnapshotSchedule> SNAPSHOTS =
      Setting.of("snapshots", "snapshots", SnapshotSchedule.class, SnapshotSchedule.NONE, "S",
          "float32 weight snapshots for occam analyze: none (default), log (" + SnapshotSchedule.LOG_COUNT
              + " log-spaced steps), N log-spaced steps, or a list of steps (0,500,1000); with any but none also"
              + " step 0, t_mem, t_grok and the last step; in OUT/snapshots/, at most 2 GiB per run",
          TrainingConfig::snapshots);

  /** Accuracy that counts as fitted for t_mem and t_grok. */
  public static final Setting<Double> ACC_THRESHOLD =
      Setting.of("acc-threshold", "threshold", Double.class, Milestones.DEFAULT_ACC_THRESHOLD, "X",
          "accuracy for memorization/grokking (default 0.99)", TrainingConfig::threshold)
          .rule(v -> v > 0 && v <= 1, "it must be in (0, 1]");

  /** σ of the Gaussian noise on the weights at each forward pass ({@code occam.transformer.WeightNoise}). */
  public static final Setting<Double> WEIGHT_NOISE =
      Setting.of("weight-noise", "weight_noise", Double.class, 0.0, "SIGMA",
          "train with noisy weights: N(0, SIGMA^2) added to every parameter at each forward pass, the gradient"
              + " at the noisy point applied to the clean weights (default 0: off)", TrainingConfig::weightNoise)
          .rule(v -> v >= 0 && !v.isInfinite(), "it must be finite and >= 0");

  /** α of the spectral-entropy penalty α·Σ_l H(σ̂_l) ({@code occam.transformer.SpectralEntropy}). */
  public static final Setting<Double> SPECTRAL_ENTROPY =
      Setting.of("spectral-entropy", "spectral_entropy", Double.class, 0.0, "ALPHA",
          "add ALPHA * sum over weight matrices of the entropy of their normalized singular values to the loss"
              + " (default 0: off)", TrainingConfig::spectralEntropy)
          .rule(v -> v >= 0 && !v.isInfinite(), "it must be finite and >= 0");

  /** Window of the spectral edge ({@code occam.transformer.SpectralEdge}); 0 is off. */
  public static final Setting<Integer> SPECTRAL_EDGE =
      Setting.of("spectral-edge", "spectral_edge", Integer.class, 0, "K",
          "log at log steps the top singular direction of the last K weight updates and its |cos| with the loss"
              + " gradient and with -theta (default 0: off; K >= 2)", TrainingConfig::spectralEdge)
          .rule(v -> v == 0 || v >= 2, "it must be 0 (off) or >= 2");

  /** Every setting, in the order of the JSON form and the help. */
  public static final List<Setting<?>> ALL = List.of(P, OP, FRAC, SEED, LAYERS, D_MODEL, HEADS, D_MLP, LAYERNORM,
      LR, BETA1, BETA2, EPS, WEIGHT_DECAY, WD_AFTER, WARMUP, WARMUP_RULE, STEPS, BATCH, LOG_EVERY, CHECKPOINT_EVERY,
      RANK_EVERY, SNAPSHOTS, ACC_THRESHOLD, WEIGHT_NOISE, SPECTRAL_ENTROPY, SPECTRAL_EDGE);

  /**
   * The settings that only schedule a run (how long, how often to log and save): a checkpoint may be
   * resumed with other values for these, but not for any other setting. {@link #WD_AFTER} is among them
   * as a deliberate change of the steps not yet trained ({@code Checkpoint} refuses a change of the past).
   */
  public static final Set<Setting<?>> SCHEDULE =
      Set.of(STEPS, LOG_EVERY, CHECKPOINT_EVERY, RANK_EVERY, SNAPSHOTS, WD_AFTER, SPECTRAL_EDGE);

  /** Settings that older run files lack: reading such a file gives them their default. */
  public static final Set<Setting<?>> ADDED_LATER =
      Set.of(RANK_EVERY, SNAPSHOTS, WARMUP_RULE, WD_AFTER, WEIGHT_NOISE, SPECTRAL_ENTROPY, SPECTRAL_EDGE);
}
