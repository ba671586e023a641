package occam.transformer.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.stream.IntStream;
import occam.fourier.SpectralConcentration;
import occam.modular.ModularTask;
import occam.transformer.CrossEntropy;
import occam.transformer.EmbeddingSpectrum;
import occam.transformer.HookPoint;
import occam.transformer.NamedTensor;
import occam.transformer.records.ModelConfig;

/**
 * The progress measures of Nanda et al. (2023), "Progress measures for grokking via mechanistic
 * interpretability", §5, on the model's last-position logits z(a, b, c) over the whole domain, in
 * group indices (a, b) (discrete-log order for mul and div, SPEC §2, so their Fourier modes are the
 * characters of Z_p^*; token order for add and sub, as Nanda et al.'s add).
 *
 * <ul>
 *   <li><b>Key frequencies</b> K: from the MLP neurons' 2-D Fourier components ({@link
 *       KeyFrequencies}): the hidden activations of every layer's MLP at the answer position, each
 *       neuron weighed by its variance. Nanda et al. fix K from the final model and track every
 *       checkpoint with it: pass that K to {@link ModelInternals#progressMeasures(int[])}.
 *   <li><b>Restricted loss</b>: the loss of z projected, class by class, onto the constant and the
 *       key directions cos/sin(w_k(a ± b)), k ∈ K ({@link FourierModes#keyDirections}). Nanda et al.
 *       project their one-layer model's neuron activations and map them through W_out·W_U; projecting
 *       the logits works for any depth and with LayerNorm, and keeps the same directions.
 *   <li><b>Excluded loss</b>: the loss of z with those key directions removed (the constant kept), as
 *       Nanda et al. remove them from the logits.
 *   <li><b>Gini of the Fourier norms</b> of W_E (over the token axis) and of W_U (over the class axis):
 *       the Gini ({@link SpectralConcentration}) of the amplitudes √P_k of {@link EmbeddingSpectrum},
 *       k = 0..m − 1, rows in group order.
 * </ul>
 *
 * Losses are the mean cross-entropy in nats over the training cells and over the test cells ({@link
 * CrossEntropy}, float64).
 *
 * @param keyFrequencies K, by decreasing share
 * @param frequencyShares share_k of the neurons' variance at index k − 1, k = 1..⌊m/2⌋
 * @param trainLoss loss of z on the training cells
 * @param testLoss loss of z on the test cells (NaN without test cells)
 * @param restrictedTrainLoss restricted loss on the training cells
 * @param restrictedTestLoss restricted loss on the test cells
 * @param excludedTrainLoss excluded loss on the training cells
 * @param excludedTestLoss excluded loss on the test cells
 * @param embeddingGini Gini of the Fourier norms of W_E
 * @param unembeddingGini Gini of the Fourier norms of W_U
 */
public record ProgressMeasures(
    int[] keyFrequencies,
    double[] frequencyShares,
    double trainLoss,
    double testLoss,
    double restrictedTrainLoss,
    double restrictedTestLoss,
    double excludedTrainLoss,
    double excludedTestLoss,
    double embeddingGini,
    double unembeddingGini) {

  /**
   * Measures a model.
   *
   * @param internals the model
   * @param keyFrequencies K, or null to select them from this model's neurons
   * @return the measures
   * @throws IllegalArgumentException if a given frequency is outside 1..⌊m/2⌋ or repeated
   */
  static ProgressMeasures measure(ModelInternals internals, int[] keyFrequencies) {
    ModularTask task = internals.config().task();
    int m = task.groupOrder();
    if (keyFrequencies != null && IntStream.of(keyFrequencies).distinct().count() != keyFrequencies.length) {
      throw new IllegalArgumentException("key frequencies " + Arrays.toString(keyFrequencies) + " repeat a frequency");
    }
    KeyFrequencies neurons = new KeyFrequencies(m);
    float[] logits = passes(internals, neurons);
    double[] shares = neurons.shares();
    int[] key = keyFrequencies != null ? keyFrequencies : KeyFrequencies.select(shares);
    int p = task.p();
    double[] full = new double[logits.length];
    Arrays.setAll(full, i -> logits[i]);
    double[] restricted = FourierModes.keyDirections(task, key, true).project(logits, p);
    double[] removed = FourierModes.keyDirections(task, key, false).project(logits, p);
    double[] excluded = new double[logits.length];
    Arrays.setAll(excluded, i -> logits[i] - removed[i]);
    int[] train = internals.data().trainCells();
    int[] test = internals.data().testCells();
    ModelConfig model = internals.config().model();
    return new ProgressMeasures(key, shares,
        loss(internals, full, train), loss(internals, full, test),
        loss(internals, restricted, train), loss(internals, restricted, test),
        loss(internals, excluded, train), loss(internals, excluded, test),
        fourierGini(internals.tensor("embed.W_E"), model.dModel(), task),
        fourierGini(internals.tensor("unembed.W_U"), model.dModel(), task));
  }

  /**
   * Runs the whole domain through the model and feeds every layer's MLP activations at the answer
   * position to the accumulator, as many layers per pass as {@link ModelInternals#CHUNK_BYTES} holds.
   *
   * @return the logit table, m² × p in domain order
   */
  static float[] passes(ModelInternals internals, KeyFrequencies neurons) {
    ModelConfig model = internals.config().model();
    int cells = internals.config().task().domainSize();
    int p = model.classes();
    int width = model.dMlp();
    int[] all = IntStream.range(0, cells).toArray();
    int perPass = (int) Math.max(1, Math.min(model.layers(), ModelInternals.CHUNK_BYTES / (4L * cells * width)));
    int chunk = internals.chunkCells();
    float[] logits = new float[cells * p];
    for (int first = 0; first < model.layers(); first += perPass) {
      int begin = first;
      int end = Math.min(model.layers(), first + perPass);
      float[][] tables = new float[end - begin][cells * width];
      for (int from = 0; from < cells; from += chunk) {
        int row = from;
        int[] part = Arrays.copyOfRange(all, from, Math.min(cells, from + chunk));
        try (NDManager scratch = internals.scratch()) {
          float[] z = internals.logits(internals.tokens(scratch, part), (point, value) -> {
            if (point.kind() == HookPoint.Kind.MLP_POST && point.layer() >= begin && point.layer() < end) {
              float[] last = value.get(new NDIndex(":, -1, :")).toFloatArray();
              System.arraycopy(last, 0, tables[point.layer() - begin], row * width, last.length);
            }
            return value;
          });
          System.arraycopy(z, 0, logits, row * p, z.length);
        }
      }
      for (float[] table : tables) {
        neurons.add(table, width);
      }
    }
    return logits;
  }

  /** Mean cross-entropy of the table's rows at the cells; NaN for no cells. */
  static double loss(ModelInternals internals, double[] table, int[] cells) {
    if (cells.length == 0) {
      return Double.NaN;
    }
    int p = internals.config().task().p();
    double[] rows = new double[cells.length * p];
    for (int i = 0; i < cells.length; i++) {
      System.arraycopy(table, cells[i] * p, rows, i * p, p);
    }
    try (NDManager scratch = internals.scratch()) {
      NDArray z = scratch.create(rows, new Shape(cells.length, p));
      NDArray oneHot = scratch.create(internals.data().labels(cells)).oneHot(p, CrossEntropy.TYPE);
      return -CrossEntropy.logLikelihood(z, oneHot).mean().getDouble();
    }
  }

  /** Gini of the amplitudes √P_k of a matrix's token- or class-axis spectrum. */
  static double fourierGini(NamedTensor matrix, int dModel, ModularTask task) {
    double[] amplitude = EmbeddingSpectrum.power(matrix.data(), dModel, task);
    Arrays.setAll(amplitude, k -> Math.sqrt(amplitude[k]));
    return SpectralConcentration.of(amplitude).gini();
  }
}
