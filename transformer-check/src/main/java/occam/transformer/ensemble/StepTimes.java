package occam.transformer.ensemble;

/**
 * Wall-clock seconds of the parts of one ensemble step.
 *
 * @param forward the training forward pass and the loss gradient at the logits
 * @param backward autograd's backward pass
 * @param optimizer the AdamW update of all members
 */
public record StepTimes(double forward, double backward, double optimizer) {
  /** No time. */
  public static final StepTimes ZERO = new StepTimes(0, 0, 0);

  /** @return this plus other, part by part */
  public StepTimes plus(StepTimes other) {
    return new StepTimes(forward + other.forward, backward + other.backward, optimizer + other.optimizer);
  }

  /** @return the sum of the parts */
  public double total() {
    return forward + backward + optimizer;
  }
}
