package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpectralConcentrationTest {
  /** A few ulps of the values below: each measure is a handful of roundings from exact. */
  private static final double TOL = 1e-15;

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {1, 2, 8, 97, 9409})
  void flatSpectrum(int n) {
    double[] p = new double[n];
    Arrays.fill(p, 0.37);
    SpectralConcentration s = SpectralConcentration.of(p);
    assertEquals(0, s.gini(), TOL);
    assertEquals(1.0 / n, s.ipr(), TOL * 1.0 / n * 10);
    assertEquals(Math.log(n), s.entropy(), 4 * TOL * Math.max(1, Math.log(n)));
    assertEquals(n, s.effectiveRank(), 8 * TOL * n * Math.max(1, Math.log(n)));
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {1, 2, 8, 97, 9409})
  void oneSpike(int n) {
    double[] p = new double[n];
    p[n / 2] = 5;
    SpectralConcentration s = SpectralConcentration.of(p);
    assertEquals((n - 1.0) / n, s.gini(), TOL);
    assertEquals(1, s.ipr(), TOL);
    assertEquals(0, s.entropy(), 0);
    assertEquals(1, s.effectiveRank(), 0);
  }

  @Test
  void handComputedSpectrum() {
    // P = (3, 1, 4, 2), N = 4, T = 10; sorted 1, 2, 3, 4.
    // Gini = Σ(2i − N − 1)P_(i)/(N·T) = (−3·1 − 1·2 + 1·3 + 3·4)/40 = 10/40 = 0.25.
    // IPR = ΣP²/T² = (9 + 1 + 16 + 4)/100 = 0.3.
    // H = −(0.1 ln 0.1 + 0.2 ln 0.2 + 0.3 ln 0.3 + 0.4 ln 0.4) = 1.2798542258336676 nats (Python math,
    // double precision), exp(H) = 3.5961154666243225.
    double[] p = {3, 1, 4, 2};
    double[] copy = p.clone();
    SpectralConcentration s = SpectralConcentration.of(p);
    assertEquals(0.25, s.gini(), TOL);
    assertEquals(0.3, s.ipr(), TOL);
    assertEquals(1.2798542258336676, s.entropy(), 2 * TOL);
    assertEquals(3.5961154666243225, s.effectiveRank(), 8 * TOL);
    assertArrayEquals(copy, p, "input untouched");
  }

  @Test
  void isScaleAndOrderInvariantWithoutOverflow() {
    SpectralConcentration base = SpectralConcentration.of(new double[] {3, 1, 4, 2});
    for (double scale : new double[] {1e-310, 1e-200, 1e200, 1e307}) {
      SpectralConcentration s = SpectralConcentration.of(new double[] {2 * scale, 4 * scale, 1 * scale, 3 * scale});
      assertEquals(base.gini(), s.gini(), 4 * TOL, "scale " + scale);
      assertEquals(base.ipr(), s.ipr(), 4 * TOL, "scale " + scale);
      assertEquals(base.entropy(), s.entropy(), 4 * TOL, "scale " + scale);
    }
    SpectralConcentration huge = SpectralConcentration.of(new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
    assertEquals(0, huge.gini(), TOL);
    assertEquals(0.5, huge.ipr(), TOL);
  }

  @Test
  void allZeroEmptyAndInfiniteAreNaN() {
    for (double[] p : new double[][] {{0, 0, 0}, {}, {1, Double.POSITIVE_INFINITY}}) {
      SpectralConcentration s = SpectralConcentration.of(p);
      assertTrue(Double.isNaN(s.gini()) && Double.isNaN(s.ipr()) && Double.isNaN(s.entropy()) && Double.isNaN(s.effectiveRank()),
          Arrays.toString(p) + " → " + s);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, -1e-300, -0.0 - Double.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY})
  void rejectsNegativeAndNaNEntries(double bad) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpectralConcentration.of(new double[] {1, bad, 2}));
    assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
  }

  @Test
  void negativeZeroCountsAsZero() {
    SpectralConcentration s = SpectralConcentration.of(new double[] {-0.0, 1});
    assertEquals(0.5, s.gini(), TOL);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void orNaNGivesNaNForANonFiniteSpectrumAndOfOtherwise(double bad) {
    SpectralConcentration s = SpectralConcentration.orNaN(new double[] {1, bad, 2});
    assertTrue(Double.isNaN(s.gini()) && Double.isNaN(s.ipr()) && Double.isNaN(s.entropy())
        && Double.isNaN(s.effectiveRank()));
    assertEquals(SpectralConcentration.of(new double[] {1, 3, 2}), SpectralConcentration.orNaN(new double[] {1, 3, 2}));
  }
}
