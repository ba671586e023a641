package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import occam.transformer.records.AdamWConfig;
import occam.transformer.records.WarmupRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AdamW} against {@code torch.optim.AdamW} itself: {@code torch_adamw_reference.csv} holds 12 updates
 * of a 3×4 and a 5-element float32 parameter under fixed gradients (1e-9 to 10 in size), made by
 * {@code results/nanda/torch_adamw_reference.py} with PyTorch 1.13 (the command is in the file's first line).
 * Each gradient is applied here exactly, as the gradient of the linear loss Σ g·θ.
 */
class TorchAdamWTest {
  private static final Shape[] SHAPES = {new Shape(3, 4), new Shape(5)};

  /**
   * Both sides compute in float32 in the same order except that PyTorch fuses a·b + c in {@code add_},
   * {@code addcmul_} and {@code addcdiv_}: allow 8 float32 ulps of |θ| per parameter after 12 updates (the
   * measured maximum is printed).
   */
  private static final int ULPS = 8;

  private static AdamWConfig config(String name, String warmup) {
    WarmupRule rule = WarmupRule.valueOf(warmup.toUpperCase(java.util.Locale.ROOT));
    return switch (name) {
      case "preset" -> new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, 10).withWarmupRule(rule);
      case "strong" -> new AdamWConfig(0.05, 0.9, 0.98, 1e-8, 0.5, 10).withWarmupRule(rule);
      default -> throw new AssertionError(name);
    };
  }

  /** Rows of one case: [step][tensor] → {grads, thetas}. */
  private static float[][][][] reference(String name, String warmup) throws IOException {
    float[][][][] out = new float[13][SHAPES.length][2][];
    for (int t = 0; t < out.length; t++) {
      for (int k = 0; k < SHAPES.length; k++) {
        out[t][k][0] = new float[(int) SHAPES[k].size()];
        out[t][k][1] = new float[(int) SHAPES[k].size()];
      }
    }
    try (InputStream in = TorchAdamWTest.class.getResourceAsStream("torch_adamw_reference.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(",", -1);
        if (line.startsWith("#") || line.startsWith("case,") || !f[0].equals(name) || !f[1].equals(warmup)) {
          continue;
        }
        float[][] row = out[Integer.parseInt(f[2])][Integer.parseInt(f[3])];
        int i = Integer.parseInt(f[4]);
        row[0][i] = f[5].isEmpty() ? 0f : Float.parseFloat(f[5]);
        row[1][i] = Float.parseFloat(f[6]);
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"preset, linear", "preset, lambda_lr", "strong, linear", "strong, lambda_lr"})
  void matchesTorchAdamW(String name, String warmup) throws IOException {
    float[][][][] ref = reference(name, warmup);
    try (NDManager manager = Djl.engine().newBaseManager()) {
      Map<String, Parameter> params = new LinkedHashMap<>();
      for (int k = 0; k < SHAPES.length; k++) {
        float[] initial = ref[0][k][1];
        Parameter p = Parameter.builder().setName("theta" + k).setType(Parameter.Type.WEIGHT).optShape(SHAPES[k])
            .optInitializer((m, shape, type) -> m.create(initial, shape)).build();
        p.initialize(manager, DataType.FLOAT32);
        params.put("theta" + k, p);
      }
      List<String> report = new ArrayList<>();
      try (AdamW adam = new AdamW(config(name, warmup), params, manager)) {
        for (int t = 1; t <= 12; t++) {
          try (GradientCollector collector = Djl.engine().newGradientCollector()) {
            NDArray loss = null;
            for (int k = 0; k < SHAPES.length; k++) {
              NDArray w = params.get("theta" + k).getArray();
              NDArray term = w.mul(manager.create(ref[t][k][0], SHAPES[k])).sum();
              loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
          }
          adam.step();
          double maxUlps = 0;
          double sumSq = 0;
          int n = 0;
          for (int k = 0; k < SHAPES.length; k++) {
            float[] actual = params.get("theta" + k).getArray().toFloatArray();
            float[] expected = ref[t][k][1];
            for (int i = 0; i < actual.length; i++) {
              double ulps = Math.abs(actual[i] - expected[i]) / Math.ulp(expected[i]);
              maxUlps = Math.max(maxUlps, ulps);
              sumSq += ulps * ulps;
              n++;
              assertTrue(ulps <= ULPS, name + "/" + warmup + " update " + t + " tensor " + k + " index " + i
                  + ": " + actual[i] + " vs torch " + expected[i] + " (" + ulps + " ulps)");
            }
          }
          report.add(String.format("%d:%.0f/%.2f", t, maxUlps, Math.sqrt(sumSq / n)));
        }
        assertEquals(12, adam.updates());
      }
      System.out.println("AdamW " + name + "/" + warmup + " vs torch.optim.AdamW, update:max/rms ulps " + report);
    }
  }
}
