package occam.transformer.compression;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import occam.complexity.compression.LossBoundedSearch;
import occam.transformer.Djl;
import occam.transformer.NamedTensor;
import occam.transformer.Snapshot;
import occam.transformer.TrainingRun;
import occam.transformer.analysis.CompressionMeasure;
import occam.transformer.llc.CheckpointWeights;
import occam.transformer.llc.TransformerLoss;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import occam.transformer.records.analysis.Measured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed-002 compression complexity on a real (tiny) trained transformer: the loss bound, the curve, the MDL total. */
class TransformerCompressionTest {
  private static final CompressionGrid GRID =
      new CompressionGrid(LossBoundedSearch.logSpaced(1.0 / 256, 0.5, 5), new double[] {0.7, 0.95, 1});

  private static TrainingConfig tiny() {
    return TrainingConfig.builder().set(P, 7).set(FRAC, 0.6).set(SEED, 3L).set(D_MODEL, 8).set(HEADS, 2)
        .set(D_MLP, 16).set(LR, 1e-2).set(WEIGHT_DECAY, 1.0).set(STEPS, 30).set(LOG_EVERY, 10)
        .set(CHECKPOINT_EVERY, 30).build();
  }

  private static List<NamedTensor> trained(Path dir) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny()).output(dir).run();
    assertEquals(30, s.stepsDone());
    return CheckpointWeights.of(dir).at(30).tensors();
  }

  /** The winner's real training loss is within δ, the curve falls with δ, and coarse-graining beats raw bzip2. */
  @Test
  void searchRespectsTheLossBound(@TempDir Path tmp) throws IOException {
    List<NamedTensor> w = trained(tmp);
    double delta = 0.05;
    try (TransformerCompression c = TransformerCompression.of(tiny());
        TransformerLoss loss = TransformerLoss.of(tiny(), Djl.engine(), Djl.device())) {
      CompressionEstimate e = c.measure(w, delta, GRID);
      assertEquals(GRID.size(), e.outcome().points().size());
      double[] theta = loss.coordinates(new occam.transformer.llc.Weights(30, w));
      assertEquals(loss.value(theta), e.baseLoss(), 1e-12);
      LossBoundedSearch.Point best = e.best().orElseThrow();
      // the coarse-grained weights, evaluated afresh, are within δ of the model's loss
      double coarse = loss.value(TransformerCompression.flatten(best.result().coarseGrained()));
      assertEquals(best.loss(), coarse, 1e-12);
      assertTrue(coarse <= e.baseLoss() + delta, coarse + " > " + e.baseLoss() + " + " + delta);
      assertTrue(e.bits() < e.naiveBits(), e.bits() + " vs naive " + e.naiveBits());
      double previous = Double.POSITIVE_INFINITY;
      for (CompressionEstimate.RatePoint p : e.curve(new double[] {0.001, 0.01, 0.05, 0.5, 5})) {
        assertTrue(!(p.bits() > previous), "bits rose at delta " + p.delta());
        previous = Double.isNaN(p.bits()) ? previous : p.bits();
      }
      assertEquals(e.bits(), e.at(delta).bits());
      // MDL: n·L(θ̃)/ln 2 + bits
      double n = loss.samples();
      assertEquals(n * best.loss() / Math.log(2) + e.bits(), e.descriptionLength().orElseThrow().totalBits(), 1e-9);
    }
  }

  /** Tensors become matrices and flatten back to the same coordinates; δ ≤ 0 is refused. */
  @Test
  void layoutRoundTripsAndBadDeltaIsRefused(@TempDir Path tmp) throws IOException {
    List<NamedTensor> w = trained(tmp);
    double[] flat = new occam.transformer.llc.Weights(0, w).flatten();
    assertArrayEquals(flat, TransformerCompression.flatten(TransformerCompression.matrices(w)), 0);
    try (TransformerCompression c = TransformerCompression.of(tiny())) {
      assertThrows(IllegalArgumentException.class, () -> c.measure(w, 0, GRID));
      assertThrows(IllegalArgumentException.class, () -> c.measure(w, -0.1, GRID));
      assertThrows(IllegalArgumentException.class, () -> c.measure(w, Double.NaN, GRID));
      assertThrows(IllegalArgumentException.class, () -> c.measure(w.subList(1, w.size()), 0.1, GRID));
    }
    assertThrows(IllegalArgumentException.class, () -> new CompressionGrid(new double[0], new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new CompressionGrid(new double[] {0.1}, new double[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new CompressionComplexityLog(tiny(), 0, GRID));
  }

  /** The analyze measure and the training log agree with the library on the same weights. */
  @Test
  void measureAndTrainingLogReportTheSearch(@TempDir Path tmp) throws IOException {
    List<NamedTensor> w = trained(tmp);
    double bits;
    try (TransformerCompression c = TransformerCompression.of(tiny())) {
      bits = c.measure(w, CompressionMeasure.DEFAULT_DELTA, GRID).bits();
    }
    Measured m = new CompressionMeasure(CompressionMeasure.DEFAULT_DELTA, GRID).measure(new Snapshot(tiny(), 30, w));
    assertEquals(bits, m.number("bits"));
    assertEquals(bits, m.number("bits_delta_0_1"));
    assertTrue(m.number("mdl_bits") >= bits);
    assertEquals(bits, new CompressionComplexityLog(tiny(), CompressionMeasure.DEFAULT_DELTA, GRID).bits(w));
  }
}
