package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The float64 cross-entropy: its gradient agrees with autograd's, and stays exact where float32 rounds to 0. */
class CrossEntropyTest {
  private static final float[] LOGITS = {0.5f, -1.0f, 2.0f, 0.0f, 1.5f, 0.25f, -0.75f, 3.0f, 1.0f, -2.0f};
  private static final int[] LABELS = {2, 3};

  @Test
  void gradientMatchesAutogradOfTheLoss() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      NDArray z = manager.create(LOGITS, new Shape(2, 5));
      z.setRequiresGradient(true);
      NDArray oneHot = manager.create(LABELS).oneHot(5, CrossEntropy.TYPE);
      NDArray oneHot32 = manager.create(LABELS).oneHot(5, DataType.FLOAT32);
      try (GradientCollector collector = Djl.engine().newGradientCollector()) {
        collector.backward(z.logSoftmax(1).mul(oneHot32).sum(new int[] {1}).mean().neg());
      }
      float[] autograd = z.getGradient().toFloatArray();
      float[] ours = CrossEntropy.gradient(z, oneHot).toFloatArray();
      // float32 autograd against float64 rounded to float32: a few ulps of O(0.5) values
      for (int i = 0; i < autograd.length; i++) {
        assertEquals(autograd[i], ours[i], 4 * Math.ulp(0.5f), "component " + i);
      }
      double expectedLoss = 0;
      for (int r = 0; r < 2; r++) {
        double sum = 0;
        for (int c = 0; c < 5; c++) {
          sum += Math.exp(LOGITS[5 * r + c]);
        }
        expectedLoss += (Math.log(sum) - LOGITS[5 * r + LABELS[r]]) / 2;
      }
      assertEquals(expectedLoss, CrossEntropy.value(z, oneHot).getDouble(), 1e-6 * expectedLoss);
    }
  }

  @Test
  void resolvesLossesBelowFloat32Resolution() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      // one row, correct class 0 with a margin of 20: 1 − p_0 = 4e^{−20}/(1 + 4e^{−20}) ≈ 8.2e-9
      NDArray z = manager.create(new float[] {20, 0, 0, 0, 0}, new Shape(1, 5));
      NDArray oneHot = manager.create(new int[] {0}).oneHot(5, CrossEntropy.TYPE);
      double tail = 4 * Math.exp(-20) / (1 + 4 * Math.exp(-20));
      assertEquals(-tail, CrossEntropy.gradient(z, oneHot).toFloatArray()[0], 1e-6 * tail);
      // log-sum-exp near 1 in float64: a few ulps of 1 absolute, ~1e-8 relative to the tiny loss
      assertEquals(Math.log1p(4 * Math.exp(-20)), CrossEntropy.value(z, oneHot).getDouble(), 8 * Math.ulp(1.0));
      // float32 softmax rounds p_0 to 1: its gradient of the correct class is exactly 0
      assertEquals(0f, z.softmax(1).toFloatArray()[0] - 1f);
    }
  }
}
