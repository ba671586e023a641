package occam.transformer.records.analysis;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * One row of the paper's Table 1: a role in training, the snapshot step that stands for it (empty when
 * the run never reached it) and how that step was found.
 *
 * @param role initialization, memorization, emergence, generalization, or a step the user chose
 * @param step the snapshot's step, empty when the role was not reached
 * @param basis how the step was found, e.g. {@code t_mem = 77}
 */
public record AnalysisCheckpoint(Role role, OptionalInt step, String basis) {
  /** The paper's four checkpoints (seed 004, Table 1), and steps given with {@code --checkpoints}. */
  public enum Role {
    /** Step 0, before any update. */
    INITIALIZATION,
    /** t_mem: train accuracy first reaches the threshold. */
    MEMORIZATION,
    /** Between memorization and generalization: test accuracy half-way. */
    EMERGENCE,
    /** t_grok, or the last step of a run that did not grok. */
    GENERALIZATION,
    /** A step given on the command line. */
    CHOSEN;

    /** @return the lower-case label */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException if the role, step or basis is null
   */
  public AnalysisCheckpoint {
    if (role == null || step == null || basis == null) {
      throw new IllegalArgumentException("a checkpoint needs a role, a step (empty when not reached) and a basis");
    }
  }
}
