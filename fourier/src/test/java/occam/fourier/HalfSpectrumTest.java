package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HalfSpectrumTest {

  @Test
  void shapes() {
    assertEquals(1, HalfSpectrum.columns(1));
    assertEquals(2, HalfSpectrum.columns(2));
    assertEquals(49, HalfSpectrum.columns(97));
    assertEquals(49, HalfSpectrum.columns(96));
    assertEquals(2 * 97 * 49, HalfSpectrum.length(97));
    assertEquals(2 * (3 * 49 + 5), HalfSpectrum.index(97, 3, 5));
    assertEquals(2 * (96 * 49 + 48), HalfSpectrum.index(97, 96, 48));
  }

  @Test
  void multiplicityCountsMirrorImages() {
    // Odd m: only column 0 is its own mirror. Even m: columns 0 and m/2.
    assertEquals(1, HalfSpectrum.multiplicity(97, 0));
    assertEquals(2, HalfSpectrum.multiplicity(97, 1));
    assertEquals(2, HalfSpectrum.multiplicity(97, 48));
    assertEquals(1, HalfSpectrum.multiplicity(96, 0));
    assertEquals(2, HalfSpectrum.multiplicity(96, 47));
    assertEquals(1, HalfSpectrum.multiplicity(96, 48));
    assertEquals(1, HalfSpectrum.multiplicity(1, 0));
    assertEquals(1, HalfSpectrum.multiplicity(2, 1));
  }

  @ParameterizedTest(name = "m = {0}")
  @ValueSource(ints = {1, 2, 3, 4, 7, 12, 97})
  void multiplicitiesSumToTheFullSpectrum(int m) {
    int total = 0;
    for (int l = 0; l < HalfSpectrum.columns(m); l++) {
      total += m * HalfSpectrum.multiplicity(m, l);
    }
    assertEquals(m * m, total);
  }

  @ParameterizedTest(name = "m = {0}")
  @ValueSource(ints = {1, 2, 3, 4, 7, 12, 13})
  void expandInvertsOfOnRealInputSpectra(int m) {
    double[] full = DftTesting.complexOf(DftTesting.randomReal(m, m));
    new NaiveDft2(m, DftNormalization.STANDARD).forward(full);
    double[] half = HalfSpectrum.of(full, m);
    assertEquals(HalfSpectrum.length(m), half.length);
    // The mirrored entries are exact conjugates; the naive DFT's Hermitian symmetry is good to ε.
    assertArrayEquals(full, HalfSpectrum.expand(half, m), 8 * Math.ulp(1.0) * m * m);
  }

  @Test
  void expandMirrorsByTheDocumentedRule() {
    // m = 3, h = 2: F[k, 2] = conj F[(3 − k) mod 3, 1].
    int m = 3;
    double[] half = new double[HalfSpectrum.length(m)];
    for (int i = 0; i < half.length; i++) {
      half[i] = i + 1;
    }
    double[] full = HalfSpectrum.expand(half, m);
    for (int k = 0; k < m; k++) {
      int from = HalfSpectrum.index(m, (m - k) % m, 1);
      assertEquals(half[from], full[2 * (k * m + 2)]);
      assertEquals(-half[from + 1], full[2 * (k * m + 2) + 1]);
      for (int l = 0; l < 2; l++) {
        assertEquals(half[HalfSpectrum.index(m, k, l)], full[2 * (k * m + l)]);
      }
    }
  }

  @Test
  void rejectsInvalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.columns(0));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.length(-1));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.index(5, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.index(5, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.index(5, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.index(5, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.multiplicity(5, 3));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.multiplicity(5, -1));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.multiplicity(0, 0));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.expand(new double[10], 3));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.expand(null, 3));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.of(new double[10], 3));
    assertThrows(IllegalArgumentException.class, () -> HalfSpectrum.of(new double[18], 0));
  }
}
