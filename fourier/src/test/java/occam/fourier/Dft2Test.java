package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Dft2Backend} against the reference DFT and the DFT's identities, on seeded random
 * inputs and edge values. Tolerances are the size-scaled bound of {@link DftTesting}; the largest
 * errors are printed at the end.
 */
class Dft2Test {
  private static final DftTesting.ErrorLog LOG = new DftTesting.ErrorLog("Dft2Test");
  private static final long SEED = 20240611L;
  /**
   * Sizes held against the O(m⁴) reference: the task's primes and composites and lengths that reach
   * every planner branch (generic radices 7 to 13, Rader over smooth and non-smooth lengths,
   * Bluestein).
   */
  private static final int[] REFERENCE_SIZES = {1, 2, 3, 5, 7, 8, 11, 12, 13, 14, 16, 17, 23, 26, 30, 31, 46, 47, 49, 56, 96, 97};
  /** Sizes held against the O(m³) separable reference. */
  private static final int[] LARGE_SIZES = {112, 113, 128, 256, 257};
  /** Sizes for the identity checks, which any backend can afford. */
  private static final int[] IDENTITY_SIZES = {1, 2, 3, 7, 12, 13, 30, 31};

  @AfterAll
  static void report() {
    LOG.print();
  }

  static Stream<Arguments> fastCases() {
    return Stream.of(Dft2Backend.STOCKHAM, Dft2Backend.JTRANSFORMS)
        .flatMap(b -> IntStream.concat(IntStream.of(REFERENCE_SIZES), IntStream.of(LARGE_SIZES)).mapToObj(m -> Arguments.of(b, m)));
  }

  static Stream<Arguments> allCases() {
    return Stream.of(Dft2Backend.values())
        .flatMap(b -> IntStream.of(IDENTITY_SIZES).mapToObj(m -> Arguments.of(b, m)));
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("fastCases")
  void matchesReference(Dft2Backend backend, int m) {
    Dft2 dft = backend.create(m, DftNormalization.STANDARD);
    for (TransformDirection direction : TransformDirection.values()) {
      double[] a = DftTesting.randomComplex(m, SEED);
      dft.transform(a, direction);
      double[] reference = DftTesting.reference(m, SEED, direction);
      double error = DftTesting.distance(a, reference) / DftTesting.norm(reference);
      double tolerance = DftTesting.tolerance(m);
      LOG.record(backend + " " + direction + " vs reference", m, error, tolerance);
      assertTrue(error <= tolerance, () -> backend + " " + direction + " m=" + m + ": error " + error + " > " + tolerance);
    }
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void roundTripRestoresInput(Dft2Backend backend, int m) {
    for (DftNormalization normalization : DftNormalization.values()) {
      Dft2 dft = backend.create(m, normalization);
      double[] x = DftTesting.randomComplex(m, SEED + m);
      double[] a = x.clone();
      dft.forward(a);
      dft.inverse(a);
      double error = DftTesting.distance(a, x) / DftTesting.norm(x);
      double tolerance = 2 * DftTesting.tolerance(m);
      LOG.record(backend + " round trip " + normalization, m, error, tolerance);
      assertTrue(error <= tolerance, () -> backend + " " + normalization + " m=" + m + ": round-trip error " + error);
    }
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void parsevalHolds(Dft2Backend backend, int m) {
    double[] x = DftTesting.randomComplex(m, SEED + 2 * m);
    double energy = sq(DftTesting.norm(x));
    for (DftNormalization normalization : DftNormalization.values()) {
      double[] a = x.clone();
      backend.create(m, normalization).forward(a);
      // Σ|x|² = (1/m²)·Σ|F|² (STANDARD), = Σ|F|² (UNITARY)
      double spectral = sq(DftTesting.norm(a)) * (normalization == DftNormalization.STANDARD ? 1.0 / ((double) m * m) : 1.0);
      double error = Math.abs(spectral - energy) / energy;
      double tolerance = 2 * DftTesting.tolerance(m);
      LOG.record(backend + " Parseval " + normalization, m, error, tolerance);
      assertTrue(error <= tolerance, () -> backend + " " + normalization + " m=" + m + ": Parseval error " + error);
    }
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void realInputHasConjugateSymmetricSpectrum(Dft2Backend backend, int m) {
    double[] a = DftTesting.complexOf(DftTesting.randomReal(m, SEED + 3 * m));
    backend.create(m, DftNormalization.STANDARD).forward(a);
    // F[−k, −l] = conj F[k, l]
    double[] asymmetry = new double[a.length];
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        int i = 2 * (k * m + l);
        int j = 2 * (((m - k) % m) * m + (m - l) % m);
        asymmetry[i] = a[j] - a[i];
        asymmetry[i + 1] = a[j + 1] + a[i + 1];
      }
    }
    double error = DftTesting.norm(asymmetry) / DftTesting.norm(a);
    double tolerance = DftTesting.tolerance(m);
    LOG.record(backend + " Hermitian symmetry", m, error, tolerance);
    assertTrue(error <= tolerance, () -> backend + " m=" + m + ": asymmetry " + error);
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void unitaryIsStandardRescaled(Dft2Backend backend, int m) {
    double[] x = DftTesting.randomComplex(m, SEED + 4 * m);
    for (TransformDirection direction : TransformDirection.values()) {
      double[] standard = x.clone();
      backend.create(m, DftNormalization.STANDARD).transform(standard, direction);
      double[] unitary = x.clone();
      backend.create(m, DftNormalization.UNITARY).transform(unitary, direction);
      // UNITARY = STANDARD·(1/m) forward, STANDARD·m inverse
      double factor = direction == TransformDirection.FORWARD ? 1.0 / m : m;
      for (int i = 0; i < standard.length; i++) {
        standard[i] *= factor;
      }
      double error = DftTesting.distance(unitary, standard) / DftTesting.norm(standard);
      assertTrue(error <= DftTesting.tolerance(m), () -> backend + " " + direction + " m=" + m + ": " + error);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dft2Backend.class)
  void deltaAndConstantHaveKnownTransforms(Dft2Backend backend) {
    int m = 12;
    Dft2 dft = backend.create(m, DftNormalization.STANDARD);
    double tolerance = DftTesting.tolerance(m);
    // δ at (0, 0) → every F[k, l] = 1.
    double[] a = new double[2 * m * m];
    a[0] = 1;
    dft.forward(a);
    for (int i = 0; i < m * m; i++) {
      assertEquals(1, a[2 * i], tolerance);
      assertEquals(0, a[2 * i + 1], tolerance);
    }
    // Constant c → F[0, 0] = c·m², zero elsewhere; the inverse brings back c exactly enough.
    double c = -2.5;
    double[] b = new double[2 * m * m];
    for (int i = 0; i < m * m; i++) {
      b[2 * i] = c;
    }
    dft.forward(b);
    assertEquals(c * m * m, b[0], Math.abs(c) * m * m * tolerance);
    for (int i = 1; i < 2 * m * m; i++) {
      assertEquals(0, b[i], Math.abs(c) * m * m * tolerance);
    }
    dft.inverse(b);
    for (int i = 0; i < m * m; i++) {
      assertEquals(c, b[2 * i], Math.abs(c) * tolerance);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dft2Backend.class)
  void zeroStaysZero(Dft2Backend backend) {
    Dft2 dft = backend.create(7, DftNormalization.UNITARY);
    double[] a = new double[2 * 49];
    dft.forward(a);
    dft.inverse(a);
    for (double x : a) {
      assertEquals(0.0, x);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Dft2Backend.class)
  void rejectsInvalidArguments(Dft2Backend backend) {
    assertThrows(IllegalArgumentException.class, () -> backend.create(0, DftNormalization.STANDARD));
    assertThrows(IllegalArgumentException.class, () -> backend.create(-3, DftNormalization.STANDARD));
    assertThrows(IllegalArgumentException.class, () -> backend.create(4, null));
    Dft2 dft = backend.create(4, DftNormalization.STANDARD);
    assertEquals(4, dft.size());
    assertEquals(DftNormalization.STANDARD, dft.normalization());
    assertThrows(IllegalArgumentException.class, () -> dft.forward(new double[31]));
    assertThrows(IllegalArgumentException.class, () -> dft.inverse(new double[33]));
    assertThrows(IllegalArgumentException.class, () -> dft.forward(null));
    assertThrows(IllegalArgumentException.class, () -> dft.transform(new double[32], null));
  }

  @Test
  void parsesBackendNames() {
    assertEquals(Dft2Backend.JTRANSFORMS, Dft2Backend.parse("jtransforms"));
    assertEquals(Dft2Backend.STOCKHAM, Dft2Backend.parse(" Stockham "));
    assertEquals(Dft2Backend.NAIVE, Dft2Backend.parse("NAIVE"));
    assertThrows(IllegalArgumentException.class, () -> Dft2Backend.parse("fftw"));
    assertThrows(IllegalArgumentException.class, () -> Dft2Backend.parse(""));
    assertThrows(IllegalArgumentException.class, () -> Dft2Backend.parse(null));
  }

  @Test
  void normalizationScalesAreTheDocumentedFactors() {
    int m = 6;
    assertEquals(1.0, DftNormalization.STANDARD.scale(m, TransformDirection.FORWARD));
    assertEquals(1.0 / 36, DftNormalization.STANDARD.scale(m, TransformDirection.INVERSE));
    assertEquals(1.0 / 6, DftNormalization.UNITARY.scale(m, TransformDirection.FORWARD));
    assertEquals(1.0 / 6, DftNormalization.UNITARY.scale(m, TransformDirection.INVERSE));
    // The two scales of a direction pair multiply to 1/m² in both conventions.
    for (DftNormalization n : DftNormalization.values()) {
      assertEquals(1.0 / 36, n.scale(m, TransformDirection.FORWARD) * n.scale(m, TransformDirection.INVERSE), 1e-17);
      assertThrows(IllegalArgumentException.class, () -> n.scale(0, TransformDirection.FORWARD));
      assertThrows(IllegalArgumentException.class, () -> n.scale(m, null));
    }
  }

  private static double sq(double x) {
    return x * x;
  }
}
