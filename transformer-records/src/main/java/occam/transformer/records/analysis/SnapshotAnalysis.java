package occam.transformer.records.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every measure's result on the snapshot of one step.
 *
 * @param step the snapshot's step
 * @param measures measure name → result, in the order the measures were registered
 */
public record SnapshotAnalysis(int step, Map<String, Measured> measures) {

  /** Copies the map. */
  public SnapshotAnalysis {
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /**
   * One measure's result.
   *
   * @param measure its name
   * @return the result, empty when that measure was not registered
   */
  public Optional<Measured> get(String measure) {
    return Optional.ofNullable(measures.get(measure));
  }
}
