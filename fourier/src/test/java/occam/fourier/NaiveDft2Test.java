package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference itself: a hand-computed case and agreement with the separable definition. */
class NaiveDft2Test {

  @Test
  void twoByTwoByHand() {
    // X = [[1, 2], [3, 4]], ω = −1: F[k,l] = Σ X[a,b]·(−1)^{ka+lb}
    // F00 = 1+2+3+4 = 10, F01 = 1−2+3−4 = −2, F10 = 1+2−3−4 = −4, F11 = 1−2−3+4 = 0.
    double[] a = {1, 0, 2, 0, 3, 0, 4, 0};
    new NaiveDft2(2, DftNormalization.STANDARD).forward(a);
    assertArrayEquals(new double[] {10, 0, -2, 0, -4, 0, 0, 0}, a, 0);
    new NaiveDft2(2, DftNormalization.STANDARD).inverse(a);
    assertArrayEquals(new double[] {1, 0, 2, 0, 3, 0, 4, 0}, a, 0);
  }

  @Test
  void threeByThreeDeltaOffOrigin() {
    // δ at (1, 2): F[k,l] = ω^{k + 2l}, ω = e^{−2πi/3} = −1/2 − i·√3/2, ω² = −1/2 + i·√3/2.
    int m = 3;
    double h = Math.sqrt(3) / 2;
    double[][] powers = {{1, 0}, {-0.5, -h}, {-0.5, h}};
    double[] a = new double[2 * m * m];
    a[2 * (1 * m + 2)] = 1;
    new NaiveDft2(m, DftNormalization.STANDARD).forward(a);
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        assertArrayEquals(powers[(k + 2 * l) % m],
            new double[] {a[2 * (k * m + l)], a[2 * (k * m + l) + 1]}, 2 * Math.ulp(1.0));
      }
    }
  }

  @ParameterizedTest(name = "m = {0}")
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 16, 31})
  void agreesWithTheSeparableDefinition(int m) {
    for (TransformDirection direction : TransformDirection.values()) {
      double[] x = DftTesting.randomComplex(m, 99 + m);
      double[] a = x.clone();
      new NaiveDft2(m, DftNormalization.STANDARD).transform(a, direction);
      double[] b = DftTesting.separable(x, m, direction);
      // Both are compensated sums: a few ε of ‖F‖, far inside the fast transforms' bound.
      double error = DftTesting.distance(a, b) / DftTesting.norm(b);
      assertTrue(error <= 4 * Math.ulp(1.0), () -> "m=" + m + " " + direction + ": " + error);
    }
  }
}
