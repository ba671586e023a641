package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The separable 2-D DFT power against the naive double sum, and Parseval. */
class EmbeddingSpectrum2dTest {
  @ParameterizedTest(name = "m {0}, d {1}")
  @CsvSource({"5, 4", "7, 6", "12, 8", "13, 1"})
  void matchesTheNaiveDoubleSumAndParseval(int m, int d) {
    Random rnd = new Random(m * 31L + d);
    double[][] x = new double[m][d];
    double energy = 0;
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        r[j] = rnd.nextGaussian();
        energy += r[j] * r[j];
      }
    }
    double[] power = EmbeddingSpectrum2d.power(x);
    double max = 0;
    double total = 0;
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < d; l++) {
        double re = 0;
        double im = 0;
        for (int a = 0; a < m; a++) {
          for (int j = 0; j < d; j++) {
            double phase = -2 * Math.PI * ((double) k * a / m + (double) l * j / d);
            re += x[a][j] * Math.cos(phase);
            im += x[a][j] * Math.sin(phase);
          }
        }
        max = Math.max(max, Math.abs(power[k * d + l] - (re * re + im * im)));
        total += power[k * d + l];
      }
    }
    double tol = 1e-12 * m * d * energy;
    assertEquals(0, max, tol, "largest difference from the naive DFT");
    assertEquals(m * d * energy, total, tol, "Parseval: Σ|F|² = m·d·Σx²");
  }
}
