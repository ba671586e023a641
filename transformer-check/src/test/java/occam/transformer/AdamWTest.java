package occam.transformer;

import occam.transformer.records.AdamWConfig;
import occam.transformer.records.WarmupRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AdamW against golden steps computed in float64 by {@code adamw_golden.py} (in the test
 * resources; it spells out PyTorch's AdamW with linear warm-up), on L(θ) = Σ c_i θ_i²/2 + b_i θ_i.
 */
class AdamWTest {
  private static final float[] THETA0 = {0.5f, -1.0f, 2.0f, 0.0f, 1e-3f};
  private static final float[] C = {1.0f, 3.0f, 0.5f, 2.0f, 10.0f};
  private static final float[] B = {0.0f, 0.25f, -0.5f, 1.0f, 0.0f};

  /**
   * float32 arithmetic against a float64 reference: the update is a few dozen rounded operations,
   * so allow 32 units of float32 roundoff (2⁻²⁴) relative to the largest |θ| (2) and of |θ| itself.
   */
  private static final double ROUNDOFF = Math.ulp(1.0f) / 2;

  private static final double ATOL = 32 * ROUNDOFF * 2;
  private static final double RTOL = 32 * ROUNDOFF;

  private static AdamWConfig config(String name) {
    switch (name) {
      case "spec":
        return AdamWConfig.of(1e-3, 1.0);
      case "strong":
        return new AdamWConfig(0.1, 0.9, 0.98, 1e-8, 0.5, 2);
      case "nodecay":
        return new AdamWConfig(0.05, 0.8, 0.9, 1e-3, 0.0, 0);
      default:
        throw new AssertionError(name);
    }
  }

  private static double[][] golden(String name) throws IOException {
    double[][] out = new double[2][THETA0.length];
    try (InputStream in = AdamWTest.class.getResourceAsStream("adamw_golden.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        if (f[0].equals(name)) {
          out[Integer.parseInt(f[1]) - 1][Integer.parseInt(f[2])] = Double.parseDouble(f[3]);
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"spec", "strong", "nodecay"})
  void matchesGoldenSteps(String name) throws IOException {
    double[][] expected = golden(name);
    try (NDManager manager = Djl.engine().newBaseManager()) {
      Parameter theta =
          Parameter.builder()
              .setName("theta")
              .setType(Parameter.Type.WEIGHT)
              .optShape(new Shape(THETA0.length))
              .optInitializer((m, shape, type) -> m.create(THETA0))
              .build();
      theta.initialize(manager, DataType.FLOAT32);
      NDArray c = manager.create(C);
      NDArray b = manager.create(B);
      NDArray half = NativeArrays.scalar(manager, 0.5f); // saved for backward: must own its memory
      List<String> report = new ArrayList<>();
      try (AdamW adam = new AdamW(config(name), Map.of("theta", theta), manager)) {
        for (int t = 1; t <= 2; t++) {
          try (GradientCollector collector = Djl.engine().newGradientCollector()) {
            NDArray w = theta.getArray();
            collector.backward(w.square().mul(c).mul(half).add(w.mul(b)).sum());
          }
          adam.step();
          assertEquals(t, adam.updates());
          float[] actual = theta.getArray().toFloatArray();
          double max = 0;
          double sumSq = 0;
          for (int i = 0; i < actual.length; i++) {
            double err = Math.abs(actual[i] - expected[t - 1][i]);
            max = Math.max(max, err);
            sumSq += err * err;
            assertEquals(expected[t - 1][i], actual[i], ATOL + RTOL * Math.abs(expected[t - 1][i]),
                name + " step " + t + " index " + i);
          }
          report.add(String.format("step %d max %.2e rms %.2e", t, max, Math.sqrt(sumSq / actual.length)));
        }
        System.out.println("AdamW " + name + " vs float64 golden: " + report);
        assertTrue(theta.getArray().getGradient().abs().max().getFloat() == 0, "gradients zeroed after step");
      }
    }
  }

  @Test
  void warmUpIsLinearFromLrOverWarmup() {
    AdamWConfig c = AdamWConfig.of(1e-3, 1.0);
    assertEquals(1e-4, c.learningRate(1), 1e-18);
    assertEquals(5e-4, c.learningRate(5), 1e-18);
    assertEquals(1e-3, c.learningRate(10), 1e-18);
    assertEquals(1e-3, c.learningRate(11), 1e-18);
    assertEquals(0.5, new AdamWConfig(0.5, 0.9, 0.98, 1e-8, 0, 0).learningRate(1), 0);
    assertThrows(IllegalArgumentException.class, () -> c.learningRate(0));
  }

  @Test
  void lambdaLrWarmUpStartsOneUpdateLaterAtZero() {
    AdamWConfig c = new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, 10).withWarmupRule(WarmupRule.LAMBDA_LR);
    assertEquals(0, c.learningRate(1), 0);
    assertEquals(1e-4, c.learningRate(2), 1e-18);
    assertEquals(9e-4, c.learningRate(10), 1e-18);
    assertEquals(1e-3, c.learningRate(11), 1e-18);
    assertEquals(1e-3, new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, 0).withWarmupRule(WarmupRule.LAMBDA_LR).learningRate(1), 0);
    assertThrows(IllegalArgumentException.class, () -> AdamWConfig.of(1e-3, 1).withWarmupRule(null));
  }

  @Test
  void rejectsInvalidHyperparameters() {
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(0, 0.9, 0.98, 1e-8, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(Double.NaN, 0.9, 0.98, 1e-8, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1e-3, 1.0, 0.98, 1e-8, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1e-3, 0.9, -0.1, 1e-8, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1e-3, 0.9, 0.98, 0, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, 1, -1));
  }
}
