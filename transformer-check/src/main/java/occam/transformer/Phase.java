package occam.transformer;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How a run ended, with SPEC §3's rules on the memorization step t_mem (first step with train
 * accuracy ≥ threshold) and the grokking step t_gen (first step with train and test accuracy ≥
 * threshold).
 */
public enum Phase {
  /** Generalized without a delay: t_gen ≤ 2·t_mem or t_gen − t_mem &lt; 10. */
  COMPREHENSION,
  /** Generalized, later than comprehension allows. */
  GROKKING,
  /** Fitted the training set but not the test set within the budget. */
  MEMORIZATION,
  /** Never fitted the training set. */
  CONFUSION,
  /** The loss became non-finite. */
  DIVERGED;

  /** Lag below which generalization counts as immediate (SPEC §3). */
  public static final int MIN_LAG = 10;

  /**
   * Classifies a run.
   *
   * @param memorization t_mem, empty if never reached
   * @param grokking t_gen, empty if never reached
   * @param diverged whether the loss became non-finite
   * @return the phase
   */
  public static Phase classify(OptionalInt memorization, OptionalInt grokking, boolean diverged) {
    if (diverged) {
      return DIVERGED;
    }
    if (grokking.isPresent()) {
      int mem = memorization.orElse(grokking.getAsInt());
      int gen = grokking.getAsInt();
      return gen <= 2L * mem || gen - mem < MIN_LAG ? COMPREHENSION : GROKKING;
    }
    return memorization.isPresent() ? MEMORIZATION : CONFUSION;
  }

  /** @return the lower-case name used in JSON */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
