package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Causal mediation on a model whose answer one head carries alone ({@link HandBuiltModel}). */
class CausalMediationTest {
  /**
   * Patching head 0 turns the logits of s₁ into those of s₂: from (SCALE on y₁, 0 on y₂) to (0, SCALE),
   * so CMS = 2·SCALE on every pair, up to the float32 rounding of the thirds of the uniform attention
   * (a few ulps of the O(1) counts, times SCALE).
   */
  private static final double CARRIER_TOLERANCE = 1e-5;

  @ParameterizedTest
  @EnumSource(PatchSite.class)
  void theHeadThatCarriesTheAnswerTakesTheWholeScore(PatchSite site) {
    try (ModelInternals model = HandBuiltModel.open(1)) {
      CausalMediation cma = model.cma(64, 3, site);
      double[][] score = cma.meanScore();
      assertEquals(1, score.length);
      assertEquals(2 * HandBuiltModel.SCALE, score[0][0], CARRIER_TOLERANCE);
      // head 1's output differs between s1 and s2 but W_O drops it; head 2 is zero: exactly 0
      assertEquals(0.0, score[0][1]);
      assertEquals(0.0, score[0][2]);
      assertArrayEquals(new double[] {1, 0, 0}, cma.bandShares());
      assertEquals(site, cma.site());
      assertEquals(64, cma.pairs());
    }
  }

  @Test
  void headsOfAZeroLayerScoreNothingAndTheCarrierKeepsItsScore() {
    try (ModelInternals model = HandBuiltModel.open(2)) {
      CausalMediation cma = model.cma(40, 5);
      assertEquals(2 * HandBuiltModel.SCALE, cma.meanScore()[0][0], CARRIER_TOLERANCE);
      assertArrayEquals(new double[] {0, 0, 0}, cma.meanScore()[1]);
      // layer 1 of 2 is in the middle band: it holds no share
      assertArrayEquals(new double[] {1, 0, 0}, cma.bandShares());
    }
  }

  @Test
  void pairsAreSeededAndHaveDifferentAnswers() {
    ModularTask task = ModularTask.of(7, Op.SUB);
    int[][] pairs = CausalMediation.samplePairs(task, 200, 9);
    for (int i = 0; i < 200; i++) {
      assertNotEquals(task.label(pairs[0][i]), task.label(pairs[1][i]), "pair " + i);
    }
    assertArrayEquals(pairs[0], CausalMediation.samplePairs(task, 200, 9)[0]);
    assertArrayEquals(pairs[1], CausalMediation.samplePairs(task, 200, 9)[1]);
    assertFalse(Arrays.equals(pairs[0], CausalMediation.samplePairs(task, 200, 10)[0]));
  }

  @ParameterizedTest
  @CsvSource({"0, 48, 0", "15, 48, 0", "16, 48, 1", "31, 48, 1", "32, 48, 2", "47, 48, 2", "0, 1, 0", "2, 3, 2",
      "1, 2, 1", "5, 8, 1", "6, 8, 2"})
  void layersFallIntoThirds(int layer, int layers, int band) {
    assertEquals(band, CausalMediation.band(layer, layers));
  }

  @Test
  void bandSharesAreTheShareOfAbsoluteScores() {
    double[][] scores = {{1, -1}, {0.5, 0}, {0, -2}};
    assertArrayEquals(new double[] {2 / 4.5, 0.5 / 4.5, 2 / 4.5}, CausalMediation.bandShares(scores), 1e-15);
    double[] none = CausalMediation.bandShares(new double[][] {{0, 0}});
    assertEquals(3, none.length);
    assertEquals(3, Arrays.stream(none).filter(Double::isNaN).count());
  }

  @Test
  void badArgumentsAreRefused() {
    try (ModelInternals model = HandBuiltModel.open(1)) {
      assertThrows(IllegalArgumentException.class, () -> model.cma(0, 1));
      assertThrows(IllegalArgumentException.class, () -> model.cma(-3, 1));
      assertThrows(IllegalArgumentException.class, () -> model.cma(10, 1, null));
    }
  }
}
