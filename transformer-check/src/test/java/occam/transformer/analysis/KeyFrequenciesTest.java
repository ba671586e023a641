package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** Key frequencies recovered from activation tables built from known frequencies. */
class KeyFrequenciesTest {
  /** Shares are ratios of sums of m² squared DFT values: exact to about 1e-15 relative. */
  private static final double SHARE = 1e-12;

  private interface Neuron {
    double value(int a, int b);
  }

  private static float[] table(int m, Neuron... neurons) {
    float[] t = new float[m * m * neurons.length];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        for (int n = 0; n < neurons.length; n++) {
          t[(a * m + b) * neurons.length + n] = (float) neurons[n].value(a, b);
        }
      }
    }
    return t;
  }

  private static double w(int k, int m) {
    return 2 * Math.PI * k / m;
  }

  @Test
  void neuronsOfTwoFrequenciesGiveThoseTwo() {
    int m = 23;
    SplittableRandom random = new SplittableRandom(7);
    Neuron[] neurons = new Neuron[12];
    for (int n = 0; n < neurons.length; n++) {
      int k = n % 2 == 0 ? 4 : 9;
      double phase = random.nextDouble() * 2 * Math.PI;
      double amplitude = 0.5 + random.nextDouble();
      long noiseSeed = random.nextLong();
      // cos(w_k(a + b) + φ) plus 1e-3 of seeded noise (variance share ~1e-6)
      SplittableRandom noise = new SplittableRandom(noiseSeed);
      double[] jitter = noise.doubles(m * m, -1e-3, 1e-3).toArray();
      neurons[n] = (a, b) -> amplitude * Math.cos(w(k, m) * (a + b) + phase) + jitter[a * m + b];
    }
    KeyFrequencies key = new KeyFrequencies(m);
    key.add(table(m, neurons), neurons.length);
    int[] found = KeyFrequencies.select(key.shares());
    Arrays.sort(found);
    assertArrayEquals(new int[] {4, 9}, found);
  }

  @Test
  void reluNeuronsOfNandasShapeGiveTheirFrequencies() {
    int m = 31;
    int[] frequencies = {3, 7, 11};
    Neuron[] neurons = new Neuron[9];
    for (int n = 0; n < neurons.length; n++) {
      int k = frequencies[n % 3];
      double phase = 0.7 * n;
      // ReLU(cos(w_k·a + φ) + cos(w_k·b + φ)): Nanda et al.'s neurons, harmonics included
      neurons[n] = (a, b) -> Math.max(0, Math.cos(w(k, m) * a + phase) + Math.cos(w(k, m) * b + phase));
    }
    KeyFrequencies key = new KeyFrequencies(m);
    key.add(table(m, neurons), neurons.length);
    int[] found = KeyFrequencies.select(key.shares());
    Arrays.sort(found);
    assertArrayEquals(frequencies, found);
  }

  @Test
  void sharesSplitTheVarianceWithoutCrossTerms() {
    int m = 11;
    KeyFrequencies key = new KeyFrequencies(m);
    // cos(w_3·a) + cos(w_2·b): half the variance at k = 3, half at k = 2, no product of two frequencies
    key.add(table(m, (a, b) -> Math.cos(w(3, m) * a) + Math.cos(w(2, m) * b)), 1);
    double[] shares = key.shares();
    assertEquals(5, shares.length);
    assertEquals(0.5, shares[2], SHARE);
    assertEquals(0.5, shares[1], SHARE);
    assertEquals(1.0, Arrays.stream(shares).sum(), SHARE);
    // a product of two different frequencies belongs to neither
    KeyFrequencies cross = new KeyFrequencies(m);
    cross.add(table(m, (a, b) -> Math.cos(w(3, m) * a) * Math.cos(w(2, m) * b)), 1);
    assertEquals(0.0, Arrays.stream(cross.shares()).sum(), SHARE);
  }

  @Test
  void theNyquistFrequencyOfAnEvenOrderIsItsOwn() {
    int m = 10;
    KeyFrequencies key = new KeyFrequencies(m);
    key.add(table(m, (a, b) -> a % 2 == 0 ? 1 : -1), 1);
    assertEquals(1.0, key.shares()[4], SHARE);
    assertArrayEquals(new int[] {5}, KeyFrequencies.select(key.shares()));
  }

  @Test
  void noiseHasNoKeyFrequency() {
    int m = 23;
    SplittableRandom random = new SplittableRandom(3);
    float[] noise = new float[m * m * 64];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    KeyFrequencies key = new KeyFrequencies(m);
    key.add(noise, 64);
    assertArrayEquals(new int[0], KeyFrequencies.select(key.shares()));
  }

  @Test
  void constantNeuronsHaveNoShares() {
    KeyFrequencies key = new KeyFrequencies(5);
    key.add(new float[25 * 2], 2);
    assertTrue(Arrays.stream(key.shares()).allMatch(Double::isNaN));
    assertArrayEquals(new int[0], KeyFrequencies.select(key.shares()));
  }

  @Test
  void theCutIsAtTheWidestGapOfAtLeastTheKeyGap() {
    assertArrayEquals(new int[] {1, 2}, KeyFrequencies.select(new double[] {0.5, 0.2, 0.01, 0.009}));
    assertArrayEquals(new int[] {3, 1}, KeyFrequencies.select(new double[] {0.2, 0.001, 0.7, 0.0009}));
    assertArrayEquals(new int[0], KeyFrequencies.select(new double[] {0.3, 0.3, 0.2, 0.1}));
    assertArrayEquals(new int[] {2}, KeyFrequencies.select(new double[] {0, 1, 0}));
  }

  /** The fallback of the progress measures: the widest ratio, however narrow; none when all are equal. */
  @Test
  void aLeastRatioOfOneCutsAtTheWidestRatio() {
    double[] soft = {0.17, 0.14, 0.11, 0.05, 0.04};
    assertArrayEquals(new int[0], KeyFrequencies.select(soft));
    assertArrayEquals(new int[] {1, 2, 3}, KeyFrequencies.select(soft, 1));
    assertArrayEquals(KeyFrequencies.select(soft), KeyFrequencies.select(soft, KeyFrequencies.KEY_GAP));
    assertArrayEquals(new int[0], KeyFrequencies.select(new double[] {0.25, 0.25, 0.25, 0.25}, 1));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> KeyFrequencies.select(new double[] {0.5, 0.5}, 0.99));
    assertThrows(IllegalArgumentException.class, () -> KeyFrequencies.select(new double[] {0.5, 0.5}, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new KeyFrequencies(1));
    KeyFrequencies key = new KeyFrequencies(5);
    assertThrows(IllegalArgumentException.class, () -> key.add(new float[24], 1));
    assertThrows(IllegalArgumentException.class, () -> key.add(new float[25], 0));
  }
}
