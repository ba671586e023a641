package occam.complexity;

import java.util.Arrays;

/**
 * A rows × cols matrix of small symbols 0..9, row-major; the input of BDM. A 1D sequence is a 1 × n
 * matrix.
 *
 * @param rows number of rows, at least 1
 * @param cols number of columns, at least 1
 * @param symbols rows·cols symbols, row-major (copied)
 */
public record SymbolMatrix(int rows, int cols, byte[] symbols) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a side is below 1, the length is not rows·cols, or a symbol is
   *     outside 0..9
   */
  public SymbolMatrix {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "matrix " + rows + "x" + cols + " is not allowed: sides must be at least 1");
    }
    if (symbols.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          symbols.length + " symbols do not fill a " + rows + "x" + cols + " matrix");
    }
    symbols = symbols.clone();
    for (byte s : symbols) {
      if (s < 0 || s > 9) {
        throw new IllegalArgumentException("symbol " + s + " is not allowed: symbols are 0..9");
      }
    }
  }

  /**
   * A matrix from rows of symbols.
   *
   * @param rows rectangular rows of symbols 0..9
   * @return the matrix
   * @throws IllegalArgumentException if the rows are empty or ragged, or a symbol is out of range
   */
  public static SymbolMatrix of(int[][] rows) {
    if (rows.length == 0 || rows[0].length == 0) {
      throw new IllegalArgumentException("an empty matrix is not allowed");
    }
    int cols = rows[0].length;
    byte[] s = new byte[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + (r + 1) + " has " + rows[r].length + " cells, row 1 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        int v = rows[r][c];
        if (v < 0 || v > 9) {
          throw new IllegalArgumentException("symbol " + v + " is not allowed: symbols are 0..9");
        }
        s[r * cols + c] = (byte) v;
      }
    }
    return new SymbolMatrix(rows.length, cols, s);
  }

  /**
   * A 1 × n sequence from a digit string such as "0010".
   *
   * @param digits the symbols
   * @return the sequence
   * @throws IllegalArgumentException if empty or a character is not a digit
   */
  public static SymbolMatrix ofDigits(String digits) {
    byte[] s = new byte[digits.length()];
    for (int i = 0; i < s.length; i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("'" + digits.charAt(i) + "' is not a symbol 0..9");
      }
      s[i] = (byte) d;
    }
    return new SymbolMatrix(1, s.length, s);
  }

  /**
   * Symbol at (r, c).
   *
   * @param r row
   * @param c column
   * @return the symbol
   */
  public int get(int r, int c) {
    return symbols[r * cols + c];
  }

  /**
   * Largest symbol present.
   *
   * @return the maximum symbol
   */
  public int maxSymbol() {
    int max = 0;
    for (byte s : symbols) {
      max = Math.max(max, s);
    }
    return max;
  }

  @Override
  public byte[] symbols() {
    return symbols.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymbolMatrix m
        && m.rows == rows
        && m.cols == cols
        && Arrays.equals(m.symbols, symbols);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(symbols);
  }

  @Override
  public String toString() {
    return "SymbolMatrix[" + rows + "x" + cols + "]";
  }
}
