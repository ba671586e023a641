package occam.complexity;

/**
 * Shape of a BDM block: 1D (a run of {@code cols} symbols, label "12") or 2D ({@code rows × cols},
 * label "4x4"), as the CTM tables name their shapes.
 *
 * @param rows rows (1 for a 1D shape)
 * @param cols columns (the length of a 1D shape)
 * @param twoDimensional whether the block is a 2D array
 */
public record BlockShape(int rows, int cols, boolean twoDimensional) {

  /**
   * Validates the shape.
   *
   * @throws IllegalArgumentException if a side is below 1, or a 1D shape has rows ≠ 1
   */
  public BlockShape {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "block shape " + rows + "x" + cols + " is not allowed: sides must be at least 1");
    }
    if (!twoDimensional && rows != 1) {
      throw new IllegalArgumentException("a 1D block shape has one row, not " + rows);
    }
  }

  /**
   * A 1D shape.
   *
   * @param length block length, at least 1
   * @return the shape
   */
  public static BlockShape ofLength(int length) {
    return new BlockShape(1, length, false);
  }

  /**
   * A 2D shape.
   *
   * @param rows rows, at least 1
   * @param cols columns, at least 1
   * @return the shape
   */
  public static BlockShape of(int rows, int cols) {
    return new BlockShape(rows, cols, true);
  }

  /**
   * Parses a label: "12" (1D) or "4x4" (2D).
   *
   * @param label the label
   * @return the shape
   * @throws IllegalArgumentException if the label is neither form
   */
  public static BlockShape parse(String label) {
    String s = label.trim();
    try {
      int x = s.indexOf('x');
      if (x < 0) {
        return ofLength(Integer.parseInt(s));
      }
      return of(Integer.parseInt(s.substring(0, x)), Integer.parseInt(s.substring(x + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "block shape '" + label + "' is not allowed: use a length like 12 or RxC like 4x4");
    }
  }

  /**
   * Number of cells.
   *
   * @return rows·cols
   */
  public int cells() {
    return rows * cols;
  }

  /**
   * The label used by the tables: "12" or "4x4".
   *
   * @return the label
   */
  public String label() {
    return twoDimensional ? rows + "x" + cols : Integer.toString(cols);
  }

  @Override
  public String toString() {
    return label();
  }
}
