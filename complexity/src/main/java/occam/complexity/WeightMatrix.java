package occam.complexity;

/**
 * One parameter group of a network as a real rows × cols matrix, row-major (a vector is 1 × n).
 *
 * @param name the parameter's name (for reports)
 * @param rows rows, at least 1
 * @param cols columns, at least 1
 * @param values rows·cols finite values, row-major (copied)
 */
public record WeightMatrix(String name, int rows, int cols, double[] values) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a side is below 1, the length is not rows·cols, or a value is
   *     not finite
   */
  public WeightMatrix {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          name + ": shape " + rows + "x" + cols + " is not allowed: sides must be at least 1");
    }
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          name + ": " + values.length + " values do not fill " + rows + "x" + cols);
    }
    values = values.clone();
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(name + ": value " + v + " is not finite");
      }
    }
  }

  /**
   * Value at (r, c).
   *
   * @param r row
   * @param c column
   * @return the value
   */
  public double get(int r, int c) {
    return values[r * cols + c];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * Number of parameters.
   *
   * @return rows·cols
   */
  public int size() {
    return rows * cols;
  }
}
