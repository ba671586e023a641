package occam.transformer;

import occam.transformer.records.ModelConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes, seeded initialization and the causal mask of the decoder. */
class DecoderTransformerTest {
  private static final int P = 7;

  private static ModelConfig config(boolean layerNorm, int layers) {
    return ModelConfig.forModulus(P, layers, 16, 4, 32, layerNorm);
  }

  private static float[] residual(DecoderTransformer model, NDManager manager, int[] tokens) {
    NDArray x = manager.create(tokens, new Shape(1, tokens.length));
    return model.residualStream(new ParameterStore(manager, false), x, false).toFloatArray();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void laterTokensDoNotReachEarlierPositions(boolean layerNorm) {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(config(layerNorm, 2), 11, manager);
      int d = 16;
      float[] base = residual(model, manager, new int[] {1, 2, P});
      float[] changedV = residual(model, manager, new int[] {1, 5, P});
      float[] changedLast = residual(model, manager, new int[] {1, 2, 3});
      float[] changedU = residual(model, manager, new int[] {4, 2, P});
      // position 0 sees only u: changing v or the last token leaves it unchanged, bit for bit
      assertArrayEquals(slice(base, 0, d), slice(changedV, 0, d));
      assertArrayEquals(slice(base, 0, d), slice(changedLast, 0, d));
      assertArrayEquals(slice(base, 1, d), slice(changedLast, 1, d));
      // ... while the positions that may read the changed token do change
      assertFalse(Arrays.equals(slice(base, 1, d), slice(changedV, 1, d)));
      assertFalse(Arrays.equals(slice(base, 2, d), slice(changedV, 2, d)));
      assertFalse(Arrays.equals(slice(base, 2, d), slice(changedU, 2, d)));
    }
  }

  private static float[] slice(float[] x, int position, int d) {
    return Arrays.copyOfRange(x, position * d, (position + 1) * d);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void logitsAreTheUnembeddedLastPositionOfTheFullStream(int layers) {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(config(true, layers), 9, manager);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray tokens = manager.create(new int[] {0, 1, P, 6, 3, P, 2, 2, P}, new Shape(3, 3));
      float[] logits = model.forward(store, new NDList(tokens), false).singletonOrThrow().toFloatArray();
      NDArray last = model.residualStream(store, tokens, false).get(new NDIndex(":, -1, :"));
      NDArray unembed = model.namedParameters().get("unembed.W_U").getArray();
      float[] expected = last.matMul(unembed.transpose()).toFloatArray();
      // the same sums over d = 16 and d_mlp = 32 terms of O(1) values, batched differently:
      // a few float32 ulps of O(1) apart
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], logits[i], 1e-5, "logit " + i);
      }
    }
  }

  /**
   * Regression test for a use-after-free (see {@link NativeArrays}): between the forward and the
   * backward pass, collect garbage and fill freed native memory with NaN; the gradients must be the
   * ones of an undisturbed pass, bit for bit.
   */
  @Test
  void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
    float[][] quiet = gradients(false);
    float[][] disturbed = gradients(true);
    for (int i = 0; i < quiet.length; i++) {
      assertArrayEquals(quiet[i], disturbed[i], "parameter " + i);
    }
  }

  private static float[][] gradients(boolean disturb) throws InterruptedException {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(config(false, 1), 4, manager);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray tokens = manager.create(new int[] {0, 1, P, 6, 3, P}, new Shape(2, 3));
      try (GradientCollector collector = Djl.engine().newGradientCollector()) {
        NDArray logits = model.forward(store, new NDList(tokens), true).singletonOrThrow();
        List<ByteBuffer> junk = new ArrayList<>();
        if (disturb) {
          for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
          }
          for (int i = 0; i < 20_000; i++) {
            junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
          }
        }
        collector.backward(logits.square().sum());
        junk.clear();
      }
      return model.namedParameters().values().stream()
          .map(p -> p.getArray().getGradient().toFloatArray())
          .toArray(float[][]::new);
    }
  }

  @Test
  void logitsHaveOneRowOfPClassesPerSequence() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(config(false, 1), 1, manager);
      NDArray tokens = manager.create(new int[] {0, 1, P, 2, 3, P}, new Shape(2, 3));
      NDArray logits = model.forward(new ParameterStore(manager, false), new NDList(tokens), false).singletonOrThrow();
      assertEquals(new Shape(2, P), logits.getShape());
    }
  }

  @Test
  void parametersHaveCanonicalNamesAndShapes() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(config(true, 1), 1, manager);
      assertEquals(
          List.of("embed.W_E", "embed.W_pos", "blocks.0.ln1.gamma", "blocks.0.ln1.beta",
              "blocks.0.attn.W_Q", "blocks.0.attn.W_K", "blocks.0.attn.W_V", "blocks.0.attn.W_O",
              "blocks.0.ln2.gamma", "blocks.0.ln2.beta", "blocks.0.mlp.W_in", "blocks.0.mlp.b_in",
              "blocks.0.mlp.W_out", "blocks.0.mlp.b_out", "ln_final.gamma", "ln_final.beta", "unembed.W_U"),
          List.copyOf(model.namedParameters().keySet()));
      var named = model.namedParameters();
      assertEquals(new Shape(P + 1, 16), named.get("embed.W_E").getArray().getShape());
      assertEquals(new Shape(3, 16), named.get("embed.W_pos").getArray().getShape());
      assertEquals(new Shape(32, 16), named.get("blocks.0.mlp.W_in").getArray().getShape());
      assertEquals(new Shape(16, 32), named.get("blocks.0.mlp.W_out").getArray().getShape());
      assertEquals(new Shape(P, 16), named.get("unembed.W_U").getArray().getShape());
      assertEquals(17, model.getParameters().size(), "every DJL parameter has a canonical name");
    }
  }

  @Test
  void initializationDependsOnlyOnTheSeed() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      var a = DecoderTransformer.create(config(false, 1), 5, manager).namedParameters();
      var b = DecoderTransformer.create(config(false, 1), 5, manager).namedParameters();
      var c = DecoderTransformer.create(config(false, 1), 6, manager).namedParameters();
      a.forEach((name, p) -> assertArrayEquals(p.getArray().toFloatArray(), b.get(name).getArray().toFloatArray(), name));
      assertFalse(Arrays.equals(a.get("embed.W_E").getArray().toFloatArray(), c.get("embed.W_E").getArray().toFloatArray()));
      float[] bias = a.get("blocks.0.mlp.b_in").getArray().toFloatArray();
      assertArrayEquals(new float[bias.length], bias, "biases start at zero");
      float[] we = a.get("embed.W_E").getArray().toFloatArray();
      double var = 0;
      for (float x : we) {
        var += x * x;
      }
      var /= we.length;
      // N(0, 1/d): 128 draws, the sample variance is within 4 standard errors (sqrt(2/128)/d)
      assertEquals(1.0 / 16, var, 4 * Math.sqrt(2.0 / we.length) / 16);
    }
  }

  @Test
  void rejectsBadArchitectures() {
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.forModulus(P, 1, 10, 4, 32, false));
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.forModulus(P, 0, 16, 4, 32, false));
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.forModulus(P, 1, 0, 4, 32, false));
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.forModulus(P, 1, 16, 0, 32, false));
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.forModulus(P, 1, 16, 4, 0, false));
  }
}
