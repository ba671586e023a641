package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import occam.io.UsageException;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.analysis.SkipAblation.SkippedRange;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.Measured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures {@code occam analyze} runs on snapshots beyond the embedding: CMA, skip-ablation and
 * progress measures, on {@link HandBuiltModel}s (head 0 of layer 0 carries the answer, further layers
 * are zero) whose values are known.
 */
class SnapshotMeasuresTest {
  private static Snapshot handBuilt(int layers, int step) {
    return new Snapshot(HandBuiltModel.config(layers), step, HandBuiltModel.weights(layers));
  }

  @Test
  void cmaPutsTheWholeShareOnTheBandOfTheCarrier() {
    Measured m = new CmaMeasure().measure(handBuilt(6, 0));
    assertEquals(1.0, m.number("share_first"), 1e-12);
    assertEquals(0.0, m.number("share_middle"));
    assertEquals(0.0, m.number("share_last"));
    assertEquals(2 * HandBuiltModel.SCALE, m.number("sum_abs"), 1e-5);
    assertEquals("L0–1 1.00, L2–3 0.00, L4–5 0.00; top L0.H0 (8.00)", m.cell());
    JsonObject d = m.details().getAsJsonObject();
    assertEquals(CmaMeasure.PAIRS, d.get("pairs").getAsInt());
    JsonArray score = d.getAsJsonArray("mean_score");
    assertEquals(6, score.size());
    assertEquals(2 * HandBuiltModel.SCALE, score.get(0).getAsJsonArray().get(0).getAsDouble(), 1e-5);
    assertEquals(0.0, score.get(3).getAsJsonArray().get(1).getAsDouble());
    assertEquals(3, d.getAsJsonArray("bands").size());
    assertFalse(new CmaMeasure().everySnapshot(), "CMA at the checkpoints only");
  }

  @Test
  void cmaOfOneLayerHasOneBand() {
    Measured m = new CmaMeasure().measure(handBuilt(1, 0));
    assertEquals(1.0, m.number("share_first"), 1e-12);
    assertTrue(Double.isNaN(m.number("share_middle")) && Double.isNaN(m.number("share_last")), "bands without layers");
    assertEquals("L0 1.00; top L0.H0 (8.00)", m.cell());
  }

  @Test
  void bandsAreThirdsOfTheLayers() {
    assertArrayEquals(new int[][] {{0, 1}, {2, 3}, {4, 5}}, CmaMeasure.bandLayers(6).toArray(int[][]::new));
    assertArrayEquals(new int[][] {{0, 0}, {1, 1}, null}, CmaMeasure.bandLayers(2).toArray(int[][]::new));
    assertArrayEquals(new int[][] {{0, 0}, null, null}, CmaMeasure.bandLayers(1).toArray(int[][]::new));
    assertArrayEquals(new int[][] {{0, 15}, {16, 31}, {32, 47}}, CmaMeasure.bandLayers(48).toArray(int[][]::new));
  }

  @Test
  void theZeroLayersAreBypassableTogetherAndTheCarrierIsNot() {
    Measured m = new BypassMeasure().measure(handBuilt(3, 0));
    assertEquals("1–2 of 0–2 (acc train 1.000, test 1.000)", m.cell());
    assertEquals(2.0, m.number("bypassable_layers"));
    assertEquals(2.0, m.number("longest_bypassable"));
    assertEquals(1.0, m.number("test_accuracy"));
    JsonObject d = m.details().getAsJsonObject();
    assertEquals(3 + 2 + 1, d.getAsJsonArray("ranges").size(), "every range up to L = 3");
    assertEquals("[[1,3]]", d.getAsJsonArray("maximal_bypassable").toString());
    assertFalse(new BypassMeasure().everySnapshot(), "skip-ablation at the checkpoints only");
  }

  /** A memorizing model (test at chance) needs a layer that only train accuracy shows. */
  @Test
  void aRangeIsBypassableOnlyIfTrainAndTestAccuracyStay() {
    List<SkippedRange> ranges = List.of(new SkippedRange(0, 1, 0.5, 0.02), new SkippedRange(1, 2, 0.995, 0.015),
        new SkippedRange(2, 3, 1.0, 0.0), new SkippedRange(0, 2, 0.4, 0.02), new SkippedRange(1, 3, 0.995, 0.02));
    SkipAblation skip = new SkipAblation(3, 2, 0.01, 1.0, 0.02, ranges, List.of(), null);
    assertEquals(List.of(ranges.get(4)), skip.maximalBypassable(), "[1, 3) holds [1, 2); [2, 3) loses test accuracy");
    SkipAblation noTest = new SkipAblation(3, 2, 0.01, 1.0, Double.NaN, ranges, List.of(), null);
    assertEquals(List.of(ranges.get(4)), noTest.maximalBypassable());
  }

  @Test
  void progressMeasuresUseTheFinalModelsKeyFrequenciesAtEveryStep(@TempDir Path run) throws IOException {
    TrainingConfig config = HandBuiltModel.config(1);
    Snapshot early = new Snapshot(config, 0, SkipAblationTest.randomWeights(config));
    Snapshot last = handBuilt(1, 40);
    early.write(Snapshots.file(run, 0));
    last.write(Snapshots.file(run, 40));
    ProgressMeasure fixed = ProgressMeasure.ofRun(run);
    assertArrayEquals(ProgressMeasure.keyFrequenciesOf(last).keyFrequencies(), fixed.keyFrequencies());
    int[] key = fixed.keyFrequencies();
    assertTrue(key.length > 0, "the hand-built model has key frequencies");
    Measured m = fixed.measure(early);
    try (ModelInternals model = new ModelInternals(config, early.parameters())) {
      ProgressMeasures direct = model.progressMeasures(key);
      assertEquals(direct.restrictedTrainLoss(), m.number("restricted_train_loss"), 0.0);
      assertEquals(direct.excludedTestLoss(), m.number("excluded_test_loss"), 0.0);
      assertEquals(direct.trainLoss(), m.number("train_loss"), 0.0);
      assertEquals(direct.embeddingGini(), m.number("gini_w_e"), 0.0);
    }
    JsonObject d = m.details().getAsJsonObject();
    assertEquals(40, d.get("key_frequencies_from_step").getAsInt());
    assertEquals(key.length, d.getAsJsonArray("key_frequencies").size());
    assertTrue(fixed.everySnapshot(), "progress measures at every snapshot");
    assertTrue(fixed.description().contains("step 40"), fixed.description());
  }

  @Test
  void progressMeasuresNeedSnapshots(@TempDir Path run) throws IOException {
    Files.createDirectories(run);
    assertThrows(UsageException.class, () -> ProgressMeasure.ofRun(run));
  }
}
