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
public final class CrossEntropy {
  /** Precision of the loss and of its gradient. */
  public static final DataType TYPE = DataType.FLOAT64;

  private CrossEntropy() {}

  /**
   * The mean loss L (a value: no gradient is taken through it).
   *
   * @param logits (B, p), any float type
   * @param oneHot (B, p) in {@link #TYPE}
   * @return a float64 scalar
   */
  static NDArray value(NDArray logits, NDArray oneHot) {
    return logLikelihood(logits, oneHot).mean().neg();
  }

  /**
   * Per-row log-likelihood Σ_c y_c·log softmax(z)_c in {@link #TYPE}, over the last axis (also for
   * an ensemble's (K, B, p) logits).
   *
   * @param logits (…, p), any float type
   * @param oneHot (…, p) in {@link #TYPE}
   * @return (…) in {@link #TYPE}
   */
  public static NDArray logLikelihood(NDArray logits, NDArray oneHot) {
    int last = logits.getShape().dimension() - 1;
    return logits.toType(TYPE, false).logSoftmax(last).mul(oneHot).sum(new int[] {last});
  }

  /**
   * softmax(z) − y in {@link #TYPE} over the last axis, detached: the loss gradient before the mean's 1/B.
   *
   * @param logits (…, p) float32 logits
   * @param oneHot (…, p) in {@link #TYPE}
   * @return (…, p) in {@link #TYPE}
   */
  public static NDArray residual(NDArray logits, NDArray oneHot) {
    int last = logits.getShape().dimension() - 1;
    return logits.stopGradient().toType(TYPE, false).softmax(last).sub(oneHot);
  }

  /**
   * ∂L/∂z = (softmax(z) − y)/B in float64, rounded to float32.
   *
   * @param logits (B, p) float32 logits
   * @param oneHot (B, p) in {@link #TYPE}
   * @return (B, p) float32, detached from the graph
   */
  public static NDArray gradient(NDArray logits, NDArray oneHot) {
    return residual(logits, oneHot).div(logits.getShape().get(0)).toType(DataType.FLOAT32, false);
  }
}
