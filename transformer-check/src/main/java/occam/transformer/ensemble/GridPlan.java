package occam.transformer.ensemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import occam.transformer.records.TrainingConfig;

/**
 * What a {@link GridTraining} will train, checked before anything is trained: the grid's runs, the
 * ensembles of the runs still to do (finished folders left out), and the steps their checkpoints hold.
 *
 * @param runs every run of the grid, in grid order
 * @param ensembles the runs to train, grouped into compatible ensembles ({@link EnsemblePlan})
 * @param startSteps model·steps the ensembles' members resume from (0 for a fresh grid)
 */
public record GridPlan(List<TrainingConfig> runs, List<List<TrainingConfig>> ensembles, long startSteps) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a planned run is not in the grid, or startSteps &lt; 0
   */
  public GridPlan {
    runs = List.copyOf(runs);
    List<List<TrainingConfig>> copy = new ArrayList<>();
    for (List<TrainingConfig> e : ensembles) {
      for (TrainingConfig c : e) {
        if (!runs.contains(c)) {
          throw new IllegalArgumentException("ensemble member " + c + " is not a run of the grid");
        }
      }
      copy.add(List.copyOf(e));
    }
    ensembles = List.copyOf(copy);
    if (startSteps < 0) {
      throw new IllegalArgumentException("startSteps = " + startSteps + " is not allowed: it must be >= 0");
    }
  }

  /** @return the members of all ensembles: the runs trained now */
  public int members() {
    return ensembles.stream().mapToInt(List::size).sum();
  }

  /** @return the steps of the runs trained now, counted from step 0 (with {@link #startSteps()} done already) */
  public long steps() {
    return ensembles.stream().flatMap(List::stream).mapToLong(TrainingConfig::steps).sum();
  }

  /** @return each run's 1-based position in the grid, for lines such as {@code [3/12]} */
  public Map<TrainingConfig, Integer> positions() {
    Map<TrainingConfig, Integer> at = new HashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      at.putIfAbsent(runs.get(i), i + 1);
    }
    return at;
  }
}
