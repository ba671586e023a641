package occam.transformer;

/**
 * Effective rank of a matrix (Roy &amp; Vetterli 2007): exp(H) with H = −Σ q_i ln q_i the entropy of
 * the normalized singular values q_i = s_i / Σ s_j. 1 for rank one, min(rows, cols) for equal
 * singular values; NaN for the zero matrix. The entropy is {@code SpectralConcentration}'s, applied
 * to the singular values s (not s²): exp of {@link SpectralEntropy#value}.
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
    return Math.exp(SpectralEntropy.value(data, rows, cols));
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
