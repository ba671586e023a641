package occam.transformer;

import occam.io.AtomicFiles;
import occam.modular.Phase;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import occam.fourier.SpectralConcentration;
import occam.modular.ModularTask;

/**
 * Trains a {@link DecoderTransformer} on a modular task with {@link AdamW}, measuring as it goes.
 *
 * <p>Step s denotes the model θ_s after s updates. Each loop turn measures θ_s, then (unless s is the
 * last step) applies update s + 1:
 *
 * <ol>
 *   <li>forward the training set and take the gradient of the mean cross-entropy over the p classes
 *       at the last position, loss and gradient in float64 ({@link CrossEntropy}); full batch, or
 *       with a batch size a seeded batch that depends only on (seed, s), so resumed runs draw the
 *       same batches;
 *   <li>train loss and accuracy of θ_s come from that forward pass (from a separate no-gradient pass
 *       over the whole training set when batching), so t_mem is exact;
 *   <li>the test set is evaluated at log steps and, until t_gen is found, at every step whose train
 *       accuracy has reached the threshold, so t_gen is exact too;
 *   <li>at log steps (s a multiple of {@code logEvery}, and the last step) a {@link StepMetrics} line
 *       is written;
 *   <li>AdamW update; a checkpoint every {@code checkpointEvery} updates and at the end.
 * </ol>
 *
 * A non-finite training loss stops the run as {@link Phase#DIVERGED} (no checkpoint of the
 * non-finite weights is written). Output files under the run directory: {@code metrics.jsonl},
 * {@code summary.json}, {@code checkpoint/state.ckpt}. Before anything is written the directory and
 * any checkpoint are checked, so bad input leaves existing files as they were.
 */
public final class TrainingRun {
  /** Metrics log inside the run directory. */
  public static final String METRICS_FILE = "metrics.jsonl";

  /** Summary inside the run directory. */
  public static final String SUMMARY_FILE = "summary.json";

  /** Checkpoint directory inside the run directory. */
  public static final String CHECKPOINT_DIR = "checkpoint";

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final TrainingConfig config;
  private Path out;
  private boolean resume;
  private String preset;
  private TrainingListener listener = new TrainingListener() {};
  private WeightComplexity complexity = WeightComplexity.NONE;

  private TrainingRun(TrainingConfig config) {
    this.config = config;
  }

  /**
   * Prepares a run.
   *
   * @param config the run's configuration
   * @return the run, writing no files until {@link #output(Path)} is set
   */
  public static TrainingRun of(TrainingConfig config) {
    return new TrainingRun(config);
  }

  /**
   * Sets the run directory.
   *
   * @param dir where metrics, summary and checkpoints go (created if absent)
   * @return this
   */
  public TrainingRun output(Path dir) {
    this.out = dir;
    return this;
  }

  /**
   * Continues from the directory's checkpoint when there is one.
   *
   * @param value whether to resume
   * @return this
   */
  public TrainingRun resume(boolean value) {
    this.resume = value;
    return this;
  }

  /**
   * Names the preset the configuration came from, for the summary.
   *
   * @param name preset name or null
   * @return this
   */
  public TrainingRun preset(String name) {
    this.preset = name;
    return this;
  }

  /**
   * Sets the observer.
   *
   * @param value the listener
   * @return this
   */
  public TrainingRun listener(TrainingListener value) {
    this.listener = value;
    return this;
  }

  /**
   * Sets the complexity estimate logged at every log step.
   *
   * @param value the estimate ({@link WeightComplexity#NONE} by default)
   * @return this
   */
  public TrainingRun complexity(WeightComplexity value) {
    this.complexity = value;
    return this;
  }

  /**
   * The checkpoint file of a run directory.
   *
   * @param dir run directory
   * @return {@code dir/checkpoint/state.ckpt}
   */
  public static Path checkpointFile(Path dir) {
    return dir.resolve(CHECKPOINT_DIR).resolve(Checkpoint.FILE_NAME);
  }

  /**
   * Checks the run directory and reads the checkpoint to resume from, writing nothing.
   *
   * @return the checkpoint, or null for a fresh start
   * @throws IllegalArgumentException if the directory already holds a run and resume is off, or the
   *     checkpoint is unreadable or belongs to another configuration
   */
  public Checkpoint preflight() {
    if (out == null) {
      return null;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
    }
    Path checkpoint = checkpointFile(out);
    if (!resume) {
      if (Files.exists(checkpoint) || Files.exists(out.resolve(METRICS_FILE))) {
        throw new IllegalArgumentException(
            "--out " + out + " already holds a run; pass --resume to continue it or choose another --out");
      }
      return null;
    }
    if (!Files.exists(checkpoint)) {
      return null;
    }
    Checkpoint c = Checkpoint.read(checkpoint);
    c.requireCompatible(config, checkpoint);
    return c;
  }

  /**
   * Runs to {@code config.steps()} (or divergence).
   *
   * @return the summary (also written to {@code summary.json} when a directory is set)
   * @throws IOException if an output file cannot be written
   * @throws IllegalArgumentException as {@link #preflight()}
   */
  public TrainingSummary run() throws IOException {
    Checkpoint start = preflight();
    ModularSequences data = ModularSequences.of(config.split());
    Engine engine = Djl.engine();
    Device device = Djl.device();
    engine.setRandomSeed((int) config.seed());
    try (NDManager manager = engine.newBaseManager(device)) {
      DecoderTransformer model = DecoderTransformer.create(config.model(), config.seed(), manager);
      Map<String, Parameter> params = model.namedParameters();
      try (AdamW adam = new AdamW(config.optimizer(), params, manager)) {
        Session session = new Session(data, model, adam, manager, engine);
        if (start != null) {
          session.restore(start);
        }
        return session.loop(start == null ? OptionalInt.empty() : OptionalInt.of(start.step()), device);
      }
    }
  }

  /** Token ids, labels and one-hot labels of a set of cells, on the device. */
  private record Examples(int[] cells, int[] tokens, int[] labels, NDArray tokenArray, NDArray labelArray, NDArray oneHot) {
    static Examples of(NDManager manager, ModularSequences data, int[] cells) {
      int[] tokens = data.tokens(cells);
      int[] labels = data.labels(cells);
      return new Examples(cells, tokens, labels, tokenArray(manager, tokens), labelArray(manager, labels),
          labelArray(manager, labels).oneHot(data.task().p(), CrossEntropy.TYPE));
    }

    static NDArray tokenArray(NDManager manager, int[] tokens) {
      return manager.create(tokens, new Shape(tokens.length / ModelConfig.TASK_CONTEXT, ModelConfig.TASK_CONTEXT));
    }

    static NDArray labelArray(NDManager manager, int[] labels) {
      long[] wide = new long[labels.length];
      for (int i = 0; i < labels.length; i++) {
        wide[i] = labels[i];
      }
      return manager.create(wide);
    }

    int size() {
      return cells.length;
    }
  }

  /** Loss and accuracy of one forward pass. */
  private record Scores(double loss, double accuracy) {
    static final Scores NONE = new Scores(Double.NaN, Double.NaN);
  }

  /** The mutable state of one training session. */
  private final class Session {
    private final ModularSequences data;
    private final DecoderTransformer model;
    private final AdamW adam;
    private final NDManager manager;
    private final Engine engine;
    private final Map<String, Parameter> params;
    private final ParameterStore store;
    private final Examples train;
    private final Examples test;
    private int step;
    private OptionalInt memorization = OptionalInt.empty();
    private OptionalInt grokking = OptionalInt.empty();
    private double elapsedBefore;
    private Scores lastTest = Scores.NONE;

    Session(ModularSequences data, DecoderTransformer model, AdamW adam, NDManager manager, Engine engine) {
      this.data = data;
      this.model = model;
      this.adam = adam;
      this.manager = manager;
      this.engine = engine;
      this.params = model.namedParameters();
      this.store = new ParameterStore(manager, false);
      this.train = Examples.of(manager, data, data.trainCells());
      this.test = Examples.of(manager, data, data.testCells());
    }

    void restore(Checkpoint c) {
      for (NamedTensor t : c.parameters()) {
        Parameter p = params.get(t.name());
        if (p == null || p.getArray().size() != t.size()) {
          throw new IllegalArgumentException("checkpoint tensor " + t.name() + " does not fit this model");
        }
        AdamW.assign(p.getArray(), t.data());
      }
      adam.restore(c.updates(), toMap(c.firstMoments()), toMap(c.secondMoments()));
      step = c.step();
      memorization = c.memorizationStep();
      grokking = c.grokkingStep();
      elapsedBefore = Double.isFinite(c.elapsedSeconds()) ? c.elapsedSeconds() : 0;
    }

    private Map<String, float[]> toMap(List<NamedTensor> tensors) {
      Map<String, float[]> m = new LinkedHashMap<>();
      tensors.forEach(t -> m.put(t.name(), t.data()));
      return m;
    }

    TrainingSummary loop(OptionalInt resumedFrom, Device device) throws IOException {
      int startStep = step;
      long t0 = System.nanoTime();
      listener.onStart(config, startStep, device.toString());
      StepMetrics lastMetrics = null;
      boolean diverged = false;
      try (MetricsLog log = out == null ? null : MetricsLog.openFrom(out.resolve(METRICS_FILE), startStep)) {
        while (true) {
          boolean last = step >= config.steps();
          try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray trainLogits = last || batching() ? forward(train.tokenArray(), false) : null;
            if (!last) {
              NDArray batchLogits = gradientPass();
              if (trainLogits == null) {
                trainLogits = batchLogits;
              }
            }
            Scores trainScores = score(trainLogits, train);
            double threshold = config.threshold();
            diverged = !Double.isFinite(trainScores.loss());
            boolean fitted = trainScores.accuracy() >= threshold;
            if (fitted && memorization.isEmpty()) {
              memorization = OptionalInt.of(step);
            }
            boolean logNow = step % config.logEvery() == 0 || last || diverged;
            NDArray testLogits = null;
            if (test.size() > 0 && (logNow || (fitted && grokking.isEmpty()))) {
              testLogits = forward(test.tokenArray(), false);
              lastTest = score(testLogits, test);
              if (fitted && lastTest.accuracy() >= threshold && grokking.isEmpty()) {
                grokking = OptionalInt.of(step);
              }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (logNow) {
              boolean ranks = last || diverged || config.rankEvery() == 0 || step % config.rankEvery() == 0;
              lastMetrics = measure(trainScores, trainLogits, testLogits, ranks, elapsedBefore + seconds);
              if (log != null) {
                log.append(lastMetrics);
              }
              listener.onLog(lastMetrics);
            }
            listener.onStep(new StepProgress(step, config.steps(), trainScores.loss(), trainScores.accuracy(),
                lastTest.loss(), lastTest.accuracy(), rate(step - startStep, seconds)));
            if (last || diverged) {
              break;
            }
            adam.step();
            step++;
          }
          if (out != null && config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
            checkpoint(elapsedBefore + (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (out != null && !diverged) {
        checkpoint(elapsedBefore + seconds);
      }
      TrainingSummary summary = new TrainingSummary(config, preset, train.size(), test.size(), step,
          memorization, grokking, Phase.classify(diverged, memorization, grokking), lastMetrics,
          device.toString(), rate(step - startStep, seconds), seconds, complexity.description(), resumedFrom);
      if (out != null) {
        AtomicFiles.writeString(out.resolve(SUMMARY_FILE), summary.toJson().toString() + "\n");
      }
      listener.onEnd(summary);
      return summary;
    }

    private boolean batching() {
      return config.batchSize() > 0 && config.batchSize() < train.size();
    }

    private NDArray forward(NDArray tokens, boolean training) {
      return model.forward(store, new NDList(tokens), training).singletonOrThrow();
    }

    /** Forward and backward on the training batch of this step; returns its logits. */
    private NDArray gradientPass() {
      NDArray tokens = train.tokenArray();
      NDArray oneHot = train.oneHot();
      if (batching()) {
        int[] rows = batchRows();
        int[] batchTokens = new int[rows.length * ModelConfig.TASK_CONTEXT];
        int[] batchLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
          System.arraycopy(train.tokens(), rows[i] * ModelConfig.TASK_CONTEXT, batchTokens,
              i * ModelConfig.TASK_CONTEXT, ModelConfig.TASK_CONTEXT);
          batchLabels[i] = train.labels()[rows[i]];
        }
        tokens = Examples.tokenArray(manager, batchTokens);
        oneHot = Examples.labelArray(manager, batchLabels).oneHot(data.task().p(), CrossEntropy.TYPE);
      }
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray logits = forward(tokens, true);
        // Σ z ⊙ G has gradient G with respect to z: backpropagates the float64 loss's gradient
        collector.backward(logits.mul(CrossEntropy.gradient(logits, oneHot)).sum());
        return logits;
      }
    }

    /** The batch of update step + 1: a partial Fisher–Yates shuffle seeded by (seed, step). */
    private int[] batchRows() {
      int n = train.size();
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      SplittableRandom rng = new SplittableRandom(config.seed() * GOLDEN_GAMMA + step);
      int b = config.batchSize();
      for (int j = 0; j < b; j++) {
        int k = j + rng.nextInt(n - j);
        int t = rows[j];
        rows[j] = rows[k];
        rows[k] = t;
      }
      return java.util.Arrays.copyOf(rows, b);
    }

    private Scores score(NDArray logits, Examples examples) {
      double loss = CrossEntropy.value(logits, examples.oneHot()).getDouble();
      long correct = logits.argMax(1).eq(examples.labelArray()).sum().toType(DataType.INT64, false).getLong();
      return new Scores(loss, (double) correct / examples.size());
    }

    private StepMetrics measure(
        Scores trainScores, NDArray trainLogits, NDArray testLogits, boolean withRanks, double elapsed) {
      List<NamedTensor> tensors = tensors();
      double sumSq = 0;
      Map<String, Double> ranks = new LinkedHashMap<>();
      float[] embedding = null;
      for (NamedTensor t : tensors) {
        for (float x : t.data()) {
          sumSq += (double) x * x;
        }
        if (withRanks && t.isMatrix()) {
          ranks.put(t.name(), EffectiveRank.value(t));
        }
        if (t.name().equals("embed.W_E")) {
          embedding = t.data();
        }
      }
      ModularTask task = data.task();
      SpectralConcentration embed = concentration(EmbeddingSpectrum.power(embedding, config.model().dModel(), task));
      double[] logitPower = LogitSpectrum2d.power(logitTable(trainLogits, testLogits), task);
      SpectralConcentration logit2d = concentration(logitPower);
      return new StepMetrics(step, trainScores.loss(), trainScores.accuracy(), lastTest.loss(),
          lastTest.accuracy(), Math.sqrt(sumSq), embed.gini(), embed.ipr(), logit2d.gini(), logit2d.ipr(),
          LogitSpectrum2d.sigmaMass(logitPower, task), complexity.bits(tensors), ranks, elapsed);
    }

    /** Concentration of a spectrum, all NaN when a diverged model made it non-finite. */
    private SpectralConcentration concentration(double[] power) {
      for (double x : power) {
        if (!Double.isFinite(x)) {
          return new SpectralConcentration(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
      }
      return SpectralConcentration.of(power);
    }

    /** The last-position logits of every domain cell, in domain order (N×p). */
    private float[] logitTable(NDArray trainLogits, NDArray testLogits) {
      int p = data.task().p();
      float[] table = new float[data.task().domainSize() * p];
      place(table, train.cells(), trainLogits.toFloatArray(), p);
      if (testLogits != null) {
        place(table, test.cells(), testLogits.toFloatArray(), p);
      }
      return table;
    }

    private void place(float[] table, int[] cells, float[] logits, int p) {
      for (int i = 0; i < cells.length; i++) {
        System.arraycopy(logits, i * p, table, cells[i] * p, p);
      }
    }

    private List<NamedTensor> tensors() {
      List<NamedTensor> tensors = new ArrayList<>();
      params.forEach((name, p) -> tensors.add(tensor(name, p.getArray())));
      return tensors;
    }

    private NamedTensor tensor(String name, NDArray array) {
      long[] dims = array.getShape().getShape();
      int[] shape = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        shape[i] = (int) dims[i];
      }
      return new NamedTensor(name, shape, array.toFloatArray());
    }

    private void checkpoint(double elapsed) throws IOException {
      List<NamedTensor> weights = tensors();
      List<NamedTensor> first = new ArrayList<>();
      List<NamedTensor> second = new ArrayList<>();
      Map<String, float[]> m = adam.firstMoments();
      Map<String, float[]> v = adam.secondMoments();
      for (NamedTensor w : weights) {
        first.add(new NamedTensor(w.name(), w.shape(), m.get(w.name())));
        second.add(new NamedTensor(w.name(), w.shape(), v.get(w.name())));
      }
      new Checkpoint(config, step, adam.updates(), memorization, grokking, elapsed, weights, first, second)
          .write(checkpointFile(out));
      listener.onCheckpoint(step);
    }

    private double rate(int steps, double seconds) {
      return seconds > 0 ? steps / seconds : Double.NaN;
    }
  }
}
