package occam.transformer;

import occam.fourier.SpectralConcentration;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Effective rank of a matrix (Roy &amp; Vetterli 2007): exp(H) with H = −Σ q_i ln q_i the entropy of
 * the normalized singular values q_i = s_i / Σ s_j. 1 for rank one, min(rows, cols) for equal
 * singular values; NaN for the zero matrix. The entropy is {@link SpectralConcentration}'s, applied
 * to the singular values s (not s²).
 */
public final class EffectiveRank {
  private EffectiveRank() {}

  /**
   * Effective rank of a row-major matrix.
   *
   * @param data values, row-major
   * @param rows number of rows ≥ 1
   * @param cols number of columns ≥ 1
   * @return exp(H) in [1, min(rows, cols)], or NaN for the zero matrix or one with a non-finite
   *     entry (a diverged model)
   * @throws IllegalArgumentException if data.length ≠ rows·cols or a size is &lt; 1
   */
  public static double value(float[] data, int rows, int cols) {
    if (rows < 1 || cols < 1 || (long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
    }
    double[][] a = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        a[r][c] = data[r * cols + c];
        if (!Float.isFinite(data[r * cols + c])) {
          return Double.NaN;
        }
      }
    }
    double[] singular = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSingularValues();
    return SpectralConcentration.of(singular).effectiveRank();
  }

  /**
   * Effective rank of a matrix tensor.
   *
   * @param tensor a tensor with two dimensions
   * @return exp(H)
   * @throws IllegalArgumentException if the tensor is not a matrix
   */
  public static double value(NamedTensor tensor) {
    if (!tensor.isMatrix()) {
      throw new IllegalArgumentException("tensor " + tensor.name() + " is not a matrix");
    }
    return value(tensor.data(), tensor.shape()[0], tensor.shape()[1]);
  }
}
