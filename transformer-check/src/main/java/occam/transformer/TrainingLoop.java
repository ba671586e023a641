package occam.transformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import occam.modular.Milestones;
import occam.transformer.records.EdgeAlignment;
import occam.transformer.records.ModelConfig;
import occam.transformer.records.TrainingConfig;

/**
 * The training loop of a {@link TrainingRun}: full-batch or seeded mini-batch AdamW on the mean
 * cross-entropy at the last position, t_mem and t_grok ({@link Milestones}), the measurements it is
 * given, and checkpoints.
 *
 * <p>Step s denotes θ_s after s updates. Each turn scores θ_s, then (unless s is final) applies update
 * s + 1:
 *
 * <ol>
 *   <li>forward the training set and take the gradient of the mean cross-entropy over the p classes
 *       at the last position, loss and gradient in float64 ({@link CrossEntropy}); full batch, or with a
 *       batch size a {@link BatchSampler} batch, so resumed runs draw the same batches;
 *   <li>train loss and accuracy of θ_s come from that forward pass (from a separate no-gradient pass
 *       over the whole training set when batching), so t_mem is exact;
 *   <li>the test set is evaluated at the steps where a measurement is due and, until t_grok is found,
 *       at every step whose train accuracy has reached the threshold, so t_grok is exact too;
 *   <li>the measurements due are given a {@link ModelState} and their results go to their sinks;
 *   <li>AdamW update; a checkpoint every {@code checkpointEvery} updates and at the end.
 * </ol>
 *
 * A non-finite training loss makes that step final (no checkpoint of the non-finite weights).
 */
final class TrainingLoop {
  /** A measurement and where its results go. */
  record Probe<R>(Measurement<R> measurement, Consumer<? super R> sink) {
    void deliver(ModelState state) {
      sink.accept(measurement.measure(state));
    }
  }

  /**
   * How the loop ended: the final step, whether it diverged, and whether a shutdown stopped it early
   * (its checkpoint saved at that step).
   */
  record End(int step, boolean diverged, double seconds, boolean interrupted) {}

  private final TrainingConfig config;
  private final ModularSequences data;
  private final DecoderTransformer model;
  private final AdamW adam;
  private final NDManager manager;
  private final Engine engine;
  private final Map<String, Parameter> params;
  private final ParameterStore store;
  private final Examples train;
  private final Examples test;
  private final Milestones milestones;
  private final WeightNoise noise;
  private final SpectralEdge edge;
  private int step;
  private double elapsedBefore;
  private Scores lastTest = Scores.NONE;

  TrainingLoop(TrainingConfig config, ModularSequences data, DecoderTransformer model, AdamW adam,
      NDManager manager, Engine engine) {
    this.config = config;
    this.data = data;
    this.model = model;
    this.adam = adam;
    this.manager = manager;
    this.engine = engine;
    this.params = model.namedParameters();
    this.store = new ParameterStore(manager, false);
    this.train = Examples.of(manager, data, data.trainCells());
    this.test = Examples.of(manager, data, data.testCells());
    this.milestones = new Milestones(config.threshold());
    this.noise = new WeightNoise(config.seed(), config.weightNoise());
    this.edge = config.spectralEdge() > 0 ? new SpectralEdge(config.spectralEdge()) : null;
  }

  /** @return n, the training set size */
  int trainSize() {
    return train.size();
  }

  /** @return N − n, the held-out set size */
  int testSize() {
    return test.size();
  }

  /** @return the step reached */
  int step() {
    return step;
  }

  /** @return t_mem and t_grok so far */
  Milestones milestones() {
    return milestones;
  }

  /**
   * Continues from a checkpoint: weights, AdamW state, step, t_mem/t_grok and elapsed time.
   *
   * @param c a checkpoint of this configuration
   * @throws IllegalArgumentException if a tensor does not fit the model
   */
  void restore(Checkpoint c) {
    model.load(c.parameters());
    adam.restore(c.updates(), Checkpoint.byName(c.firstMoments()), Checkpoint.byName(c.secondMoments()));
    step = c.step();
    c.replay(milestones);
    elapsedBefore = Double.isFinite(c.elapsedSeconds()) ? c.elapsedSeconds() : 0;
  }

  /**
   * Trains to {@code config.steps()} or divergence.
   *
   * @param probes the measurements and their sinks
   * @param listener the observer
   * @param device the device's name, for the listener
   * @param checkpointFile where checkpoints go, or null for none
   * @param stop checked at every step boundary: when requested, the loop saves a checkpoint of the step
   *     reached and returns an interrupted {@link End}
   * @return how it ended
   * @throws IOException if a checkpoint cannot be written
   */
  End run(List<Probe<?>> probes, TrainingListener listener, String device, Path checkpointFile, Interruption stop)
      throws IOException {
    int startStep = step;
    long t0 = System.nanoTime();
    listener.onStart(config, startStep, device);
    boolean diverged;
    while (true) {
      boolean last = step >= config.steps();
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        if (edge != null) {
          edge.observe(flat(false));
        }
        NDArray trainLogits = last || batching() || noise.isOn() ? forward(train.tokenArray(), false) : null;
        if (!last || edge != null) { // the edge needs the gradient at the final step too
          NDArray batchLogits = gradientPass();
          if (trainLogits == null) {
            trainLogits = batchLogits;
          }
        }
        Scores trainScores = train.score(trainLogits);
        diverged = !Double.isFinite(trainScores.loss());
        boolean isFinal = last || diverged;
        boolean onSchedule = probes.stream().anyMatch(p -> p.measurement().schedule().isDue(step, isFinal));
        boolean seekingGrok = milestones.reached(trainScores.accuracy()) && milestones.tGen().isEmpty();
        NDArray testLogits = null;
        double testAcc = Double.NaN;
        if (test.size() > 0 && (onSchedule || seekingGrok)) {
          testLogits = forward(test.tokenArray(), false);
          lastTest = test.score(testLogits);
          testAcc = lastTest.accuracy();
        }
        boolean milestone = milestones.observe(step, trainScores.accuracy(), testAcc);
        List<Probe<?>> due = probes.stream()
            .filter(p -> p.measurement().schedule().isDue(step, isFinal, milestone)).toList();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!due.isEmpty()) {
          ModelState state = new ModelState(config, step, isFinal, trainScores, lastTest, tensors(),
              logitTable(trainLogits, testLogits), elapsedBefore + seconds,
              edge == null ? EdgeAlignment.NONE : edge.alignment(flat(true)));
          due.forEach(p -> p.deliver(state));
        }
        listener.onStep(new StepProgress(step, config.steps(), trainScores.loss(), trainScores.accuracy(),
            lastTest.loss(), lastTest.accuracy(), rate(step - startStep, seconds)));
        if (isFinal) {
          break;
        }
        adam.step();
        step++;
      }
      if (checkpointFile != null && config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
        checkpoint(elapsedBefore + (System.nanoTime() - t0) / 1e9).write(checkpointFile);
        listener.onCheckpoint(step);
      }
      if (stop.requested()) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (checkpointFile != null) {
          checkpoint(elapsedBefore + seconds).write(checkpointFile);
          listener.onCheckpoint(step);
        }
        return new End(step, false, seconds, true);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (checkpointFile != null && !diverged) {
      checkpoint(elapsedBefore + seconds).write(checkpointFile);
      listener.onCheckpoint(step);
    }
    return new End(step, diverged, seconds, false);
  }

  /** @return updates per second over this session, NaN for no time */
  static double rate(int steps, double seconds) {
    return seconds > 0 ? steps / seconds : Double.NaN;
  }

  private boolean batching() {
    return config.batchSize() > 0 && config.batchSize() < train.size();
  }

  private NDArray forward(NDArray tokens, boolean training) {
    return model.forward(store, new NDList(tokens), training).singletonOrThrow();
  }

  /**
   * Forward and backward on the training batch of this step, at θ + ε when the weights are noisy
   * ({@link WeightNoise}), plus α·∂ΣH/∂W of the spectral-entropy penalty ({@link SpectralEntropy}) at
   * the same point; returns the logits.
   */
  private NDArray gradientPass() {
    return noise.isOn() ? noise.atNoisyPoint(params, step, this::lossGradientPass) : lossGradientPass();
  }

  /** Adds α·∂H/∂W to the gradient of every matrix parameter, at its current values. */
  private void addSpectralEntropyGradient() {
    double alpha = config.spectralEntropy();
    for (Parameter p : params.values()) {
      NDArray w = p.getArray();
      long[] shape = w.getShape().getShape();
      if (shape.length != 2) {
        continue;
      }
      double[] g = SpectralEntropy.gradient(w.toFloatArray(), (int) shape[0], (int) shape[1]);
      float[] scaled = new float[g.length];
      for (int i = 0; i < g.length; i++) {
        scaled[i] = (float) (alpha * g[i]);
      }
      try (NDArray penalty = manager.create(scaled, w.getShape())) {
        w.getGradient().addi(penalty);
      }
    }
  }

  /** All parameter values (or their gradients) flattened in canonical order, for the spectral edge. */
  private float[] flat(boolean gradients) {
    int size = 0;
    for (Parameter p : params.values()) {
      size += Math.toIntExact(p.getArray().size());
    }
    float[] out = new float[size];
    int at = 0;
    for (Parameter p : params.values()) {
      float[] v = gradients ? p.getArray().getGradient().toFloatArray() : p.getArray().toFloatArray();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  /** The plain gradient pass (and the spectral-entropy penalty's gradient). */
  private NDArray lossGradientPass() {
    NDArray tokens = train.tokenArray();
    NDArray oneHot = train.oneHot();
    if (batching()) {
      NDArray[] batch = train.batch(manager,
          BatchSampler.rows(config.seed(), step, train.size(), config.batchSize()), data.task().p());
      tokens = batch[0];
      oneHot = batch[1];
    }
    NDArray logits;
    try (GradientCollector collector = engine.newGradientCollector()) {
      logits = forward(tokens, true);
      // Σ z ⊙ G has gradient G with respect to z: backpropagates the float64 loss's gradient
      collector.backward(logits.mul(CrossEntropy.gradient(logits, oneHot)).sum());
    }
    if (config.spectralEntropy() > 0) {
      addSpectralEntropyGradient();
    }
    return logits;
  }

  /** The last-position logits of every domain cell, in domain order (N×p). */
  private float[] logitTable(NDArray trainLogits, NDArray testLogits) {
    return ModelState.logitTable(data.task(), train.cells(), trainLogits.toFloatArray(), test.cells(),
        testLogits == null ? null : testLogits.toFloatArray());
  }

  private List<NamedTensor> tensors() {
    return model.tensors();
  }

  /**
   * The training state now, as a checkpoint.
   *
   * @param elapsed wall-clock training seconds so far
   * @return the checkpoint
   */
  Checkpoint checkpoint(double elapsed) {
    return Checkpoint.of(config, step, adam.updates(), milestones, elapsed, tensors(), adam.firstMoments(),
        adam.secondMoments());
  }

}
