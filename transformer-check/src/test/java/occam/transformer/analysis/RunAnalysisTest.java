package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.StepProgress;
import occam.transformer.TrainingListener;
import occam.transformer.TrainingRun;
import occam.transformer.records.Settings;
import occam.transformer.records.SnapshotSchedule;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.AnalysisCheckpoint.Role;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.RunAnalysisResult;
import occam.transformer.records.analysis.Table1Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunAnalysis} on a run while it trains, and registered measures filling Table 1's slots. */
class RunAnalysisTest {
  private static TrainingConfig config() {
    return TrainingConfig.builder().set(Settings.P, 5).set(Settings.FRAC, 0.6).set(Settings.SEED, 3L)
        .set(Settings.D_MODEL, 8).set(Settings.HEADS, 2).set(Settings.D_MLP, 16).set(Settings.LR, 1e-2)
        .set(Settings.STEPS, 60).set(Settings.LOG_EVERY, 10).set(Settings.SNAPSHOTS, SnapshotSchedule.parse("6"))
        .build();
  }

  /** A stand-in for CMA, measured at the checkpoints only: its cell names the step. */
  private static final class FakeCma implements SnapshotMeasure {
    final List<Integer> seen = new ArrayList<>();

    @Override
    public String name() {
      return Table1Column.CMA.measure();
    }

    @Override
    public String description() {
      return "test stand-in";
    }

    @Override
    public Measured measure(Snapshot s) {
      seen.add(s.step());
      return new Measured("cma at " + s.step(), Map.of("share_layer0", 1.0), null);
    }

    @Override
    public boolean everySnapshot() {
      return false;
    }
  }

  @Test
  void aRunningRunIsAnalyzedFromTheSnapshotsItHasSoFar(@TempDir Path dir) throws IOException {
    List<RunAnalysisResult> during = new ArrayList<>();
    TrainingListener analyzeAt30 = new TrainingListener() {
      @Override
      public void onStep(StepProgress p) {
        if (p.step() == 30) {
          try {
            during.add(RunAnalysis.of(dir).run());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    };
    TrainingRun.of(config()).output(dir).listener(analyzeAt30).run();
    RunAnalysisResult mid = during.get(0);
    assertTrue(mid.snapshots().stream().allMatch(s -> s.step() <= 30), "only what was written by step 30");
    assertEquals(List.copyOf(Snapshots.steps(dir).headSet(31)), mid.snapshots().stream().map(s -> s.step()).toList());
    assertEquals(Role.GENERALIZATION, mid.checkpoints().get(3).role());
    RunAnalysisResult end = RunAnalysis.of(dir).run();
    assertEquals(Snapshots.steps(dir).size(), end.snapshots().size());
    assertEquals(config(), end.config());
  }

  @Test
  void aRegisteredMeasureFillsItsColumnAtTheCheckpointsOnly(@TempDir Path dir) throws IOException {
    TrainingRun.of(config()).output(dir).run();
    FakeCma cma = new FakeCma();
    RunAnalysisResult r = RunAnalysis.of(dir).measure(cma).run();
    List<Integer> rows = r.checkpoints().stream().filter(c -> c.step().isPresent()).map(c -> c.step().getAsInt())
        .distinct().toList();
    assertEquals(rows, cma.seen, "measured once per checkpoint snapshot, not at every snapshot");
    for (int step : rows) {
      assertEquals("cma at " + step, r.at(step).orElseThrow().get("cma").orElseThrow().cell());
    }
    assertFalse(r.snapshots().stream().allMatch(s -> s.get("cma").isPresent()), "not at the other snapshots");
    assertEquals(List.of("embedding", "spectrum", "bdm", "cma"), List.copyOf(r.measures().keySet()));
    assertThrows(IllegalArgumentException.class, () -> RunAnalysis.of(dir).measure(new EmbeddingGeometry()));
  }
}
