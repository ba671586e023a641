package occam.transformer.analysis;

import java.util.Locale;
import java.util.Map;
import occam.complexity.BdmPreset;
import occam.transformer.BdmComplexity;
import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.Table1Column;

/**
 * K_BDM of a snapshot's quantized weight matrices ({@link BdmComplexity} on {@link BdmPreset#DEFAULT},
 * the estimate {@code occam train --bdm} logs), number {@code bits}.
 */
public final class BdmMeasure implements SnapshotMeasure {
  private final BdmComplexity bdm = BdmComplexity.of(BdmPreset.DEFAULT);

  @Override
  public String name() {
    return Table1Column.BDM.measure();
  }

  @Override
  public String description() {
    return bdm.description();
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    double bits = bdm.bits(snapshot.parameters());
    return new Measured(String.format(Locale.ROOT, "%.0f", bits), Map.of("bits", bits), null);
  }
}
