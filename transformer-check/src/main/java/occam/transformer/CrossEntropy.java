package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Mean cross-entropy of logits z (B rows, p classes) against one-hot labels y, and its gradient,
 * both evaluated in float64 from float32 logits (Nanda et al.'s {@code cross_entropy_high_precision}):
 *
 * <pre>
 *   L = −(1/B)·Σ_rows Σ_c y_c·log softmax(z)_c,      ∂L/∂z = (softmax(z) − y) / B
 * </pre>
 *
 * Why float64: once the training loss nears float32's resolution (~1e-7), softmax(z)_c − 1 computed
 * in float32 is rounding noise, which AdamW's normalized steps turn into loss spikes (seen at step
 * ~1,500 of the quick preset with a float32 loss). DJL cannot differentiate through a dtype cast, so
 * the training step backpropagates the surrogate Σ z ⊙ G, whose gradient with respect to z is G =
 * {@link #gradient}: the float64 loss's gradient rounded to float32, as a cast's backward pass gives.
 */
final class CrossEntropy {
  /** Precision of the loss and of its gradient. */
  static final DataType TYPE = DataType.FLOAT64;

  private CrossEntropy() {}

  /**
   * The mean loss L (a value: no gradient is taken through it).
   *
   * @param logits (B, p), any float type
   * @param oneHot (B, p) in {@link #TYPE}
   * @return a float64 scalar
   */
  static NDArray value(NDArray logits, NDArray oneHot) {
    return logits.toType(TYPE, false).logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
  }

  /**
   * ∂L/∂z = (softmax(z) − y)/B in float64, rounded to float32.
   *
   * @param logits (B, p) float32 logits
   * @param oneHot (B, p) in {@link #TYPE}
   * @return (B, p) float32, detached from the graph
   */
  static NDArray gradient(NDArray logits, NDArray oneHot) {
    NDArray z = logits.stopGradient().toType(TYPE, false);
    return z.softmax(1).sub(oneHot).div(z.getShape().get(0)).toType(DataType.FLOAT32, false);
  }
}
