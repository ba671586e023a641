package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The ring score is 1 on synthetic rings isomorphic to Z_m (any frequency, direction, phase, radius
 * and rotation into R^d) and near 0 on Gaussian point clouds.
 *
 * <p>Measured on i.i.d. N(0, 1) rows, 200 seeds each (2-core box): m = 47, d = 64: mean score 0.0127,
 * max 0.0261; m = 113, d = 128: mean 0.0029, max 0.0061; m = 96, d = 16: mean 0.0058, max 0.0109. The
 * bound {@link #NOISE_BOUND} is about twice the largest.
 */
class RingScoreTest {
  /** Largest score allowed on noise (≈ 2 × the largest measured, class comment). */
  static final double NOISE_BOUND = 0.05;

  /** A ring x_a = r·(cos(sign·2πka/m + φ0), sin(…)) rotated into R^d by a seeded orthonormal pair, plus an offset. */
  static double[][] ring(int m, int d, int k, int sign, double phase, double radius, long seed) {
    Random rnd = new Random(seed);
    double[] e1 = new double[d];
    double[] e2 = new double[d];
    double[] offset = new double[d];
    for (int j = 0; j < d; j++) {
      e1[j] = rnd.nextGaussian();
      e2[j] = rnd.nextGaussian();
      offset[j] = rnd.nextGaussian();
    }
    normalize(e1);
    double dot = 0;
    for (int j = 0; j < d; j++) {
      dot += e1[j] * e2[j];
    }
    for (int j = 0; j < d; j++) {
      e2[j] -= dot * e1[j];
    }
    normalize(e2);
    double[][] rows = new double[m][d];
    for (int a = 0; a < m; a++) {
      double angle = sign * 2 * Math.PI * k * a / m + phase;
      for (int j = 0; j < d; j++) {
        rows[a][j] = offset[j] + radius * (Math.cos(angle) * e1[j] + Math.sin(angle) * e2[j]);
      }
    }
    return rows;
  }

  private static void normalize(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    for (int j = 0; j < v.length; j++) {
      v[j] /= n;
    }
  }

  static double[][] noise(int m, int d, long seed) {
    Random rnd = new Random(seed);
    double[][] rows = new double[m][d];
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        r[j] = rnd.nextGaussian();
      }
    }
    return rows;
  }

  static RingScore score(double[][] rows) {
    return RingScore.of(rows, PrincipalComponents.of(rows));
  }

  @ParameterizedTest(name = "m {0}, d {1}, k {2}, sign {3}")
  @CsvSource({"47, 64, 1, 1", "47, 64, 5, -1", "113, 128, 17, 1", "96, 16, 3, -1", "5, 2, 2, 1"})
  void aPerfectRingScoresOne(int m, int d, int k, int sign) {
    RingScore r = score(ring(m, d, k, sign, 0.7, 3.5, m + d));
    assertEquals(k, r.frequency());
    assertEquals(1, r.share(), 1e-12);
    assertEquals(1, r.alignment(), 1e-12);
    assertEquals(1, r.score(), 1e-12);
  }

  @Test
  void aRingTracedOutOfGroupOrderIsNotARingOfZm() {
    double[][] ring = ring(47, 8, 1, 1, 0, 1, 1);
    double[][] shuffled = new double[47][];
    java.util.List<Integer> order = new java.util.ArrayList<>();
    for (int a = 0; a < 47; a++) {
      order.add(a);
    }
    java.util.Collections.shuffle(order, new Random(5));
    for (int a = 0; a < 47; a++) {
      shuffled[a] = ring[order.get(a)];
    }
    RingScore r = score(shuffled);
    assertTrue(r.score() < NOISE_BOUND, "a circle whose points are permuted: " + r);
  }

  @ParameterizedTest(name = "m {0}, d {1}")
  @CsvSource({"47, 64", "113, 128", "96, 16"})
  void gaussianNoiseScoresNearZero(int m, int d) {
    double max = 0;
    double sum = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      double s = score(noise(m, d, seed)).score();
      max = Math.max(max, s);
      sum += s;
    }
    System.out.printf("ring score on N(0,1) rows, m = %d, d = %d, %d seeds: mean %.4f, max %.4f%n", m, d, seeds,
        sum / seeds, max);
    assertTrue(max < NOISE_BOUND, "largest score on noise " + max);
  }

  @Test
  void constantRowsHaveNoRingAndTooFewRowsAreRefused() {
    double[][] flat = new double[7][3];
    RingScore r = score(flat);
    assertEquals(0, r.frequency());
    assertTrue(Double.isNaN(r.score()));
    assertThrows(IllegalArgumentException.class, () -> RingScore.of(new double[2][3], PrincipalComponents.of(new double[2][3])));
    assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.of(new double[1][3]));
  }
}
