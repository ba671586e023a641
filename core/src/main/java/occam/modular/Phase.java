package occam.modular;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a run did (SPEC §3), from t_mem (first t with train accuracy ≥ thr) and t_gen (first t with
 * train and test accuracy ≥ thr). One rule for both legs: the simulator's iterations and the
 * transformer's optimizer steps.
 */
public enum Phase {
  /** Generalizes with memorization: t_gen ≤ 2·t_mem or t_gen − t_mem &lt; 10. */
  COMPREHENSION,
  /** Generalizes later than that: delayed generalization. */
  GROKKING,
  /** Fits the training set; never generalizes within the budget. */
  MEMORIZATION,
  /** Never reaches the training accuracy threshold. */
  CONFUSION,
  /** Non-finite values or runaway loss. */
  DIVERGED;

  /** Lag below which generalization counts as simultaneous with memorization, in iterations. */
  public static final int MIN_GROKKING_LAG = 10;

  /**
   * Classifies a finished run.
   *
   * @param diverged whether the run diverged
   * @param tMem first memorization iteration, if any
   * @param tGen first generalization iteration, if any
   * @return the phase
   */
  public static Phase classify(boolean diverged, OptionalInt tMem, OptionalInt tGen) {
    if (diverged) {
      return DIVERGED;
    }
    if (tMem.isEmpty()) {
      return CONFUSION;
    }
    if (tGen.isEmpty()) {
      return MEMORIZATION;
    }
    int mem = tMem.getAsInt();
    int gen = tGen.getAsInt();
    return gen <= 2 * mem || gen - mem < MIN_GROKKING_LAG ? COMPREHENSION : GROKKING;
  }

  /**
   * The majority phase of runs over seeds (SPEC §3's table rule): the phase most runs ended in, ties
   * going to the phase listed first in this enum.
   *
   * @param phases one phase per run
   * @return the majority phase
   * @throws IllegalArgumentException if there are no phases or one is null
   */
  public static Phase majority(java.util.Collection<Phase> phases) {
    if (phases == null || phases.isEmpty()) {
      throw new IllegalArgumentException("a majority phase needs at least one run");
    }
    int[] votes = new int[values().length];
    for (Phase ph : phases) {
      if (ph == null) {
        throw new IllegalArgumentException("a run's phase must be given");
      }
      votes[ph.ordinal()]++;
    }
    Phase best = null;
    for (Phase ph : values()) {
      if (votes[ph.ordinal()] > 0 && (best == null || votes[ph.ordinal()] > votes[best.ordinal()])) {
        best = ph;
      }
    }
    return best;
  }

  /** @return true for comprehension and grokking */
  public boolean generalizes() {
    return this == COMPREHENSION || this == GROKKING;
  }

  /** @return the lower-case name used in tables and JSON */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
