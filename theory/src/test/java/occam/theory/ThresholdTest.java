package occam.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CompressedSensingThreshold} and {@link DonohoTannerThreshold}. */
class ThresholdTest {

  private static final double U = 0x1p-53;

  /**
   * 2s·ln(N/s); expected values from Python's math.log, written to 13 significant digits (s = m,
   * N = m² gives 2m·ln m).
   */
  @ParameterizedTest(name = "s = {0}, N = {1}")
  @CsvSource({
    "97, 9409, 887.4939298297",   // 2·97·ln 97 (add, p = 97)
    "49, 9216, 513.2138563129",   // 2·49·ln(9216/49) (mul, p = 97)
    "1, 2, 1.386294361120",       // 2·ln 2
    "10, 1000000, 230.2585092994" // 20·ln 1e5
  })
  void compressedSensingValues(double s, double n, double expected) {
    assertEquals(expected, CompressedSensingThreshold.value(s, n), 1e-12 * expected);
  }

  /** Seeded (s, N) with N log-uniform over [10, 1e8] and s/N log-uniform over [1e-6, 0.5]. */
  static Stream<Arguments> sparsities() {
    SplittableRandom rng = new SplittableRandom(11);
    return Stream.generate(() -> {
      double n = Math.pow(10, rng.nextDouble(1, 8));
      double s = n * Math.pow(10, rng.nextDouble(-6, Math.log10(0.5)));
      return Arguments.of(s, n);
    }).limit(200);
  }

  /**
   * 2s·W₀(N/2s) is the root of g(n) = n − 2s·ln(N/n). g′ = 1 + 2s/n ≥ 1, and g is evaluated with
   * error ≈ 2u·n at the root, so the root is defined to ~2u·n; with W₀'s 4 ulp and Brent's 1e-15,
   * |n_closed − n_Brent| ≤ n·(16u + 2e-15).
   */
  @ParameterizedTest(name = "s = {0}, N = {1}")
  @MethodSource("sparsities")
  void donohoTannerMatchesBrent(double s, double n) {
    UnivariateFunction g = x -> x - 2 * s * Math.log(n / x);
    double root = new BrentSolver(1e-15, Double.MIN_VALUE, 0).solve(10_000, g, s * 1e-3, n);
    double closed = DonohoTannerThreshold.value(s, n);
    assertEquals(root, closed, root * (16 * U + 2e-15));
    // n > s in the regime, so ln(N/n) < ln(N/s): the simple form is the larger.
    if (closed > s) {
      assertTrue(closed <= CompressedSensingThreshold.value(s, n));
    }
  }

  @Test
  void memorizingBoundaryScaleForP97() {
    // s = m = 97 in C^{97×97}: n = 2·97·W0(9409/194).
    assertEquals(2 * 97 * LambertW0.value(9409.0 / 194), DonohoTannerThreshold.value(97, 9409), 0.0);
  }

  @ParameterizedTest(name = "s = {0}, N = {1}")
  @CsvSource({"0, 10", "-1, 10", "10, 10", "11, 10", "NaN, 10", "1, 0", "1, Infinity", "1, NaN"})
  void rejectsBadInput(double s, double n) {
    assertThrows(IllegalArgumentException.class, () -> CompressedSensingThreshold.value(s, n));
    assertThrows(IllegalArgumentException.class, () -> DonohoTannerThreshold.value(s, n));
  }
}
