package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitRootsTest {

  @Test
  void quarterTurnsAreExact() {
    for (int n : new int[] {4, 8, 12, 96, 256}) {
      for (int q = 0; q < 8; q++) {
        long j = (long) q * n / 4;
        assertEquals(new double[] {1, 0, -1, 0}[q % 4], UnitRoots.cos(j, n), 0.0, "cos, n=" + n + " j=" + j);
        assertEquals(new double[] {0, 1, 0, -1}[q % 4], UnitRoots.sin(j, n), 0.0, "sin, n=" + n + " j=" + j);
      }
    }
  }

  @Test
  void symmetriesAreExactAndValuesWithinAnUlpOfTheLibrary() {
    for (int n : new int[] {1, 2, 3, 5, 7, 30, 31, 96, 97, 113, 257, 514}) {
      for (int j = -n; j < 2 * n; j++) {
        double c = UnitRoots.cos(j, n);
        double s = UnitRoots.sin(j, n);
        assertEquals(c, UnitRoots.cos(n - j, n), 0.0);
        assertEquals(-s, UnitRoots.sin(n - j, n), 0.0);
        assertEquals(c, UnitRoots.cos(j + n, n), 0.0);
        // Math.cos(2πj/n) carries the rounding of 2πj/n itself, ≈ ε·2π·|j|/n in the argument.
        double angle = 2 * Math.PI * j / n;
        double slack = 2 * Math.ulp(1.0) + Math.ulp(angle);
        assertEquals(Math.cos(angle), c, slack, "n=" + n + " j=" + j);
        assertEquals(Math.sin(angle), s, slack, "n=" + n + " j=" + j);
      }
    }
  }
}
