package occam.transformer.llc;

import static occam.transformer.records.Settings.CHECKPOINT_EVERY;
import static occam.transformer.records.Settings.D_MLP;
import static occam.transformer.records.Settings.D_MODEL;
import static occam.transformer.records.Settings.FRAC;
import static occam.transformer.records.Settings.HEADS;
import static occam.transformer.records.Settings.LOG_EVERY;
import static occam.transformer.records.Settings.LR;
import static occam.transformer.records.Settings.P;
import static occam.transformer.records.Settings.SEED;
import static occam.transformer.records.Settings.STEPS;
import static occam.transformer.records.Settings.WEIGHT_DECAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import occam.transformer.Djl;
import occam.transformer.TrainingRun;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer's training loss as an LLC target: its value, its gradient, and the estimate from a checkpoint. */
class TransformerLlcTest {
  private static TrainingConfig tiny(int steps) {
    return TrainingConfig.builder().set(P, 5).set(FRAC, 0.6).set(SEED, 3L).set(D_MODEL, 8).set(HEADS, 2)
        .set(D_MLP, 16).set(LR, 1e-2).set(WEIGHT_DECAY, 1.0).set(STEPS, steps).set(LOG_EVERY, 2)
        .set(CHECKPOINT_EVERY, 4).build();
  }

  /** The loss at the checkpoint is the run's final training loss; the gradient matches central differences. */
  @Test
  void lossAndGradientOfTheCheckpoint(@TempDir Path tmp) throws java.io.IOException {
    TrainingSummary s = TrainingRun.of(tiny(8)).output(tmp).run();
    CheckpointWeights source = CheckpointWeights.of(tmp);
    assertEquals(java.util.List.of(8), source.steps());
    try (TransformerLoss loss = TransformerLoss.of(source.config(), Djl.engine(), Djl.device())) {
      double[] w = loss.coordinates(source.at(8));
      double[] g = new double[w.length];
      double value = loss.valueAndGradient(w, g);
      assertEquals(s.finalMetrics().trainLoss(), value, 1e-6 * Math.max(1, value));
      assertEquals(value, loss.value(w), 1e-12 * Math.max(1, value)); // the forward-only path agrees
      // float32 model: central differences with h = 1e-2 on the largest gradient entries
      int[] order = java.util.stream.IntStream.range(0, w.length).boxed()
          .sorted((a, b) -> Double.compare(Math.abs(g[b]), Math.abs(g[a]))).mapToInt(Integer::intValue).limit(5).toArray();
      for (int j : order) {
        double h = 1e-2;
        double[] up = w.clone();
        double[] down = w.clone();
        up[j] += h;
        down[j] -= h;
        double fd = (loss.value(up) - loss.value(down)) / (2 * h);
        assertEquals(fd, g[j], 0.02 * Math.abs(fd) + 1e-4, "coordinate " + j);
      }
    }
  }

  @Test
  void estimateIsDeterministicAndPositive(@TempDir Path tmp) throws java.io.IOException {
    TrainingRun.of(tiny(40)).output(tmp).run();
    CheckpointWeights source = CheckpointWeights.of(tmp);
    SgldSettings settings = new SgldSettings(1e-5, 1, 2, 20, 30, 0, 4);
    LlcEstimate a = TransformerLlc.at(source, 40, settings, SgldListener.NONE);
    LlcEstimate b = TransformerLlc.at(source, 40, settings, SgldListener.NONE);
    assertFalse(a.diverged());
    assertTrue(a.lambda() > 0, "λ̂ = " + a.lambda());
    assertEquals(a.lambda(), b.lambda());
    assertArrayEquals(a.losses()[1], b.losses()[1]);
    assertThrows(IllegalArgumentException.class, () -> TransformerLlc.at(source, 39, settings, SgldListener.NONE));
    assertThrows(IllegalArgumentException.class, () -> CheckpointWeights.of(tmp.resolve("missing")));
  }

  /** Snapshots are an LLC source: the analyze measure and {@code occam llc --step} agree on a snapshot. */
  @Test
  void snapshotsAreASourceAndTheMeasureAgrees(@TempDir Path tmp) throws java.io.IOException {
    TrainingConfig config = TrainingConfig.builder().set(P, 5).set(FRAC, 0.6).set(SEED, 3L).set(D_MODEL, 8)
        .set(HEADS, 2).set(D_MLP, 16).set(LR, 1e-2).set(WEIGHT_DECAY, 1.0).set(STEPS, 20).set(LOG_EVERY, 5)
        .set(CHECKPOINT_EVERY, 20).set(occam.transformer.records.Settings.SNAPSHOTS,
            occam.transformer.records.SnapshotSchedule.parse("0,10,20")).build();
    TrainingRun.of(config).output(tmp).run();
    SnapshotWeights source = SnapshotWeights.of(tmp);
    assertEquals(java.util.List.copyOf(occam.transformer.Snapshots.steps(tmp)), source.steps());
    assertTrue(source.steps().containsAll(java.util.List.of(0, 10, 20)), source.steps().toString());
    assertThrows(IllegalArgumentException.class, () -> source.at(7));
    assertThrows(IllegalArgumentException.class, () -> SnapshotWeights.of(tmp.resolve("missing")));
    SgldSettings settings = new SgldSettings(1e-5, 1, 2, 10, 20, 4, 1);
    LlcEstimate direct = TransformerLlc.at(source, 10, settings, SgldListener.NONE);
    occam.transformer.records.analysis.Measured m = new occam.transformer.analysis.LlcMeasure(settings, true)
        .measure(occam.transformer.Snapshots.read(tmp, 10));
    assertEquals(direct.lambda(), m.number("lambda"));
    assertEquals(direct.diagnostics().rHat(), m.number("r_hat"));
    assertEquals(0, m.number("diverged"));
  }
}
