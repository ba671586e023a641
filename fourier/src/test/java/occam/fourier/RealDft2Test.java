package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link RealDft2Backend} against the complex reference DFT (columns 0..⌊m/2⌋ of the full
 * spectrum), and the identities of the half-spectrum pair, with the tolerances of {@link
 * DftTesting}.
 */
class RealDft2Test {
  private static final DftTesting.ErrorLog LOG = new DftTesting.ErrorLog("RealDft2Test");
  private static final long SEED = 77L;
  private static final int[] REFERENCE_SIZES = {1, 2, 3, 4, 5, 7, 11, 12, 13, 14, 17, 23, 30, 31, 46, 47, 96, 97};
  private static final int[] LARGE_SIZES = {112, 113, 256, 257};
  private static final int[] IDENTITY_SIZES = {1, 2, 3, 6, 7, 12, 13, 30, 31};

  @AfterAll
  static void report() {
    LOG.print();
  }

  static Stream<Arguments> fastCases() {
    return Stream.of(RealDft2Backend.STOCKHAM, RealDft2Backend.JTRANSFORMS)
        .flatMap(b -> IntStream.concat(IntStream.of(REFERENCE_SIZES), IntStream.of(LARGE_SIZES)).mapToObj(m -> Arguments.of(b, m)));
  }

  static Stream<Arguments> allCases() {
    return Stream.of(RealDft2Backend.values())
        .flatMap(b -> IntStream.of(IDENTITY_SIZES).mapToObj(m -> Arguments.of(b, m)));
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("fastCases")
  void forwardMatchesReference(RealDft2Backend backend, int m) {
    double[] x = DftTesting.randomReal(m, SEED + m);
    double[] expected = HalfSpectrum.of(DftTesting.reference(DftTesting.complexOf(x), m, TransformDirection.FORWARD), m);
    double[] half = new double[HalfSpectrum.length(m)];
    backend.create(m, DftNormalization.STANDARD).forward(x, half);
    check(backend + " forward vs reference", m, half, expected, DftTesting.tolerance(m));
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("fastCases")
  void inverseMatchesReference(RealDft2Backend backend, int m) {
    // A half spectrum that is not Hermitian-consistent on its self-mirrored columns: the inverse must
    // return Re of the inverse DFT of the mirrored full matrix (RealDft2's contract).
    double[] half = randomHalf(m, SEED - m);
    double[] full = DftTesting.reference(HalfSpectrum.expand(half, m), m, TransformDirection.INVERSE);
    double[] expected = new double[m * m];
    for (int i = 0; i < m * m; i++) {
      expected[i] = full[2 * i];
    }
    double[] real = new double[m * m];
    double[] copy = half.clone();
    backend.create(m, DftNormalization.STANDARD).inverse(half, real);
    assertTrue(java.util.Arrays.equals(copy, half), "input untouched");
    check(backend + " inverse vs reference", m, real, expected, DftTesting.tolerance(m));
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void roundTripRestoresInput(RealDft2Backend backend, int m) {
    for (DftNormalization normalization : DftNormalization.values()) {
      RealDft2 dft = backend.create(m, normalization);
      double[] x = DftTesting.randomReal(m, SEED * m);
      double[] copy = x.clone();
      double[] half = new double[HalfSpectrum.length(m)];
      double[] back = new double[m * m];
      dft.forward(x, half);
      assertTrue(java.util.Arrays.equals(copy, x), "input untouched");
      dft.inverse(half, back);
      check(backend + " round trip " + normalization, m, back, x, 2 * DftTesting.tolerance(m));
    }
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void parsevalWithMultiplicities(RealDft2Backend backend, int m) {
    double[] x = DftTesting.randomReal(m, SEED + 5 * m);
    double[] half = new double[HalfSpectrum.length(m)];
    backend.create(m, DftNormalization.STANDARD).forward(x, half);
    // Σx² = (1/m²)·Σ_{k, l<h} multiplicity(l)·|F[k, l]|²
    NeumaierSum spectral = new NeumaierSum();
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < HalfSpectrum.columns(m); l++) {
        int i = HalfSpectrum.index(m, k, l);
        spectral.add(HalfSpectrum.multiplicity(m, l) * (half[i] * half[i] + half[i + 1] * half[i + 1]));
      }
    }
    double energy = DftTesting.norm(x) * DftTesting.norm(x);
    double error = Math.abs(spectral.value() / ((double) m * m) - energy) / energy;
    double tolerance = 2 * DftTesting.tolerance(m);
    LOG.record(backend + " Parseval", m, error, tolerance);
    assertTrue(error <= tolerance, () -> backend + " m=" + m + ": Parseval error " + error);
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("allCases")
  void selfMirroredColumnsAreHermitian(RealDft2Backend backend, int m) {
    double[] half = new double[HalfSpectrum.length(m)];
    backend.create(m, DftNormalization.STANDARD).forward(DftTesting.randomReal(m, SEED + 6 * m), half);
    // F[−k, l] = conj F[k, l] for l = 0 and, for even m, l = m/2.
    double worst = 0;
    for (int l : m % 2 == 0 ? new int[] {0, m / 2} : new int[] {0}) {
      for (int k = 0; k < m; k++) {
        int i = HalfSpectrum.index(m, k, l);
        int j = HalfSpectrum.index(m, (m - k) % m, l);
        worst = Math.max(worst, Math.hypot(half[i] - half[j], half[i + 1] + half[j + 1]));
      }
    }
    double error = worst / DftTesting.norm(half);
    double tolerance = DftTesting.tolerance(m);
    LOG.record(backend + " Hermitian self-mirrored columns", m, error, tolerance);
    assertTrue(error <= tolerance, () -> backend + " m=" + m + ": asymmetry " + error);
  }

  @ParameterizedTest(name = "{0}, m = {1}")
  @MethodSource("fastCases")
  void agreesWithTheComplexBackendOnRealInput(RealDft2Backend backend, int m) {
    double[] x = DftTesting.randomReal(m, SEED + 7 * m);
    double[] full = DftTesting.complexOf(x);
    Dft2Backend.STOCKHAM.create(m, DftNormalization.UNITARY).forward(full);
    double[] half = new double[HalfSpectrum.length(m)];
    backend.create(m, DftNormalization.UNITARY).forward(x, half);
    check(backend + " vs STOCKHAM complex (unitary)", m, half, HalfSpectrum.of(full, m), 2 * DftTesting.tolerance(m));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RealDft2Backend.class)
  void rejectsInvalidArguments(RealDft2Backend backend) {
    assertThrows(IllegalArgumentException.class, () -> backend.create(0, DftNormalization.STANDARD));
    assertThrows(IllegalArgumentException.class, () -> backend.create(5, null));
    RealDft2 dft = backend.create(5, DftNormalization.STANDARD);
    assertEquals(5, dft.size());
    assertEquals(DftNormalization.STANDARD, dft.normalization());
    double[] real = new double[25];
    double[] half = new double[HalfSpectrum.length(5)];
    assertThrows(IllegalArgumentException.class, () -> dft.forward(new double[24], half));
    assertThrows(IllegalArgumentException.class, () -> dft.forward(real, new double[half.length + 2]));
    assertThrows(IllegalArgumentException.class, () -> dft.forward(null, half));
    assertThrows(IllegalArgumentException.class, () -> dft.forward(real, null));
    assertThrows(IllegalArgumentException.class, () -> dft.inverse(new double[2 * 25], real));
    assertThrows(IllegalArgumentException.class, () -> dft.inverse(half, new double[26]));
    assertThrows(IllegalArgumentException.class, () -> dft.inverse(null, real));
    assertThrows(IllegalArgumentException.class, () -> dft.inverse(half, null));
  }

  @Test
  void parsesBackendNames() {
    assertEquals(RealDft2Backend.STOCKHAM, RealDft2Backend.parse("stockham"));
    assertEquals(RealDft2Backend.JTRANSFORMS, RealDft2Backend.parse("JTransforms"));
    assertEquals(RealDft2Backend.NAIVE, RealDft2Backend.parse(" naive"));
    assertThrows(IllegalArgumentException.class, () -> RealDft2Backend.parse("fftw"));
    assertThrows(IllegalArgumentException.class, () -> RealDft2Backend.parse(null));
  }

  @Test
  void complexAdapterRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> new ComplexRealDft2(null));
  }

  private static double[] randomHalf(int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] half = new double[HalfSpectrum.length(m)];
    for (int i = 0; i < half.length; i++) {
      half[i] = rng.nextDouble(-1, 1);
    }
    return half;
  }

  private static void check(String what, int m, double[] actual, double[] expected, double tolerance) {
    double error = DftTesting.distance(actual, expected) / DftTesting.norm(expected);
    LOG.record(what, m, error, tolerance);
    assertTrue(error <= tolerance, () -> what + " m=" + m + ": error " + error + " > " + tolerance);
  }
}
