package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BdmPresetTest {

  private static final int N = 64;

  /** A smooth wave, as grokked Fourier features look: W_ij = cos(2π·3·(i + 2j)/N). */
  private static double[] wave() {
    double[] w = new double[N * N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        w[i * N + j] = Math.cos(2 * Math.PI * 3 * (i + 2 * j) / N);
      }
    }
    return w;
  }

  private static double[] noise() {
    return new Random(1).doubles(N * N).map(x -> x - 0.5).toArray();
  }

  /** The README's example, as the transformer check calls it. */
  @Test
  void readmeExample() {
    float[] weights = new float[128 * 512]; // e.g. one layer's weights, row-major
    Random rnd = new Random(42);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) rnd.nextGaussian();
    }
    BdmResult r = BdmPreset.DEFAULT.value(weights, 128, 512);
    assertEquals("ctm-own-b4-d12", r.table());
    assertEquals(4, r.alphabet());
    assertEquals("6", r.blockShape());
    assertEquals(128 * 512 / 6, r.blocks());
    assertTrue(r.describe().startsWith("BDM "));
  }

  @Test
  void structuredWeightsHaveLowerBdmThanNoise() {
    for (BdmPreset p : BdmPreset.values()) {
      BdmResult wave = p.value(wave(), N, N);
      BdmResult noise = p.value(noise(), N, N);
      assertTrue(wave.bits() < noise.bits() / 5, p + ": " + wave.bits() + " vs " + noise.bits());
      assertTrue(wave.normalized() < 0.2 && noise.normalized() > 0.8, p + " normalized");
      assertEquals(wave.blocks(), noise.blocks());
    }
  }

  @Test
  void quantizationRemovesMagnitude() {
    double[] w = noise();
    double[] small = w.clone();
    for (int i = 0; i < small.length; i++) {
      small[i] *= 1e-3;
    }
    assertEquals(BdmPreset.DEFAULT.value(w, N, N).bits(), BdmPreset.DEFAULT.value(small, N, N).bits(), 0);
  }

  @Test
  void layersAddUp() {
    WeightMatrix a = new WeightMatrix("a", N, N, wave());
    WeightMatrix b = new WeightMatrix("b", N, N, noise());
    double sum = BdmPreset.MEDIAN.value(List.of(a, b)).bits();
    assertEquals(
        BdmPreset.MEDIAN.value(wave(), N, N).bits() + BdmPreset.MEDIAN.value(noise(), N, N).bits(),
        sum,
        1e-9);
    assertEquals(BdmPreset.MEDIAN, BdmPreset.forAlphabet(2));
    assertThrows(IllegalArgumentException.class, () -> BdmPreset.forAlphabet(3));
    assertThrows(IllegalArgumentException.class, () -> BdmPreset.DEFAULT.value(new double[5], 1, 5));
  }
}
