package occam.complexity;

import occam.io.EnumNames;

/** How the cells of a real matrix become symbols 0..b−1 for BDM. */
public enum Quantization {
  /** Integers 0..b−1 as they are, anything else by quantiles. */
  AUTO,
  /** Always by the matrix's own quantiles ({@link QuantileQuantizer}). */
  QUANTILES,
  /** Never: the cells must be integers 0..b−1. */
  NONE;

  /**
   * Parses a name.
   *
   * @param name auto, quantiles or none (any case)
   * @return the quantization
   * @throws IllegalArgumentException for any other name
   */
  public static Quantization parse(String name) {
    return EnumNames.parse(Quantization.class, name, "--quantize");
  }

  /**
   * The symbols of a matrix.
   *
   * @param cells the matrix, rows of equal length
   * @param b the alphabet size
   * @return the cells as they are when this quantization keeps symbols, otherwise by quantiles
   * @throws IllegalArgumentException for {@link #NONE} when a cell is not an integer 0..b−1
   */
  public SymbolMatrix symbols(double[][] cells, int b) {
    boolean symbols = areSymbols(cells, b);
    if (this == NONE && !symbols) {
      throw new IllegalArgumentException("has cells that are not integers 0.." + (b - 1) + " (--quantize none)");
    }
    return keepsSymbols(cells, b) ? asSymbols(cells) : quantized(cells, b);
  }

  /**
   * Whether the cells are taken as symbols as they are.
   *
   * @param cells the matrix
   * @param b the alphabet size
   * @return true for {@link #NONE}, and for {@link #AUTO} when every cell is an integer 0..b−1
   */
  public boolean keepsSymbols(double[][] cells, int b) {
    return this == NONE || (this == AUTO && areSymbols(cells, b));
  }

  private static boolean areSymbols(double[][] cells, int b) {
    for (double[] row : cells) {
      for (double v : row) {
        if (v != Math.rint(v) || v < 0 || v >= b) {
          return false;
        }
      }
    }
    return true;
  }

  private static SymbolMatrix asSymbols(double[][] cells) {
    int[][] s = new int[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      s[r] = new int[cells[r].length];
      for (int c = 0; c < s[r].length; c++) {
        s[r][c] = (int) cells[r][c];
      }
    }
    return SymbolMatrix.of(s);
  }

  private static SymbolMatrix quantized(double[][] cells, int b) {
    int cols = cells[0].length;
    double[] flat = new double[cells.length * cols];
    for (int r = 0; r < cells.length; r++) {
      System.arraycopy(cells[r], 0, flat, r * cols, cols);
    }
    return QuantileQuantizer.quantize(flat, cells.length, cols, b);
  }
}
