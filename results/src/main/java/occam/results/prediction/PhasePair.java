package occam.results.prediction;

import occam.modular.Phase;

/**
 * One (wd, frac) cell of a task's phase table seen by both legs: the transformer's majority phase and
 * median t_grok over seeds, and the SFM's on the same splits at the mapped β.
 *
 * @param wd weight decay
 * @param frac α
 * @param beta the SFM's β at this wd
 * @param transformer the transformer's majority phase
 * @param sfm the SFM's majority phase
 * @param transformerTime the transformer's median t_grok over the seeds that grokked, in steps (NaN: none)
 * @param sfmTime the SFM's median t_gen over the seeds that generalized, in iterations (NaN: none)
 */
public record PhasePair(double wd, double frac, double beta, Phase transformer, Phase sfm, double transformerTime,
    double sfmTime) {

  /**
   * Checks the phases.
   *
   * @throws IllegalArgumentException if a phase is missing
   */
  public PhasePair {
    if (transformer == null || sfm == null) {
      throw new IllegalArgumentException("a phase pair needs both phases");
    }
  }

  /** @return whether both legs are in the same phase */
  public boolean agrees() {
    return transformer == sfm;
  }

  /** @return whether both legs generalize (comprehension or grokking) and both have a median time */
  public boolean bothGeneralize() {
    return transformer.generalizes() && sfm.generalizes() && Double.isFinite(transformerTime) && Double.isFinite(sfmTime);
  }
}
