package occam.transformer;

/**
 * Loss and accuracy of the model on a set of examples.
 *
 * @param loss mean cross-entropy in nats (NaN when not measured)
 * @param accuracy share of argmax predictions equal to the label (NaN when not measured)
 */
public record Scores(double loss, double accuracy) {
  /** Not measured. */
  public static final Scores NONE = new Scores(Double.NaN, Double.NaN);
}
