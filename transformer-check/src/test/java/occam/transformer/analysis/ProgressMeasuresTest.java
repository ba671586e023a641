package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.transformer.NamedTensor;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nanda et al.'s progress measures: identities of the restricted and excluded losses, reference values. */
class ProgressMeasuresTest {

  private static TrainingConfig randomConfig() {
    return TrainingConfig.builder().set(Settings.P, 11).set(Settings.LAYERS, 2).set(Settings.D_MODEL, 16)
        .set(Settings.HEADS, 2).set(Settings.D_MLP, 32).set(Settings.LAYERNORM, true).set(Settings.SEED, 2L).build();
  }

  /**
   * Keeping every 2-D mode reproduces the logits up to the DFT round trip (~1e-15 of O(1) logits), so
   * the loss moves by that much at most; removing no mode subtracts exactly 0.
   */
  @Test
  void restrictedLossWithEveryModeAndExcludedLossWithNoneAreTheLoss() {
    TrainingConfig config = randomConfig();
    try (ModelInternals model = new ModelInternals(config, SkipAblationTest.randomWeights(config))) {
      int m = config.task().groupOrder();
      int p = config.task().p();
      float[] z = ProgressMeasures.passes(model, new KeyFrequencies(m));
      double[] full = new double[z.length];
      java.util.Arrays.setAll(full, i -> z[i]);
      double[] kept = FourierModes.all(m).project(z, p);
      double[] removed = FourierModes.none(m).project(z, p);
      double[] excluded = new double[z.length];
      java.util.Arrays.setAll(excluded, i -> z[i] - removed[i]);
      for (int[] cells : new int[][] {model.data().trainCells(), model.data().testCells()}) {
        double loss = ProgressMeasures.loss(model, full, cells);
        assertEquals(loss, ProgressMeasures.loss(model, kept, cells), 1e-12 * loss);
        assertEquals(loss, ProgressMeasures.loss(model, excluded, cells), 0.0);
      }
      ProgressMeasures measures = model.progressMeasures();
      assertEquals(ProgressMeasures.loss(model, full, model.data().trainCells()), measures.trainLoss(), 0.0);
      assertEquals(m / 2, measures.frequencyShares().length);
    }
  }

  /**
   * The hand-built model puts logit SCALE on the answer and 0 on the p − 1 others, so every loss is
   * ln(1 + (p − 1)·e^{−SCALE}) (float32 logits within a few ulps of those values).
   */
  @Test
  void theLossOfTheHandBuiltModelIsItsReferenceValue() {
    try (ModelInternals model = HandBuiltModel.open(1)) {
      ProgressMeasures measures = model.progressMeasures(new int[] {1, 2});
      double expected = Math.log1p((HandBuiltModel.P_MOD - 1) * Math.exp(-HandBuiltModel.SCALE));
      assertEquals(expected, measures.trainLoss(), 1e-6 * expected);
      assertEquals(expected, measures.testLoss(), 1e-6 * expected);
      assertArrayEquals(new int[] {1, 2}, measures.keyFrequencies());
      // every frequency of m = 5 kept, with the constant: the restricted logits are the (a + b) part of z,
      // which is all of z here (it depends on a + b only), and removing it leaves the class means
      assertEquals(expected, measures.restrictedTrainLoss(), 1e-6 * expected);
      assertEquals(Math.log(HandBuiltModel.P_MOD), measures.excludedTrainLoss(), 1e-6);
    }
  }

  /**
   * W_E whose residue rows are [cos(w_k·a), sin(w_k·a)] in group order has Fourier amplitude only at k
   * and m − k, equal: the Gini of m values with two equal spikes is (m − 2)/m.
   */
  @ParameterizedTest
  @EnumSource(Op.class)
  void aOneFrequencyEmbeddingHasTheGiniOfTwoSpikes(Op op) {
    ModularTask task = ModularTask.of(13, op);
    int m = task.groupOrder();
    float[] embed = new float[(task.p() + 1) * 2];
    for (int a = 0; a < m; a++) {
      int row = task.element(a);
      embed[2 * row] = (float) Math.cos(2 * Math.PI * 3 * a / m);
      embed[2 * row + 1] = (float) Math.sin(2 * Math.PI * 3 * a / m);
    }
    NamedTensor w = new NamedTensor("embed.W_E", new int[] {task.p() + 1, 2}, embed);
    assertEquals((m - 2.0) / m, ProgressMeasures.fourierGini(w, 2, task), 1e-6);
  }

  @Test
  void badKeyFrequenciesAreRefused() {
    try (ModelInternals model = HandBuiltModel.open(1)) {
      assertThrows(IllegalArgumentException.class, () -> model.progressMeasures(new int[] {0}));
      assertThrows(IllegalArgumentException.class, () -> model.progressMeasures(new int[] {3}));
      assertThrows(IllegalArgumentException.class, () -> model.progressMeasures(new int[] {1, 1}));
    }
  }

  @Test
  void weightsMustFitTheModel() {
    TrainingConfig config = HandBuiltModel.config(1);
    List<NamedTensor> weights = HandBuiltModel.weights(1);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new ModelInternals(config, weights.subList(1, weights.size())));
    assertTrue(missing.getMessage().contains("embed.W_E"), missing.getMessage());
    List<NamedTensor> reshaped = new java.util.ArrayList<>(weights);
    reshaped.set(0, new NamedTensor("embed.W_E", new int[] {HandBuiltModel.D, 6}, weights.get(0).data()));
    assertThrows(IllegalArgumentException.class, () -> new ModelInternals(config, reshaped));
    List<NamedTensor> extra = new java.util.ArrayList<>(weights);
    extra.add(new NamedTensor("blocks.7.attn.W_Q", new int[] {1}, new float[1]));
    assertThrows(IllegalArgumentException.class, () -> new ModelInternals(config, extra));
  }
}
