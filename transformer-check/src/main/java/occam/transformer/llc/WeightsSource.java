package occam.transformer.llc;

import java.util.List;
import occam.transformer.records.TrainingConfig;

/**
 * Where a run's weights come from: its configuration and the steps it holds weights for. The final
 * checkpoint is one source ({@link CheckpointWeights}); the snapshots of a run are another, to come.
 */
public interface WeightsSource {

  /** @return the run's configuration (task, split, architecture) */
  TrainingConfig config();

  /** @return the steps with weights, ascending */
  List<Integer> steps();

  /**
   * The weights at a step.
   *
   * @param step one of {@link #steps()}
   * @return the weights
   * @throws IllegalArgumentException if the source has no weights at that step
   */
  Weights at(int step);
}
