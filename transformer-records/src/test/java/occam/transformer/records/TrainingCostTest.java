package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import occam.io.UsageException;
import org.junit.jupiter.api.Test;

/** The cost estimate of a training run: hand-counted weights and bytes, and the largest p that fits. */
class TrainingCostTest {
  @Test
  void countsTheWeightsAndTheHeapOfTheDefaultModel() {
    TrainingConfig c = TrainingConfig.builder().build(); // p = 113, d = 128, d_mlp = 512, one layer
    TrainingCost cost = TrainingCost.of(c);
    // embeddings (114 tokens + 3 positions) and unembedding (113) × 128, plus 4d² + 2·d·d_mlp
    assertEquals((114 + 3 + 113) * 128 + 4 * 128 * 128 + 2 * 128 * 512, cost.parameters());
    // three float copies of the 12769 × 113 logit table, six of the weights
    assertEquals(4L * (3L * 12769 * 113 + 6L * cost.parameters()), cost.heap().bytes());
    assertEquals(113, TrainingCost.largestP(c, cost.heap().bytes()), "exactly this heap holds p = 113");
    assertEquals(112, TrainingCost.largestP(c, cost.heap().bytes() - 1));
  }

  @Test
  void refusesWhatCannotFitAndNamesTheLargestP() {
    TrainingConfig big = TrainingConfig.builder().set(Settings.P, 10007).build();
    var e = assertThrows(UsageException.class, () -> TrainingCost.of(big).requireFits(big, 0));
    assertTrue(e.getMessage().startsWith("needs ~10.9 TiB for training p = 10007"), e.getMessage());
    assertTrue(e.getMessage().contains("choose p ≤ "), e.getMessage());
    TrainingConfig paper = Preset.PAPER.builder().build();
    var n = assertThrows(UsageException.class, () -> TrainingCost.of(paper).requireFits(paper, 1L << 30));
    assertTrue(n.getMessage().contains("of native memory per step"), n.getMessage());
  }

  @Test
  void describesAStepAtAMeasuredRate() {
    TrainingConfig paper = Preset.PAPER.builder().build();
    TrainingCost cost = TrainingCost.of(paper);
    String line = cost.describe(cost.flopsPerStep() / 100, 100_000); // 100 s a step
    assertTrue(line.matches("~\\S+ TFLOP per step; at the measured \\S+ GFLOP/s of this CPU ≈ 100 s per step, ~116 days for 100000 steps"),
        line);
  }
}
