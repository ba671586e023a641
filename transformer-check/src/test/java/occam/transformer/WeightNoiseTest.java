package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import occam.transformer.records.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Noisy weights: seeded draws, the gradient taken at θ + ε, the clean θ put back exactly. */
class WeightNoiseTest {
  @Test
  void drawsAreSeededByRunParameterAndStep() {
    WeightNoise noise = new WeightNoise(3, 0.1);
    assertArrayEquals(noise.draw("w", 50, 7), new WeightNoise(3, 0.1).draw("w", 50, 7));
    assertFalse(java.util.Arrays.equals(noise.draw("w", 50, 7), noise.draw("w", 50, 8)));
    assertFalse(java.util.Arrays.equals(noise.draw("w", 50, 7), noise.draw("v", 50, 7)));
    assertFalse(java.util.Arrays.equals(noise.draw("w", 50, 7), new WeightNoise(4, 0.1).draw("w", 50, 7)));
    float[] many = noise.draw("w", 200_000, 1);
    double sumSq = 0;
    double sum = 0;
    for (float x : many) {
      sum += x;
      sumSq += (double) x * x;
    }
    assertEquals(0, sum / many.length, 0.001);
    assertEquals(0.1, Math.sqrt(sumSq / many.length), 0.001, "std σ (±3 standard errors of 0.1/√(2n))");
    assertThrows(IllegalArgumentException.class, () -> new WeightNoise(0, -0.1));
  }

  @Test
  void theGradientIsTheGradientAtTheNoisyPointAndTheCleanWeightsComeBack() {
    TrainingConfig config = TrainingRunTest.tiny().build();
    ModularSequences data = ModularSequences.of(config.split());
    WeightNoise noise = new WeightNoise(config.seed(), 0.05);
    int step = 5;
    try (NDManager manager = Djl.engine().newBaseManager()) {
      Examples train = Examples.of(manager, data, data.trainCells());
      DecoderTransformer noisy = DecoderTransformer.create(config.model(), config.seed(), manager);
      List<NamedTensor> clean = noisy.tensors();
      noise.atNoisyPoint(noisy.namedParameters(), step, pass(noisy, train, manager));
      float[][] atNoisy = gradients(noisy);
      List<NamedTensor> after = noisy.tensors();
      for (int i = 0; i < clean.size(); i++) {
        assertArrayEquals(clean.get(i).data(), after.get(i).data(), "clean " + clean.get(i).name() + " restored");
      }

      // the same gradient pass on a model whose weights are θ + ε (float32 sums, as the engine adds them)
      DecoderTransformer moved = DecoderTransformer.create(config.model(), config.seed(), manager);
      List<NamedTensor> shifted = new ArrayList<>();
      for (NamedTensor t : clean) {
        float[] eps = noise.draw(t.name(), t.size(), step);
        float[] v = t.data().clone();
        for (int j = 0; j < v.length; j++) {
          v[j] += eps[j];
        }
        shifted.add(new NamedTensor(t.name(), t.shape(), v));
      }
      moved.load(shifted);
      pass(moved, train, manager).get();
      float[][] expected = gradients(moved);
      for (int i = 0; i < expected.length; i++) {
        assertArrayEquals(expected[i], atNoisy[i], clean.get(i).name());
      }

      // and it is not the gradient at the clean point
      DecoderTransformer plain = DecoderTransformer.create(config.model(), config.seed(), manager);
      pass(plain, train, manager).get();
      assertFalse(java.util.Arrays.equals(gradients(plain)[0], atNoisy[0]));
    }
  }

  /** The training loop's full-batch gradient pass (CrossEntropy's float64 gradient at the logits). */
  private static Supplier<NDArray> pass(DecoderTransformer model, Examples train, NDManager manager) {
    return () -> {
      try (GradientCollector collector = Djl.engine().newGradientCollector()) {
        NDArray logits = model.forward(new ParameterStore(manager, false), new NDList(train.tokenArray()), true)
            .singletonOrThrow();
        collector.backward(logits.mul(CrossEntropy.gradient(logits, train.oneHot())).sum());
        return logits;
      }
    };
  }

  private static float[][] gradients(DecoderTransformer model) {
    return model.namedParameters().values().stream()
        .map(p -> p.getArray().getGradient().toFloatArray()).toArray(float[][]::new);
  }
}
