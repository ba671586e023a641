package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.transformer.NamedTensor;
import occam.transformer.Snapshot;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.Measured;
import org.junit.jupiter.api.Test;

/**
 * The embedding measure reads W_E's rows in group order: a ring traced in discrete-log order is a ring
 * of Z_m for mul (score 1) and not in token order; the same ring in token order is one for add.
 */
class EmbeddingGeometryTest {
  private static final int P = 23;
  private static final int D = 6;

  /** W_E (V×d) whose row u(a) is the ring point of a under the op's group order; 0 and '=' are noise. */
  private static NamedTensor embedding(ModularTask order) {
    double[][] ring = RingScoreTest.ring(order.groupOrder(), D, 1, 1, 0.3, 2, 9);
    Random rnd = new Random(4);
    float[] w = new float[(P + 1) * D];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    for (int a = 0; a < order.groupOrder(); a++) {
      for (int j = 0; j < D; j++) {
        w[order.element(a) * D + j] = (float) ring[a][j];
      }
    }
    return new NamedTensor(EmbeddingRows.W_E, new int[] {P + 1, D}, w);
  }

  private static Measured measure(Op op, NamedTensor embedding) {
    TrainingConfig c = TrainingConfig.builder().set(Settings.P, P).set(Settings.OP, op).set(Settings.D_MODEL, D)
        .set(Settings.HEADS, 2).build();
    return new EmbeddingGeometry().measure(new Snapshot(c, 0, List.of(embedding)));
  }

  @Test
  void ringsAreReadInTheGroupOrderOfTheOperation() {
    NamedTensor mulRing = embedding(ModularTask.of(P, Op.MUL));
    Measured mul = measure(Op.MUL, mulRing);
    assertEquals(1, mul.number("ring_score"), 1e-6, "discrete-log order: a ring of Z_22");
    assertEquals(1, mul.number("ring_frequency"));
    assertTrue(measure(Op.ADD, mulRing).number("ring_score") < RingScoreTest.NOISE_BOUND * 4,
        "read in token order the same rows are no ring of Z_23");
    assertEquals(1, measure(Op.ADD, embedding(ModularTask.of(P, Op.ADD))).number("ring_score"), 1e-6);
    assertEquals(1, measure(Op.SUB, embedding(ModularTask.of(P, Op.SUB))).number("ring_score"), 1e-6);
    assertEquals(P - 1, mul.details().getAsJsonObject().getAsJsonArray("projection").size(), "one point per a");
    assertEquals(1.0, mul.number("pc1_share") + mul.number("pc2_share"), 1e-6, "a plane holds the whole ring");
  }
}
