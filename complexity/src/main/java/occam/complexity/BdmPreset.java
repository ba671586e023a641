package occam.complexity;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made BDM configurations for weight tensors, each on a table Occam generated itself.
 *
 * <p>The paper (seed 004) quantizes every weight tensor to 4 symbols by its quartiles and uses 2D 4×4
 * blocks. No CTM table exists for 4-symbol 2D blocks — published 4-symbol CTM covers 1D strings only
 * (ctm-b4-d12), and 2D 4×4 CTM only binary matrices — so neither preset is exactly the paper's:
 *
 * <ul>
 *   <li>{@link #QUARTILES} (the {@link #DEFAULT}): the paper's quantization, 4 symbols by quartiles, with
 *       1D blocks of 6 over each tensor's row-major sequence, on {@code ctm-own-b4-d12} (all (2,4)
 *       machines). The (2,4) space is small: its CTM ranks agree only moderately with the published
 *       (4,4)-sampled table (Spearman ≈ 0.57 on strings of length 6), so the estimate leans on the
 *       block counts more than on the CTM values.
 *   <li>{@link #MEDIAN}: 2 symbols by the median, 1D blocks of 12, on {@code ctm-own-b2-d12} (all (5,2)
 *       machines), which reproduces the published ctm-b2-d12 to 1e-14 bits on 4094 of its 4095
 *       strings; this is pybdm's default 1D binary BDM.
 * </ul>
 *
 * Either way the {@link BdmResult} names the table, alphabet and block shape used.
 */
public enum BdmPreset {
  /** 4 symbols by quartiles, 1D blocks of 6, table ctm-own-b4-d12. */
  QUARTILES(4, BlockShape.ofLength(6), "ctm-own-b4-d12"),
  /** 2 symbols by the median, 1D blocks of 12, table ctm-own-b2-d12. */
  MEDIAN(2, BlockShape.ofLength(12), "ctm-own-b2-d12");

  /** The preset the transformer check uses unless told otherwise. */
  public static final BdmPreset DEFAULT = QUARTILES;

  private final int alphabet;
  private final BlockShape shape;
  private final String table;

  BdmPreset(int alphabet, BlockShape shape, String table) {
    this.alphabet = alphabet;
    this.shape = shape;
    this.table = table;
  }

  /**
   * The preset for an alphabet size.
   *
   * @param alphabet 4 or 2
   * @return {@link #QUARTILES} or {@link #MEDIAN}
   * @throws IllegalArgumentException for any other size
   */
  public static BdmPreset forAlphabet(int alphabet) {
    for (BdmPreset p : values()) {
      if (p.alphabet == alphabet) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "no built-in preset for alphabet " + alphabet + ": use 4 or 2, or give a CTM table");
  }

  /**
   * Alphabet size b.
   *
   * @return b
   */
  public int alphabet() {
    return alphabet;
  }

  /**
   * Block shape.
   *
   * @return the shape
   */
  public BlockShape shape() {
    return shape;
  }

  /**
   * Name of the built-in table.
   *
   * @return e.g. ctm-own-b4-d12
   */
  public String tableName() {
    return table;
  }

  /**
   * The estimator (boundary {@link Boundary#IGNORE}, the published default).
   *
   * @return the estimator on the built-in table
   */
  public Bdm bdm() {
    return Bdm.of(CtmTable.builtIn(table), shape, alphabet, Boundary.IGNORE);
  }

  /**
   * BDM of one row-major weight matrix (vectors as 1 × n), quantized by its own quantiles.
   *
   * @param weights rows·cols values
   * @param rows rows
   * @param cols columns
   * @return the estimate
   * @throws IllegalArgumentException if the sizes disagree, a value is NaN, or the tensor is shorter
   *     than one block
   */
  public BdmResult value(double[] weights, int rows, int cols) {
    return bdm().value(QuantileQuantizer.quantize(weights, rows, cols, alphabet));
  }

  /**
   * BDM of one row-major float weight matrix.
   *
   * @param weights rows·cols values
   * @param rows rows
   * @param cols columns
   * @return the estimate
   * @throws IllegalArgumentException as for {@link #value(double[], int, int)}
   */
  public BdmResult value(float[] weights, int rows, int cols) {
    double[] d = new double[weights.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = weights[i];
    }
    return value(d, rows, cols);
  }

  /**
   * The paper's global BDM of a network: each tensor quantized by its own quantiles, blocks counted
   * per tensor, K = Σ_tensors Σ_blocks [CTM + log₂ n].
   *
   * @param tensors the weight tensors
   * @return the summed estimate
   * @throws IllegalArgumentException if the list is empty, or as for {@link #value(double[], int, int)}
   */
  public BdmResult value(List<WeightMatrix> tensors) {
    List<SymbolMatrix> symbols = new ArrayList<>();
    for (WeightMatrix w : tensors) {
      symbols.add(QuantileQuantizer.quantize(w.values(), w.rows(), w.cols(), alphabet));
    }
    return bdm().value(symbols);
  }
}
