package occam.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import occam.complexity.BdmPreset;
import occam.complexity.BdmResult;
import occam.complexity.WeightMatrix;

/**
 * The paper's K_BDM of a transformer (seed 004; SPEC §5–§6): every weight matrix quantized by its own
 * quantiles, blocks counted per matrix, K = Σ_matrices Σ_distinct blocks [CTM(block) + log₂ count]
 * ({@link BdmPreset#value(List)}).
 *
 * <p>Which tensors count: every parameter with two or more dimensions (leading dimensions flattened
 * into rows, the last one is the columns), i.e. the embeddings, the attention and MLP weights and the
 * unembedding. Vectors (MLP biases, LayerNorm gains and shifts) are left out: the paper's K_BDM is
 * over weight matrices, and a bias is reset by every quantile split to the same few symbols. A
 * matrix with fewer values than one block is skipped too (it has no complete block).
 */
public final class BdmComplexity implements WeightComplexity {
  private final BdmPreset preset;

  private BdmComplexity(BdmPreset preset) {
    this.preset = preset;
  }

  /**
   * The estimate on a preset.
   *
   * @param preset the BDM configuration ({@link BdmPreset#DEFAULT}: 4 symbols by quartiles, 1D
   *     blocks of 6, table ctm-own-b4-d12)
   * @return the estimate
   * @throws IllegalArgumentException if the preset is null
   */
  public static BdmComplexity of(BdmPreset preset) {
    if (preset == null) {
      throw new IllegalArgumentException("BDM preset must be given");
    }
    return new BdmComplexity(preset);
  }

  /**
   * The full result behind {@link #bits}: table, alphabet, block shape, block counts.
   *
   * @param weights the model's parameters
   * @return the summed BDM, or null when no tensor qualifies or a value is not finite
   */
  public BdmResult result(List<NamedTensor> weights) {
    List<WeightMatrix> matrices = matrices(weights);
    if (matrices.isEmpty()) {
      return null;
    }
    return preset.value(matrices);
  }

  /**
   * K_BDM in bits, NaN (logged as null) when no matrix qualifies or a weight is not finite (a
   * diverged model).
   */
  @Override
  public double bits(List<NamedTensor> weights) {
    for (NamedTensor t : weights) {
      for (float x : t.data()) {
        if (!Float.isFinite(x)) {
          return Double.NaN;
        }
      }
    }
    BdmResult r = result(weights);
    return r == null ? Double.NaN : r.bits();
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT,
        "K_BDM: sum over weight matrices (vectors left out) of BDM, table %s, alphabet %d (quantiles), "
            + "blocks %s (1D over each matrix's row-major sequence), boundary ignore",
        preset.tableName(), preset.alphabet(), preset.shape().label());
  }

  /** The matrices that count, as the complexity module's value type. */
  List<WeightMatrix> matrices(List<NamedTensor> weights) {
    int block = preset.shape().rows() * preset.shape().cols();
    List<WeightMatrix> out = new ArrayList<>();
    for (NamedTensor t : weights) {
      int[] shape = t.shape();
      if (shape.length < 2 || t.size() < block) {
        continue;
      }
      int cols = shape[shape.length - 1];
      int rows = t.size() / cols;
      double[] values = new double[t.size()];
      float[] data = t.data();
      for (int i = 0; i < values.length; i++) {
        values[i] = data[i];
      }
      out.add(new WeightMatrix(t.name(), rows, cols, values));
    }
    return out;
  }
}
