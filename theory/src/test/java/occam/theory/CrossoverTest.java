package occam.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** {@link Crossover}: the Lambert-W closed form against Brent's root finder on n·ε − c·ln n. */
class CrossoverTest {

  private static final double U = 0x1p-53;

  /** Brent's stopping accuracy, relative to the root. */
  private static final double BRENT_RELATIVE = 1e-15;

  /** Seeded (c, ε) with ε/c log-uniform over [1e-12, 0.36] and c log-uniform over [1e-3, 1e6]. */
  static Stream<Arguments> settings() {
    SplittableRandom rng = new SplittableRandom(2024);
    return Stream.generate(() -> {
      double c = Math.pow(10, rng.nextDouble(-3, 6));
      double ratio = Math.pow(10, rng.nextDouble(-12, Math.log10(0.36)));
      return Arguments.of(c, ratio * c);
    }).limit(300);
  }

  /**
   * Both roots agree with Brent's. Tolerance: a root n of f(n) = εn − c·ln n is only defined to
   * δn ≈ (error of f)/|f′(n)| = 2u·εn/|ε − c/n| = 2u·n/|1 − 1/ln n| (f is evaluated with ~2u·εn
   * error at the root, where εn = c·ln n); both methods carry that, plus ≤ 4 ulp of W and Brent's
   * own 1e-15. Hence |n_closed − n_Brent| ≤ n·(32u·(1 + 1/|1 − 1/ln n|) + 2e-15).
   */
  @ParameterizedTest(name = "c = {0}, eps = {1}")
  @MethodSource("settings")
  void closedFormMatchesBrent(double c, double eps) {
    Crossover x = Crossover.solve(c, eps);
    assertTrue(x.exists());
    UnivariateFunction f = n -> eps * n - c * Math.log(n);
    BrentSolver brent = new BrentSolver(BRENT_RELATIVE, Double.MIN_VALUE, 0);
    double vertex = c / eps; // f is smallest here, and negative when c/eps > e
    double hi = 2 * vertex;
    while (f.value(hi) <= 0) {
      hi *= 2;
    }
    double upper = brent.solve(10_000, f, vertex, hi);
    double lower = brent.solve(10_000, f, 1, vertex);
    assertClose(upper, x.upper(), "upper");
    assertClose(lower, x.lower(), "lower");
    assertEquals(x.upper(), x.nStar());
  }

  private static void assertClose(double brent, double closed, String which) {
    double kappa = 1 + 1 / Math.abs(1 - 1 / Math.log(brent));
    double tol = brent * (32 * U * kappa + 2 * BRENT_RELATIVE);
    assertEquals(brent, closed, tol, which + " root");
  }

  /**
   * The roots are where the two MAP objectives meet: n·ε + β·p·ln n = β·p²·ln n (SPEC §4). Tolerance:
   * the roots' own error (as in {@link #closedFormMatchesBrent}) times the slope |ε − c/n| of the
   * difference, plus a few ulp of the objectives.
   */
  @Test
  void rootsEqualizeTheObjectives() {
    int p = 97;
    double beta = 1e-3;
    double eps = 0.01;
    Crossover x = Crossover.of(p, beta, eps);
    for (double n : new double[] {x.lower(), x.upper()}) {
      double generalizing = FreeEnergy.value(n, eps, beta * p);
      double memorizing = FreeEnergy.value(n, 0, beta * p * p);
      double kappa = 1 + 1 / Math.abs(1 - 1 / Math.log(n));
      double tol = Math.abs(eps - x.c() / n) * n * 32 * U * kappa + 8 * U * memorizing;
      assertEquals(memorizing, generalizing, tol, "at n = " + n);
    }
    assertEquals(beta * (97.0 * 97 - 97), x.c(), 0.0);
  }

  /** Generalizing is cheaper between the roots (below n*) and memorizing above n*, as the javadoc says. */
  @Test
  void generalizingIsCheaperBelowTheUpperRoot() {
    int p = 97;
    double beta = 1e-3;
    double eps = 0.01;
    Crossover x = Crossover.of(p, beta, eps);
    for (double n : new double[] {2 * x.lower(), Math.sqrt(x.lower() * x.upper()), x.upper() / 2, 2 * x.upper(),
        10 * x.upper()}) {
      double generalizing = FreeEnergy.value(n, eps, beta * p);
      double memorizing = FreeEnergy.value(n, 0, beta * p * p);
      assertEquals(n < x.upper(), generalizing < memorizing, "at n = " + n);
    }
  }

  @Test
  void noCrossoverAboveOneOverE() {
    for (double ratio : new double[] {Math.nextUp(0.36787944117144233), 0.5, 1, 1e300}) {
      Crossover x = Crossover.solve(1, ratio);
      assertFalse(x.exists(), "eps/c = " + ratio);
      assertTrue(Double.isNaN(x.lower()) && Double.isNaN(x.upper()) && Double.isNaN(x.nStar()));
      assertEquals(ratio, x.ratio());
    }
  }

  /** At ε/c = 1/e (the double nearest it) the roots merge at n = c/ε = e. */
  @Test
  void doubleRootAtOneOverE() {
    Crossover x = Crossover.solve(1, 0.36787944117144233);
    assertTrue(x.exists());
    assertEquals(1 / 0.36787944117144233, x.lower(), 0.0);
    assertEquals(1 / 0.36787944117144233, x.upper(), 0.0);
  }

  /** When ε/c underflows the lower root is its limit 1 and n* overflows to +∞. */
  @Test
  void underflowingRatio() {
    Crossover x = Crossover.solve(1e300, 1e-300);
    assertTrue(x.exists());
    assertEquals(1.0, x.lower());
    assertEquals(Double.POSITIVE_INFINITY, x.upper());
  }

  @ParameterizedTest(name = "p = {0}, beta = {1}, eps = {2}")
  @CsvSource({
    "4, 1e-3, 0.01", "1, 1e-3, 0.01", "2, 1e-3, 0.01", "-7, 1e-3, 0.01",
    "97, 0, 0.01", "97, -1e-3, 0.01", "97, NaN, 0.01", "97, Infinity, 0.01",
    "97, 1e-3, 0", "97, 1e-3, -0.5", "97, 1e-3, NaN", "97, 1e-3, Infinity"
  })
  void rejectsBadInput(int p, double beta, double eps) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crossover.of(p, beta, eps));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @Test
  void rejectsInconsistentRoots() {
    assertThrows(IllegalArgumentException.class, () -> new Crossover(1, 0.1, Double.NaN, 3));
    assertThrows(IllegalArgumentException.class, () -> new Crossover(1, 0.1, 0.5, 3));
    assertThrows(IllegalArgumentException.class, () -> new Crossover(1, 0.1, 2, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Crossover.solve(0, 0.1));
  }
}
