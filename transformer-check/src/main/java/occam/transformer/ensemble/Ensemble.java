package occam.transformer.ensemble;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import occam.modular.TrainSplit;
import occam.transformer.records.AdamWConfig;
import occam.transformer.Checkpoint;
import occam.transformer.CrossEntropy;
import occam.transformer.Djl;
import occam.transformer.NamedTensor;
import occam.transformer.records.TrainingConfig;

/**
 * K training runs that share p, op and architecture, stepped as one batched graph: {@link
 * StackedParameters}, {@link EnsembleTransformer}, {@link EnsembleAdamW} and {@link MemberSets}.
 *
 * <p>One step of the single-model loop, for all members: {@link #gradientPass()} forwards every
 * member's full training set and backpropagates the sum over members of Σ z ⊙ G_k, where G_k =
 * (softmax(z) − y)·w_k / N_k is member k's float64 loss gradient at its logits rounded to float32
 * (as {@code CrossEntropy.gradient}); since member k's logits depend on its parameters only, each
 * member receives exactly its own gradient. {@link #trainScores} and {@link #testScores} score θ_s
 * per member; {@link #update()} applies AdamW update s + 1 to the active members. Full-batch only.
 */
public final class Ensemble implements AutoCloseable {
  private final NDManager manager;
  private final Engine engine;
  private final EnsembleTransformer transformer;
  private final SetLayout layout;
  private List<TrainingConfig> members;
  private StackedParameters params;
  private EnsembleAdamW adam;
  private MemberSets sets;
  private StepTimes lastTimes = StepTimes.ZERO;

  private Ensemble(List<TrainingConfig> members, SetLayout layout, NDManager parent) {
    this.manager = parent.newSubManager();
    this.engine = Djl.engine();
    this.transformer = new EnsembleTransformer(members.get(0).model());
    this.layout = layout;
    build(members, StackedParameters.initial(members.get(0).model(), seeds(members), manager));
  }

  private void build(List<TrainingConfig> configs, StackedParameters parameters) {
    this.members = List.copyOf(configs);
    this.params = parameters;
    List<AdamWConfig> optimizers = new ArrayList<>();
    List<TrainSplit> splits = new ArrayList<>();
    for (TrainingConfig c : configs) {
      optimizers.add(c.optimizer());
      splits.add(c.split());
    }
    this.adam = new EnsembleAdamW(optimizers, parameters, manager);
    this.sets = MemberSets.of(splits, layout, manager);
  }

  /**
   * Creates an ensemble, each member initialized as a single model with its seed.
   *
   * @param members the runs; they may differ in seed, frac, lr, weight decay and betas only
   * @param layout how the members' training sets are laid out
   * @param parent manager under which everything lives (on the engine's device)
   * @return the ensemble at step 0
   * @throws IllegalArgumentException if there are no members, or they differ in task, architecture,
   *     ε, warm-up or batch, or a member trains on mini-batches or uses LayerNorm (not supported yet)
   */
  public static Ensemble of(List<TrainingConfig> members, SetLayout layout, NDManager parent) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    for (TrainingConfig c : members) {
      requireCompatible(members.get(0), c);
    }
    return new Ensemble(members, layout, parent);
  }

  /**
   * Checks that two runs can be members of one ensemble.
   *
   * @param first one run
   * @param c another run
   * @throws IllegalArgumentException if they differ in task, architecture or ε, or c trains on
   *     mini-batches (not supported yet)
   */
  public static void requireCompatible(TrainingConfig first, TrainingConfig c) {
    if (!c.task().equals(first.task()) || !c.model().equals(first.model())) {
      throw new IllegalArgumentException("ensemble members must share p, op and architecture: "
          + first.task() + " " + first.model() + " vs " + c.task() + " " + c.model());
    }
    if (c.optimizer().eps() != first.optimizer().eps()) {
      throw new IllegalArgumentException("ensemble members must share eps: " + first.optimizer().eps()
          + " vs " + c.optimizer().eps());
    }
    if (c.weightNoise() > 0 || c.spectralEntropy() > 0 || c.spectralEdge() > 0) {
      throw new IllegalArgumentException("ensembles do not support --weight-noise, --spectral-entropy or"
          + " --spectral-edge yet: train these runs one at a time");
    }
    if (c.batchSize() != 0) {
      throw new IllegalArgumentException("ensembles train on the full training set: batch = " + c.batchSize()
          + " is not supported yet");
    }
  }

  /**
   * Replaces the state of the members that have a checkpoint (weights, AdamW moments and update
   * count); the others keep theirs.
   *
   * @param checkpoints one entry per member, null for a member that starts fresh
   * @throws IllegalArgumentException if the list is not one entry per member or a tensor does not fit
   */
  public void restore(List<Checkpoint> checkpoints) {
    if (checkpoints.size() != members.size()) {
      throw new IllegalArgumentException(checkpoints.size() + " checkpoints for " + members.size() + " members");
    }
    List<Map<String, float[]>> w = new ArrayList<>();
    List<Map<String, float[]>> m = new ArrayList<>();
    List<Map<String, float[]>> v = new ArrayList<>();
    long[] t = adam.updates();
    for (int k = 0; k < members.size(); k++) {
      Checkpoint c = checkpoints.get(k);
      w.add(c == null ? params.member(k) : Checkpoint.byName(c.parameters()));
      m.add(c == null ? adam.firstMoments(k) : Checkpoint.byName(c.firstMoments()));
      v.add(c == null ? adam.secondMoments(k) : Checkpoint.byName(c.secondMoments()));
      t[k] = c == null ? t[k] : c.updates();
    }
    StackedParameters restored = StackedParameters.of(params.model(), w, manager);
    EnsembleAdamW optimizer = new EnsembleAdamW(adam.configs(), restored, manager);
    optimizer.restore(t, m, v);
    adam.close();
    params.close();
    params = restored;
    adam = optimizer;
  }

  private static long[] seeds(List<TrainingConfig> members) {
    long[] seeds = new long[members.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = members.get(i).seed();
    }
    return seeds;
  }

  /** @return the members' configurations, in member order */
  public List<TrainingConfig> members() {
    return members;
  }

  /** @return the stacked parameters */
  public StackedParameters parameters() {
    return params;
  }

  /** @return the optimizer */
  public EnsembleAdamW optimizer() {
    return adam;
  }

  /** @return the members' training and test cells */
  public MemberSets sets() {
    return sets;
  }

  /** @return the times of the last {@link #gradientPass()} and {@link #update()} */
  public StepTimes lastTimes() {
    return lastTimes;
  }

  /**
   * Forward and backward of every member on its training set; the gradients land on the stacked
   * parameters.
   *
   * @return the training logits of θ_s, (K, N, p), detached
   */
  public NDArray gradientPass() {
    MemberSets.Cells train = sets.train();
    long t0 = System.nanoTime();
    NDArray logits;
    long t1;
    try (GradientCollector collector = engine.newGradientCollector()) {
      logits = transformer.logits(params, train.tokens());
      NDArray surrogate = logits.mul(lossGradient(logits, train)).sum();
      t1 = System.nanoTime();
      collector.backward(surrogate);
    }
    long t2 = System.nanoTime();
    lastTimes = new StepTimes((t1 - t0) / 1e9, (t2 - t1) / 1e9, 0);
    return logits.stopGradient();
  }

  /**
   * G_k = (softmax(z) − y)·w_k / N_k in float64, rounded to float32 (zero on rows that are not member k's).
   *
   * @param logits (K, N, p)
   * @param cells the rows the logits were computed on
   * @return (K, N, p) float32, detached
   */
  static NDArray lossGradient(NDArray logits, MemberSets.Cells cells) {
    long k = logits.getShape().get(0);
    return CrossEntropy.residual(logits, cells.oneHot()).div(cells.counts().reshape(k, 1, 1))
        .mul(cells.weight().expandDims(-1)).toType(DataType.FLOAT32, false);
  }

  /**
   * Logits without gradients.
   *
   * @param tokens (K, N, 3) or (1, N, 3) token ids
   * @return (K, N, p)
   */
  public NDArray logits(NDArray tokens) {
    return transformer.logits(params, tokens);
  }

  /**
   * Per-member loss and accuracy of θ_s on the training cells.
   *
   * @param trainLogits logits of {@link #gradientPass()} or of {@code logits(sets().train().tokens())}
   * @return the scores
   */
  public MemberScores trainScores(NDArray trainLogits) {
    return score(trainLogits, sets.train());
  }

  /**
   * Per-member loss and accuracy of θ_s on the held-out cells: from the training logits when the
   * layout is {@link SetLayout#MASK}, from a forward pass otherwise.
   *
   * @param trainLogits the training logits of the same step
   * @return the scores (NaN for a member without held-out cells)
   */
  public MemberScores testScores(NDArray trainLogits) {
    NDArray logits = sets.testInTrainingPass() ? trainLogits : logits(sets.test().tokens());
    return score(logits, sets.test());
  }

  /**
   * Per-member mean cross-entropy (float64) and accuracy over the weighted rows.
   *
   * @param logits (K, N, p)
   * @param cells rows and weights
   * @return the scores
   */
  static MemberScores score(NDArray logits, MemberSets.Cells cells) {
    NDArray rowLoss = CrossEntropy.logLikelihood(logits, cells.oneHot());
    NDArray loss = rowLoss.mul(cells.weight()).sum(new int[] {1}).div(cells.counts()).neg();
    NDArray hits = logits.argMax(-1).eq(cells.labels()).toType(DataType.FLOAT64, false);
    NDArray accuracy = hits.mul(cells.weight()).sum(new int[] {1}).div(cells.counts());
    return new MemberScores(loss.toDoubleArray(), accuracy.toDoubleArray());
  }

  /** Applies AdamW update s + 1 to every active member and zeroes the gradients. */
  public void update() {
    long t0 = System.nanoTime();
    adam.step();
    lastTimes = new StepTimes(lastTimes.forward(), lastTimes.backward(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Stops updating member k (finished or diverged); the others go on unchanged.
   *
   * @param k member index
   */
  public void freeze(int k) {
    adam.freeze(k);
  }

  /**
   * Keeps only the given members (drops the others from the stacked tensors), carrying over their
   * parameters, optimizer state and frozen flags; indices are renumbered 0..keep.length−1. Call it
   * between {@link #update()} and the next {@link #gradientPass()}: gradients are not carried over.
   *
   * @param keep member indices to keep, in their new order
   * @throws IllegalArgumentException if keep is empty or an index is out of range
   */
  public void retain(int[] keep) {
    if (keep.length == 0) {
      throw new IllegalArgumentException("an ensemble needs at least one member: close it instead");
    }
    List<TrainingConfig> kept = new ArrayList<>();
    for (int k : keep) {
      if (k < 0 || k >= members.size()) {
        throw new IllegalArgumentException("member " + k + " is not in 0.." + (members.size() - 1));
      }
      kept.add(members.get(k));
    }
    StackedParameters retainedParams = params.retain(keep, manager);
    EnsembleAdamW retainedAdam = adam.retain(keep, retainedParams, manager);
    adam.close();
    params.close();
    sets.close();
    this.members = List.copyOf(kept);
    this.params = retainedParams;
    this.adam = retainedAdam;
    List<TrainSplit> splits = new ArrayList<>();
    kept.forEach(c -> splits.add(c.split()));
    this.sets = MemberSets.of(splits, layout, manager);
  }

  /** @return member k's parameters, copied to Java */
  public Map<String, float[]> parameters(int k) {
    return params.member(k);
  }

  /**
   * Member k's parameters as the single model's named tensors (what measurements and checkpoints take).
   *
   * @param k member index
   * @return the tensors, in {@code DecoderTransformer.namedParameters()} order
   */
  public List<NamedTensor> tensors(int k) {
    Map<String, float[]> values = params.member(k);
    List<NamedTensor> out = new ArrayList<>();
    params.shapes().forEach((name, shape) -> {
      int[] dims = new int[shape.dimension()];
      for (int d = 0; d < dims.length; d++) {
        dims[d] = Math.toIntExact(shape.get(d));
      }
      out.add(new NamedTensor(name, dims, values.get(name)));
    });
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
