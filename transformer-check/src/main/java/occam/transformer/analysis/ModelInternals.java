package occam.transformer.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import occam.transformer.Checkpoint;
import occam.transformer.DecoderTransformer;
import occam.transformer.Djl;
import occam.transformer.Hook;
import occam.transformer.ModularSequences;
import occam.transformer.NamedTensor;
import occam.transformer.Snapshot;
import occam.transformer.records.ModelConfig;
import occam.transformer.records.TrainingConfig;

/**
 * A trained model's forward pass opened for the measurements that intervene in it: causal mediation
 * per head ({@link CausalMediation}), skip-ablation of layer ranges ({@link SkipAblation}) and Nanda
 * et al.'s progress measures ({@link ProgressMeasures}). The weights are loaded into a {@link
 * DecoderTransformer}; every measure runs through its one intervention mechanism, {@link Hook}.
 *
 * <p>Forward passes run over chunks of domain cells, each chunk in a scratch manager closed after it,
 * so the activations held at once stay under {@link #CHUNK_BYTES} whatever the depth. Not thread-safe.
 */
public final class ModelInternals implements AutoCloseable {
  /** Activation memory one chunk of cells may hold, in bytes (about; see {@link #chunkCells}). */
  static final long CHUNK_BYTES = 256L << 20;

  private final TrainingConfig config;
  private final ModularSequences data;
  private final NDManager manager;
  private final DecoderTransformer model;
  private final ParameterStore store;
  private final Map<String, NamedTensor> weights = new HashMap<>();

  /**
   * Loads a model.
   *
   * @param config the run that trained it (task, split and architecture)
   * @param parameters its weights under the names of {@link DecoderTransformer#namedParameters()}
   * @throws IllegalArgumentException if a weight is missing, unknown or of another shape
   */
  public ModelInternals(TrainingConfig config, List<NamedTensor> parameters) {
    this.config = config;
    this.data = ModularSequences.of(config.split());
    this.manager = Djl.engine().newBaseManager();
    try {
      this.model = DecoderTransformer.create(config.model(), config.seed(), manager);
      model.load(parameters);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    this.store = new ParameterStore(manager, false);
    parameters.forEach(t -> weights.put(t.name(), t));
  }

  /**
   * Loads the weights of a checkpoint.
   *
   * @param checkpoint e.g. {@link Checkpoint#read} of a run's {@code checkpoint/state.ckpt}
   * @return the model
   */
  public static ModelInternals of(Checkpoint checkpoint) {
    return new ModelInternals(checkpoint.config(), checkpoint.parameters());
  }

  /**
   * Loads a snapshot's weights, measures them and frees the model.
   *
   * @param snapshot the weights and their run
   * @param measurement what to compute on the model
   * @param <T> its result
   * @return the result
   */
  public static <T> T with(Snapshot snapshot, java.util.function.Function<ModelInternals, T> measurement) {
    try (ModelInternals model = new ModelInternals(snapshot.config(), snapshot.parameters())) {
      return measurement.apply(model);
    }
  }

  /** @return the run */
  public TrainingConfig config() {
    return config;
  }

  /** @return the task's token sequences and split */
  ModularSequences data() {
    return data;
  }

  /**
   * Causal mediation scores of every head, patching at every position.
   *
   * @param pairs number of (s₁, s₂) pairs, ≥ 1
   * @param seed seed of the pair sample
   * @return the scores
   * @see CausalMediation#measure
   */
  public CausalMediation cma(int pairs, long seed) {
    return cma(pairs, seed, PatchSite.EVERY_POSITION);
  }

  /**
   * Causal mediation scores of every head.
   *
   * @param pairs number of (s₁, s₂) pairs, ≥ 1
   * @param seed seed of the pair sample
   * @param site where a head's output is patched
   * @return the scores
   * @see CausalMediation#measure
   */
  public CausalMediation cma(int pairs, long seed, PatchSite site) {
    return CausalMediation.measure(this, pairs, seed, site);
  }

  /**
   * Skip-ablation of every contiguous layer range up to a length, with the default tolerance.
   *
   * @param maxLength longest range, 1..L
   * @return accuracies per range
   * @see SkipAblation#measure
   */
  public SkipAblation skipAblation(int maxLength) {
    return skipAblation(maxLength, SkipAblation.DEFAULT_TOLERANCE);
  }

  /**
   * Skip-ablation of every contiguous layer range up to a length.
   *
   * @param maxLength longest range, 1..L
   * @param tolerance largest accuracy drop that still counts as bypassable, in [0, 1]
   * @return accuracies per range
   * @see SkipAblation#measure
   */
  public SkipAblation skipAblation(int maxLength, double tolerance) {
    return SkipAblation.measure(this, maxLength, tolerance);
  }

  /**
   * Nanda et al.'s progress measures, with the key frequencies of this model's own neurons.
   *
   * @return the measures
   * @see ProgressMeasures#measure
   */
  public ProgressMeasures progressMeasures() {
    return ProgressMeasures.measure(this, null);
  }

  /**
   * Nanda et al.'s progress measures for given key frequencies (Nanda et al. fix them from the final
   * model and track every checkpoint with them).
   *
   * @param keyFrequencies frequencies in 1..⌊m/2⌋
   * @return the measures
   * @throws IllegalArgumentException if a frequency is outside 1..⌊m/2⌋ or repeated
   * @see ProgressMeasures#measure
   */
  public ProgressMeasures progressMeasures(int[] keyFrequencies) {
    return ProgressMeasures.measure(this, keyFrequencies.clone());
  }

  /**
   * A weight as loaded.
   *
   * @param name canonical name, e.g. {@code embed.W_E}
   * @return the tensor
   */
  NamedTensor tensor(String name) {
    return weights.get(name);
  }

  /** @return a manager for one chunk's arrays; close it after the chunk */
  NDManager scratch() {
    return manager.newSubManager();
  }

  /**
   * Token sequences of cells.
   *
   * @param scratch owner
   * @param cells domain cells
   * @return (cells, T) token ids
   */
  NDArray tokens(NDManager scratch, int[] cells) {
    return scratch.create(data.tokens(cells), new Shape(cells.length, ModelConfig.TASK_CONTEXT));
  }

  /**
   * The last-position logits of a forward pass under a hook.
   *
   * @param tokens (B, T) from {@link #tokens}
   * @param hook the intervention
   * @return B×p row-major
   */
  float[] logits(NDArray tokens, Hook hook) {
    return model.logits(store, tokens, hook).toFloatArray();
  }

  /**
   * Cells per forward pass: {@link #CHUNK_BYTES} over a bound on the float32 activations one cell
   * leaves per layer, T·(8d + 2·d_mlp + 2·H·T) (stream, norms, Q, K, V, z, attention and MLP outputs,
   * hidden layer, scores).
   *
   * @return at least 1, at most the domain size
   */
  int chunkCells() {
    ModelConfig m = config.model();
    long t = ModelConfig.TASK_CONTEXT;
    long perCell = 4L * m.layers() * t * (8L * m.dModel() + 2L * m.dMlp() + 2L * m.heads() * t);
    return (int) Math.max(1, Math.min(config.task().domainSize(), CHUNK_BYTES / perCell));
  }

  /** Frees the model. */
  @Override
  public void close() {
    manager.close();
  }
}
