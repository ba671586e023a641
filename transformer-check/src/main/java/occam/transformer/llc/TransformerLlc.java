package occam.transformer.llc;

import occam.theory.llc.LlcEstimate;
import occam.theory.llc.LocalLearningCoefficient;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import occam.transformer.Djl;

/**
 * The local learning coefficient of a trained transformer at one step of a {@link WeightsSource}:
 * localized SGLD ({@link LocalLearningCoefficient}) on the run's training loss ({@link TransformerLoss})
 * from the saved weights, n = the training set size. Costs chains × (burn-in + draws) forward and
 * backward passes over the batch.
 */
public final class TransformerLlc {
  private TransformerLlc() {}

  /**
   * Estimates λ at a step.
   *
   * @param source the run's weights
   * @param step one of the source's steps
   * @param settings the SGLD settings
   * @param listener told of every SGLD step (progress, ETA)
   * @return the estimate
   * @throws IllegalArgumentException if the source has no weights at that step or they do not fit the
   *     run's architecture, or the settings do not fit the loss (a batch larger than n)
   */
  public static LlcEstimate at(WeightsSource source, int step, SgldSettings settings, SgldListener listener) {
    Weights weights = source.at(step);
    try (TransformerLoss loss = TransformerLoss.of(source.config(), Djl.engine(), Djl.device())) {
      double[] w = loss.coordinates(weights);
      return LocalLearningCoefficient.estimate(loss, w, loss.samples(), settings, listener);
    }
  }
}
