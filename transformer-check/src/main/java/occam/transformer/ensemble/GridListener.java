package occam.transformer.ensemble;

import java.nio.file.Path;
import java.util.List;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * Observes a {@link GridTraining} without steering it: the grid-level events, plus every {@link
 * EnsembleListener} event of the ensembles trained in this process. A distributed runner, whose
 * ensembles train elsewhere, calls {@link #onMemberEnd} and {@link #onEnsembleEnd} on the driver as each
 * ensemble comes back, and no per-step events. Every method has an empty default.
 */
public interface GridListener extends EnsembleListener {
  /**
   * Called while planning, for each run whose folder holds a finished run of its steps (not retrained).
   *
   * @param run the run
   * @param position its 1-based position in the grid
   * @param runs the grid's size
   * @param folder its run folder
   */
  default void onSkipped(TrainingConfig run, int position, int runs, Path folder) {}

  /**
   * Called once before the first ensemble trains (not when nothing is left to train).
   *
   * @param plan the ensembles to train
   */
  default void onStart(GridPlan plan) {}

  /**
   * Called once per ensemble when all its members have ended, after their {@link #onMemberEnd}.
   *
   * @param summaries the members' summaries, in member order
   */
  default void onEnsembleEnd(List<TrainingSummary> summaries) {}

  /**
   * The model·steps an ensemble did in this session: each member's steps done past the step it resumed from.
   *
   * @param summaries the members' summaries
   * @return Σ (steps done − resumed-from step)
   */
  static long stepsTrained(List<TrainingSummary> summaries) {
    return summaries.stream().mapToLong(s -> s.stepsDone() - s.resumedFrom().orElse(0)).sum();
  }
}
