package occam.transformer.ensemble;

/**
 * Mean cross-entropy and accuracy of each member on its own set of cells, from one forward pass.
 *
 * @param loss loss per member (float64, as {@code CrossEntropy.value})
 * @param accuracy fraction of cells whose arg-max logit is the label, per member
 */
public record MemberScores(double[] loss, double[] accuracy) {

  /**
   * Validates the scores.
   *
   * @throws IllegalArgumentException if the two arrays differ in length
   */
  public MemberScores {
    if (loss.length != accuracy.length) {
      throw new IllegalArgumentException(
          loss.length + " losses and " + accuracy.length + " accuracies: one of each per member");
    }
  }

  /** @return K, the number of members */
  public int members() {
    return loss.length;
  }
}
