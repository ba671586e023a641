package occam.transformer.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import occam.transformer.Snapshot;
import occam.transformer.llc.SnapshotWeights;
import occam.transformer.llc.TransformerLlc;
import occam.transformer.records.analysis.Measured;

/**
 * The local learning coefficient λ̂ of a snapshot by localized SGLD ({@link TransformerLlc}) with its
 * diagnostics: numbers {@code lambda}, {@code standard_error} (chain spread / √C), {@code r_hat}
 * (Gelman–Rubin of the loss traces), {@code drift_z} (second-half minus first-half λ̂ over its standard
 * error), {@code diverged} (1 when a chain blew up; λ̂ is then NaN) and {@code loss_at_center}. Costly:
 * chains × (burn-in + draws) forward and backward passes, so by default at the Table 1 checkpoints only.
 */
public final class LlcMeasure implements SnapshotMeasure {
  private final SgldSettings settings;
  private final boolean everySnapshot;

  /** {@link TransformerLlc#DEFAULT_SETTINGS} (those of {@code occam llc}) at the Table 1 checkpoints. */
  public LlcMeasure() {
    this(TransformerLlc.DEFAULT_SETTINGS, false);
  }

  /**
   * The measure with chosen settings.
   *
   * @param settings the SGLD settings
   * @param everySnapshot true for every snapshot, false for the Table 1 checkpoints only
   */
  public LlcMeasure(SgldSettings settings, boolean everySnapshot) {
    this.settings = settings;
    this.everySnapshot = everySnapshot;
  }

  @Override
  public String name() {
    return "llc";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "local learning coefficient by localized SGLD (eps %s, gamma %s, %d chains x"
        + " (%d burn-in + %d draws), batch %d, seed %d)", settings.stepSize(), settings.localization(), settings.chains(),
        settings.burnIn(), settings.draws(), settings.batchSize(), settings.seed());
  }

  @Override
  public boolean everySnapshot() {
    return everySnapshot;
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    SgldSettings s = TransformerLlc.fitted(settings, snapshot.config().split().trainSize());
    LlcEstimate e = TransformerLlc.at(SnapshotWeights.of(snapshot), snapshot.step(), s, SgldListener.NONE);
    Map<String, Double> n = new LinkedHashMap<>();
    n.put("lambda", e.lambda());
    n.put("standard_error", e.diagnostics().standardError());
    n.put("r_hat", e.diagnostics().rHat());
    n.put("drift_z", e.diagnostics().driftZ());
    n.put("diverged", e.diverged() ? 1.0 : 0.0);
    n.put("loss_at_center", e.lossAtCenter());
    String cell = e.diverged() ? "diverged" : String.format(Locale.ROOT, "%.1f", e.lambda());
    return new Measured(cell, n, null);
  }
}
