package occam.transformer.records;

/**
 * The spectral edge of a run at a log step ({@code occam.transformer.SpectralEdge}): the top right
 * singular vector e of the last K parameter updates stacked as a K × P matrix, and where it points.
 *
 * @param gradient |cos(e, g)| with g the training loss's gradient at θ_s (the learning axis)
 * @param decay |cos(e, −θ_s)| (the weight-decay, compression axis)
 * @param share σ₁² / Σσ_i² of the update matrix: how much of the recent motion lies along e
 * @param gradientDecay cos(−g, −θ_s), signed: whether the loss gradient itself pulls toward the origin
 */
public record EdgeAlignment(double gradient, double decay, double share, double gradientDecay) {
  /** Not measured: all NaN (the edge is off, or its window is not full yet). */
  public static final EdgeAlignment NONE = new EdgeAlignment(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** @return whether this is {@link #NONE} (all NaN) */
  public boolean isNone() {
    return Double.isNaN(gradient) && Double.isNaN(decay) && Double.isNaN(share) && Double.isNaN(gradientDecay);
  }
}
