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
  /**
   * The transformer defaults (results/complexity/llc): ε = 1e-4, γ = 100, 4 chains × (1,000 burn-in +
   * 1,000 draws), batches of 64, seed 0. The SFM's γ = 1 does not localize a transformer: with n·β* ≈ 158
   * (n = 1,105) and ~55k weights the chains climb to chance-level loss and diverge within 2,000–3,000
   * steps at both t_mem and the end of the quick grok run; γ = 100 holds them near w* (relaxation
   * 2/(εγ) = 200 steps, so 1,000 burn-in steps are five of them) and counts the directions of curvature
   * h ≳ γ/(n·β*) ≈ 0.6 per sample. λ̂ is therefore the LLC at that resolution, as in devinterp practice.
   */
  public static final SgldSettings DEFAULT_SETTINGS = new SgldSettings(1e-4, 100, 4, 1000, 1000, 64, 0);

  private TransformerLlc() {}

  /**
   * Settings for a training set of n samples: a batch larger than n becomes the full batch (what a
   * default batch means on a run smaller than it); anything else is kept.
   *
   * @param settings the settings
   * @param n the training set size
   * @return the settings, full-batch where the batch exceeds n
   */
  public static SgldSettings fitted(SgldSettings settings, int n) {
    return settings.batchSize() <= n ? settings
        : new SgldSettings(settings.stepSize(), settings.localization(), settings.chains(), settings.burnIn(),
            settings.draws(), 0, settings.seed());
  }

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
