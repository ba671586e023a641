package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import occam.transformer.DecoderTransformer;
import occam.transformer.Djl;
import occam.transformer.Hook;
import occam.transformer.NamedTensor;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Skip-ablation: bypassing nothing changes nothing; a zero layer is bypassable, the carrier is not. */
class SkipAblationTest {

  /** A seeded random model with LayerNorm, as its weights. */
  static List<NamedTensor> randomWeights(TrainingConfig config) {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      return DecoderTransformer.create(config.model(), config.seed(), manager).tensors();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void skippingAnEmptyRangeChangesNoLogit(int layers) {
    TrainingConfig config = TrainingConfig.builder().set(Settings.P, 7).set(Settings.LAYERS, layers)
        .set(Settings.D_MODEL, 16).set(Settings.HEADS, 2).set(Settings.D_MLP, 32).set(Settings.LAYERNORM, true)
        .set(Settings.SEED, 4L).build();
    List<NamedTensor> weights = randomWeights(config);
    try (ModelInternals model = new ModelInternals(config, weights); NDManager scratch = model.scratch()) {
      int[] cells = java.util.stream.IntStream.range(0, 49).toArray();
      NDArray tokens = model.tokens(scratch, cells);
      float[] plain = model.logits(tokens, Hook.NONE);
      for (int from = 0; from <= layers; from++) {
        assertArrayEquals(plain, model.logits(tokens, SkipAblation.skipping(from, from)), "empty range at " + from);
      }
      // ... and the hooked pass is the training pass, bit for bit
      DecoderTransformer same = DecoderTransformer.create(config.model(), 99, scratch);
      same.load(weights);
      float[] forward = same.forward(new ParameterStore(scratch, false), new NDList(tokens), false)
          .singletonOrThrow().toFloatArray();
      assertArrayEquals(forward, plain);
    }
  }

  @Test
  void aZeroLayerIsBypassableAndTheCarrierIsNot() {
    try (ModelInternals model = HandBuiltModel.open(2)) {
      SkipAblation skip = model.skipAblation(2);
      assertEquals(1.0, skip.trainAccuracy());
      assertEquals(1.0, skip.testAccuracy());
      List<SkipAblation.SkippedRange> ranges = skip.ranges();
      assertEquals(3, ranges.size());
      // without layer 0 every logit is 0 and the argmax is class 0: accuracy = share of label 0
      double[] chance = labelZeroShares(model);
      assertRange(ranges.get(0), 0, 1, chance[0], chance[1]);
      assertRange(ranges.get(1), 1, 2, 1.0, 1.0);
      assertRange(ranges.get(2), 0, 2, chance[0], chance[1]);
      assertEquals(List.of(1), skip.bypassable());
      assertEquals(ranges.get(1), skip.longestBypassable());
      double[][] drop = skip.dropMatrix();
      assertArrayEquals(new double[] {1 - chance[1], 0}, drop[0]);
      assertEquals(1 - chance[1], drop[1][0]);
      assertTrue(Double.isNaN(drop[1][1]));
    }
  }

  @Test
  void aModelThatNeedsEveryLayerHasNoBypassableRange() {
    try (ModelInternals model = HandBuiltModel.open(1)) {
      SkipAblation skip = model.skipAblation(1, 0);
      assertEquals(List.of(), skip.bypassable());
      assertNull(skip.longestBypassable());
    }
  }

  private static double[] labelZeroShares(ModelInternals model) {
    int[][] sets = {model.data().trainCells(), model.data().testCells()};
    double[] share = new double[2];
    for (int s = 0; s < 2; s++) {
      int[] labels = model.data().labels(sets[s]);
      share[s] = (double) java.util.Arrays.stream(labels).filter(y -> y == 0).count() / labels.length;
    }
    return share;
  }

  private static void assertRange(SkipAblation.SkippedRange r, int from, int to, double train, double test) {
    assertEquals(from, r.from());
    assertEquals(to, r.to());
    assertEquals(train, r.trainAccuracy(), 0.0, "train accuracy of " + r);
    assertEquals(test, r.testAccuracy(), 0.0, "test accuracy of " + r);
  }

  @Test
  void badArgumentsAreRefused() {
    try (ModelInternals model = HandBuiltModel.open(2)) {
      assertThrows(IllegalArgumentException.class, () -> model.skipAblation(0));
      assertThrows(IllegalArgumentException.class, () -> model.skipAblation(3));
      assertThrows(IllegalArgumentException.class, () -> model.skipAblation(1, -0.1));
      assertThrows(IllegalArgumentException.class, () -> model.skipAblation(1, 1.5));
      assertThrows(IllegalArgumentException.class, () -> model.skipAblation(1, Double.NaN));
    }
  }
}
