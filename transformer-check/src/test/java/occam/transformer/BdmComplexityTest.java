package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import occam.complexity.BdmPreset;
import occam.complexity.BdmResult;
import occam.complexity.WeightMatrix;
import org.junit.jupiter.api.Test;

/** K_BDM of a model's tensors: the per-matrix sum of the complexity module, vectors left out. */
class BdmComplexityTest {
  private static NamedTensor wave(String name, int rows, int cols) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        d[i * cols + j] = (float) Math.cos(2 * Math.PI * 3 * (i + 2 * j) / cols);
      }
    }
    return new NamedTensor(name, new int[] {rows, cols}, d);
  }

  private static NamedTensor noise(String name, long seed, int... shape) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    float[] d = new float[size];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      d[i] = (float) rng.nextGaussian();
    }
    return new NamedTensor(name, shape, d);
  }

  @Test
  void isTheComplexityModulesSumOverMatricesAndSkipsVectors() {
    NamedTensor a = noise("a", 1, 16, 12);
    NamedTensor bias = noise("bias", 2, 12);
    NamedTensor b = wave("b", 8, 24);
    BdmComplexity k = BdmComplexity.of(BdmPreset.DEFAULT);
    double expected = BdmPreset.DEFAULT.value(List.of(
        new WeightMatrix("a", 16, 12, toDouble(a.data())), new WeightMatrix("b", 8, 24, toDouble(b.data())))).bits();
    assertEquals(expected, k.bits(List.of(a, bias, b)), 0.0, "bits are the summed BDM");
    double alone = BdmPreset.DEFAULT.value(a.data(), 16, 12).bits()
        + BdmPreset.DEFAULT.value(b.data(), 8, 24).bits();
    assertEquals(alone, expected, 1e-9 * alone, "blocks are counted per matrix: the BDMs add up");
    BdmResult r = k.result(List.of(a, bias, b));
    assertEquals("ctm-own-b4-d12", r.table());
    assertEquals(4, r.alphabet());
    assertEquals("6", r.blockShape());
    assertTrue(k.description().contains("ctm-own-b4-d12"), k.description());
  }

  @Test
  void structureCostsLessThanNoise() {
    BdmComplexity k = BdmComplexity.of(BdmPreset.DEFAULT);
    double structured = k.bits(List.of(wave("w", 64, 64)));
    double random = k.bits(List.of(noise("w", 5, 64, 64)));
    assertTrue(structured < 0.2 * random, structured + " vs " + random);
  }

  @Test
  void flattensLeadingDimensionsAndIgnoresTooSmallTensors() {
    BdmComplexity k = BdmComplexity.of(BdmPreset.DEFAULT);
    NamedTensor three = noise("t", 3, 2, 4, 6);
    assertEquals(BdmPreset.DEFAULT.value(three.data(), 8, 6).bits(), k.bits(List.of(three)), 0.0);
    assertTrue(Double.isNaN(k.bits(List.of(noise("tiny", 4, 1, 5)))), "no complete block");
    assertTrue(Double.isNaN(k.bits(List.of(noise("v", 4, 100)))), "vectors only");
  }

  @Test
  void nonFiniteWeightsGiveNaN() {
    NamedTensor bad = noise("w", 6, 8, 8);
    bad.data()[3] = Float.NaN;
    assertTrue(Double.isNaN(BdmComplexity.of(BdmPreset.DEFAULT).bits(List.of(bad))));
  }

  @Test
  void rejectsNullPreset() {
    assertThrows(IllegalArgumentException.class, () -> BdmComplexity.of(null));
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
