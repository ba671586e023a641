package occam.transformer.compression;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import occam.complexity.WeightMatrix;
import occam.complexity.compression.Compressor;
import occam.complexity.compression.LossBoundedSearch;
import occam.transformer.Djl;
import occam.transformer.NamedTensor;
import occam.transformer.llc.TransformerLoss;
import occam.transformer.llc.Weights;
import occam.transformer.records.TrainingConfig;

/**
 * Compression complexity of a transformer (seed 002, Algorithm 1): every parameter tensor is
 * coarse-grained by quantization (bin ε) and, for matrices, low-rank truncation (threshold κ, {@link
 * occam.complexity.compression.CompressionComplexity}); the search keeps the most compressed (bzip2)
 * description whose training loss — the run's real mean cross-entropy over its training set, {@link
 * TransformerLoss} — stays within δ of the weights' own: L(θ̃) ≤ L(θ) + δ.
 *
 * <p>Tensors of rank ≥ 2 are matrices (rows = all but the last dimension); vectors (biases, norms) are
 * 1 × n and only quantized. Every tensor is coarse-grained, so θ̃ is a complete model whose loss is
 * measured. Cost: {@link CompressionGrid#size()} forward passes and bzip2 runs per estimate.
 *
 * <p>Not thread-safe. Close it to free the model's native memory.
 */
public final class TransformerCompression implements AutoCloseable {
  private final TransformerLoss loss;

  private TransformerCompression(TransformerLoss loss) {
    this.loss = loss;
  }

  /**
   * Prepares the estimator of a run's configuration (a fresh model on the default device).
   *
   * @param config the run (task, split, architecture)
   * @return the estimator; close it when done
   */
  public static TransformerCompression of(TrainingConfig config) {
    return new TransformerCompression(TransformerLoss.of(config, Djl.engine(), Djl.device()));
  }

  /**
   * Searches the grid for the most compressed description within δ.
   *
   * @param weights every parameter, in {@link occam.transformer.DecoderTransformer#namedParameters()} order
   * @param delta δ &gt; 0, nats
   * @param grid the coarse-grainings to try
   * @return the estimate with every point tried
   * @throws IllegalArgumentException if δ is not a positive finite number or the weights do not fit the model
   */
  public CompressionEstimate measure(List<NamedTensor> weights, double delta, CompressionGrid grid) {
    requireDelta(delta);
    loss.coordinates(new Weights(0, weights));
    List<WeightMatrix> matrices = matrices(weights);
    LossBoundedSearch.Outcome outcome = LossBoundedSearch.search(
        matrices, p -> loss.value(flatten(p)), delta, grid.epsilons(), grid.kappas(), Compressor.BZIP2);
    return new CompressionEstimate(delta, loss.samples(), naiveBytes(weights), outcome);
  }

  /**
   * Checks a loss bound.
   *
   * @param delta δ
   * @return δ
   * @throws IllegalArgumentException if δ is not a positive finite number
   */
  public static double requireDelta(double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("compression delta " + delta + " is not allowed: need a finite value > 0 (nats)");
    }
    return delta;
  }

  /** Each tensor as a matrix: rank ≥ 2 → (size / last dimension) × last dimension, else 1 × size. */
  static List<WeightMatrix> matrices(List<NamedTensor> weights) {
    List<WeightMatrix> out = new ArrayList<>();
    for (NamedTensor t : weights) {
      int[] shape = t.shape();
      int cols = shape.length >= 2 ? shape[shape.length - 1] : t.size();
      double[] v = new double[t.size()];
      float[] data = t.data();
      for (int i = 0; i < v.length; i++) {
        v[i] = data[i];
      }
      out.add(new WeightMatrix(t.name(), cols == 0 ? 0 : t.size() / cols, cols, v));
    }
    return out;
  }

  /** The matrices back in one coordinate vector, row-major in order (the {@link Weights#flatten()} layout). */
  static double[] flatten(List<WeightMatrix> matrices) {
    double[] w = new double[matrices.stream().mapToInt(WeightMatrix::size).sum()];
    int at = 0;
    for (WeightMatrix m : matrices) {
      double[] v = m.values();
      System.arraycopy(v, 0, w, at, v.length);
      at += v.length;
    }
    return w;
  }

  /** bzip2 size of the float32 weights, big-endian, in order. */
  private static int naiveBytes(List<NamedTensor> weights) {
    ByteBuffer b = ByteBuffer.allocate(4 * weights.stream().mapToInt(NamedTensor::size).sum());
    weights.forEach(t -> {
      for (float x : t.data()) {
        b.putFloat(x);
      }
    });
    return Compressor.BZIP2.compressedSize(b.array());
  }

  @Override
  public void close() {
    loss.close();
  }
}
