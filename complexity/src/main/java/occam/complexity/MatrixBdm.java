package occam.complexity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * BDM of one real matrix, the library entry point behind {@code occam bdm}: a table, block shape and
 * alphabet resolved from what was given (a {@link BdmPreset} by default), and a {@link Quantization}.
 *
 * @param bdm the estimator
 * @param quantization how cells become symbols
 */
public record MatrixBdm(Bdm bdm, Quantization quantization) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if one is null
   */
  public MatrixBdm {
    if (bdm == null || quantization == null) {
      throw new IllegalArgumentException("the estimator and the quantization must be given");
    }
  }

  /**
   * Resolves the estimator. Without a table: the preset of the alphabet (default {@link
   * BdmPreset#DEFAULT}). With a table: its alphabet, and the block shape of the preset that names it or
   * else the table's largest shape (2D before 1D at equal size).
   *
   * @param table a CTM table file or built-in name; empty for the preset's
   * @param alphabet the alphabet size; empty for the preset's or the table's
   * @param block the block shape; empty as above
   * @param boundary the boundary policy
   * @param quantization how cells become symbols
   * @return the estimator
   * @throws IllegalArgumentException for an alphabet without a preset, an unreadable table, or a shape or
   *     alphabet the table does not have
   */
  public static MatrixBdm of(Optional<String> table, Optional<Integer> alphabet, Optional<BlockShape> block,
      Boundary boundary, Quantization quantization) {
    if (table.isEmpty()) {
      BdmPreset preset = BdmPreset.forAlphabet(alphabet.orElse(BdmPreset.DEFAULT.alphabet()));
      return new MatrixBdm(Bdm.of(preset.bdm().table(), block.orElse(preset.shape()), preset.alphabet(), boundary),
          quantization);
    }
    CtmTable t = CtmTable.open(table.get());
    BlockShape shape = block.orElseGet(() -> Arrays.stream(BdmPreset.values())
        .filter(p -> p.tableName().equals(table.get())).findFirst().map(BdmPreset::shape)
        .orElseGet(() -> t.shapes().stream()
            .max(Comparator.comparingInt(BlockShape::cells).thenComparing(BlockShape::twoDimensional)).orElseThrow()));
    return new MatrixBdm(Bdm.of(t, shape, alphabet.orElse(t.alphabet()), boundary), quantization);
  }

  /**
   * What {@code occam bdm} reports for a matrix.
   *
   * @param file the matrix's source
   * @param rows rows
   * @param cols columns
   * @param bdmBits BDM in bits
   * @param normalizedBdm BDM between the least and most complex matrix of the size
   * @param table the CTM table
   * @param alphabet the alphabet size
   * @param block the block shape
   * @param blockKind "2D" or "1D over the row-major sequence"
   * @param boundary the boundary policy
   * @param quantization "none (cells are symbols)" or "quantiles"
   * @param blocks blocks counted
   * @param distinctBlocks distinct blocks
   * @param blocksByShape blocks per shape
   * @param minBits the least BDM of a matrix of the size
   * @param maxBits the largest BDM of a matrix of the size
   */
  public record Report(String file, int rows, int cols, double bdmBits, double normalizedBdm, String table,
      int alphabet, String block, String blockKind, String boundary, String quantization, long blocks,
      long distinctBlocks, Map<String, Long> blocksByShape, double minBits, double maxBits) {}

  /**
   * BDM of a matrix.
   *
   * @param file the matrix's source, for the report
   * @param cells the matrix, rows of equal length
   * @return the report
   * @throws IllegalArgumentException if the cells are not symbols under {@link Quantization#NONE}, or the
   *     matrix is smaller than a block
   */
  public Report value(String file, double[][] cells) {
    int b = bdm.alphabet();
    boolean asIs = quantization.keepsSymbols(cells, b);
    SymbolMatrix x;
    try {
      x = quantization.symbols(cells, b);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " " + e.getMessage(), e);
    }
    BdmResult r = bdm.value(x);
    return new Report(file, x.rows(), x.cols(), r.bits(), r.normalized(), r.table(), r.alphabet(), r.blockShape(),
        bdm.shape().twoDimensional() ? "2D" : "1D over the row-major sequence",
        r.boundary().name().toLowerCase(Locale.ROOT), asIs ? "none (cells are symbols)" : "quantiles", r.blocks(),
        r.distinctBlocks(), r.blocksByShape(), r.minBits(), r.maxBits());
  }
}
