package occam.transformer.analysis;

import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;

/**
 * A measurement of one saved snapshot for {@code occam analyze}: a name (the key of its section in
 * {@code analysis.md}/{@code analysis.json} and, for {@link occam.transformer.records.analysis.Table1Column}
 * names, the Table 1 column it fills), one line on what it measures, and a pure function of the
 * snapshot. {@link RunAnalysis} calls every registered measure on every snapshot.
 */
public interface SnapshotMeasure {
  /** @return the measure's name, e.g. {@code embedding} */
  String name();

  /** @return one line on what it measures and how */
  String description();

  /**
   * Measures a snapshot. Must not change it.
   *
   * @param snapshot the weights at one step, with the run's configuration
   * @return the Table 1 cell, the numbers for the curves and any details
   */
  Measured measure(Snapshot snapshot);

  /**
   * Whether to measure every snapshot (the curves) or only the checkpoints of Table 1 (for costly
   * measures, e.g. CMA over many input pairs).
   *
   * @return true by default
   */
  default boolean everySnapshot() {
    return true;
  }
}
