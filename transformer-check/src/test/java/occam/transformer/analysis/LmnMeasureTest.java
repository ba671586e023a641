package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import occam.transformer.NamedTensor;
import occam.transformer.Snapshot;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.Measured;
import org.junit.jupiter.api.Test;

/** The LMN of a transformer snapshot: the linear reference value and the matrix's invariants. */
class LmnMeasureTest {
  private static final TrainingConfig CONFIG = TrainingConfig.builder().set(Settings.P, 7).set(Settings.D_MODEL, 16)
      .set(Settings.HEADS, 2).set(Settings.D_MLP, 32).set(Settings.SEED, 4L).build();

  /**
   * W_Q = W_K = 0 makes attention uniform over the causal prefix, whatever x₀, and W_out = b_out = 0
   * silences the MLP: without LayerNorm the logits are then affine in x₀, every path is straight, L = 11ᵀ
   * and LMN = 1.
   */
  @Test
  void linearTransformerHasOneLinearMap() {
    List<NamedTensor> w = new ArrayList<>();
    for (NamedTensor t : SkipAblationTest.randomWeights(CONFIG)) {
      boolean zero = t.name().endsWith("attn.W_Q") || t.name().endsWith("attn.W_K")
          || t.name().endsWith("mlp.W_out") || t.name().endsWith("mlp.b_out");
      w.add(zero ? new NamedTensor(t.name(), t.shape(), new float[t.size()]) : t);
    }
    Measured m = new LmnMeasure(12, 9, 1).measure(new Snapshot(CONFIG, 0, w));
    assertEquals(1, m.number("lmn"), 1e-3);
    assertEquals(1, m.number("mean_r2"), 1e-5);
  }

  /** A random network: L symmetric with unit diagonal and entries in [0, 1], 1 ≤ LMN ≤ N, seeded. */
  @Test
  void randomNetworkInvariants() {
    List<NamedTensor> w = SkipAblationTest.randomWeights(CONFIG);
    LmnMeasure measure = new LmnMeasure(10, 7, 2);
    double[][] l;
    try (ModelInternals model = new ModelInternals(CONFIG, w)) {
      l = measure.connectivity(model);
    }
    assertEquals(10, l.length);
    for (int i = 0; i < 10; i++) {
      assertEquals(1, l[i][i]);
      for (int j = 0; j < 10; j++) {
        assertEquals(l[i][j], l[j][i]);
        assertTrue(l[i][j] >= 0 && l[i][j] <= 1, "L[" + i + "][" + j + "] = " + l[i][j]);
      }
    }
    Measured a = measure.measure(new Snapshot(CONFIG, 0, w));
    Measured b = measure.measure(new Snapshot(CONFIG, 0, w));
    assertEquals(a.number("lmn"), b.number("lmn"));
    assertTrue(a.number("lmn") >= 1 && a.number("lmn") <= 10, "LMN " + a.number("lmn"));
    assertEquals(Math.exp(a.number("entropy")), a.number("lmn"), 1e-12);
    assertNotEquals(a.number("lmn"), new LmnMeasure(10, 7, 3).measure(new Snapshot(CONFIG, 0, w)).number("lmn"));
    assertThrows(IllegalArgumentException.class, () -> new LmnMeasure(1, 9, 0));
    assertThrows(IllegalArgumentException.class, () -> new LmnMeasure(8, 2, 0));
  }
}
