package occam.transformer.records.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import occam.transformer.records.TrainingConfig;

/**
 * What {@code occam analyze} measured on one run: every registered measure on every snapshot, and the
 * checkpoints that fill the paper's Table 1.
 *
 * @param run the run folder, as given
 * @param config the run's configuration (from its snapshots)
 * @param checkpoints the Table 1 rows
 * @param snapshots every snapshot's measures, steps ascending
 * @param measures measure name → one line on what it measures, in registration order
 */
public record RunAnalysisResult(String run, TrainingConfig config, List<AnalysisCheckpoint> checkpoints,
    List<SnapshotAnalysis> snapshots, Map<String, String> measures) {

  /** Copies the lists and the map. */
  public RunAnalysisResult {
    checkpoints = List.copyOf(checkpoints);
    snapshots = List.copyOf(snapshots);
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /**
   * The measures of one step.
   *
   * @param step a snapshot's step
   * @return its measures, empty if the step was not analyzed
   */
  public Optional<SnapshotAnalysis> at(int step) {
    return snapshots.stream().filter(s -> s.step() == step).findFirst();
  }
}
