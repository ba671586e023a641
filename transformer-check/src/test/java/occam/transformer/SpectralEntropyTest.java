package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spectral entropy H(W) and its derived gradient U diag(−(ln p + H)/S) Vᵀ, against finite differences. */
class SpectralEntropyTest {
  @Test
  void knownSpectraGiveTheirEntropy() {
    // diag(3, 1): p = (3/4, 1/4)
    double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    assertEquals(h, SpectralEntropy.value(new float[] {3, 0, 0, 1}, 2, 2), 1e-12);
    assertEquals(Math.log(3), SpectralEntropy.value(new float[] {0, 2, 0, 0, 0, 2, 2, 0, 0}, 3, 3), 1e-12);
    assertEquals(0, SpectralEntropy.value(new float[] {1, 2, 2, 4, 3, 6}, 3, 2), 1e-7, "rank one");
    assertTrue(Double.isNaN(SpectralEntropy.value(new float[4], 2, 2)), "zero matrix");
    assertTrue(Double.isNaN(SpectralEntropy.value(new float[] {1, Float.NaN, 0, 1}, 2, 2)));
    assertEquals(Math.exp(h), EffectiveRank.value(new float[] {3, 0, 0, 1}, 2, 2), 1e-12, "erank = exp H");
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"5, 3", "3, 5", "4, 4", "1, 6"})
  void gradientMatchesCentralDifferences(int rows, int cols) {
    SplittableRandom rng = new SplittableRandom(rows * 31L + cols);
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int c = 0; c < cols; c++) {
        row[c] = rng.nextGaussian();
      }
    }
    double[] g = SpectralEntropy.gradient(a);
    double h = 1e-6;
    double[] fd = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double x = a[r][c];
        a[r][c] = x + h;
        double up = SpectralEntropy.value(a);
        a[r][c] = x - h;
        double down = SpectralEntropy.value(a);
        a[r][c] = x;
        fd[r * cols + c] = (up - down) / (2 * h);
      }
    }
    assertArrayEquals(fd, g, 1e-7);
  }

  @Test
  void gradientIsOrthogonalToTheMatrixSinceHIsScaleInvariant() {
    // ⟨∇H, W⟩ = Σ σ_j·(−(ln p_j + H)/S) = −Σ p_j ln p_j − H = 0
    SplittableRandom rng = new SplittableRandom(7);
    double[][] a = new double[6][4];
    double[] flat = new double[24];
    for (int i = 0; i < 24; i++) {
      a[i / 4][i % 4] = flat[i] = rng.nextGaussian();
    }
    double[] g = SpectralEntropy.gradient(a);
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < 24; i++) {
      dot += g[i] * flat[i];
      norm += g[i] * g[i];
    }
    assertTrue(norm > 1e-6, "a nonzero gradient");
    assertEquals(0, dot, 1e-12);
  }

  @Test
  void zeroSingularValuesGetNoGradientAndFloatInputAgrees() {
    // rank one: every p but one is 0; the gradient along the null directions is 0, along σ₁ it is −(0 + 0)/S = 0
    double[] g = SpectralEntropy.gradient(new float[] {1, 2, 2, 4, 3, 6}, 3, 2);
    assertArrayEquals(new double[6], g, 1e-6);
    float[] f = {0.5f, -1, 2, 0.25f, 1, 3};
    double[][] d = {{0.5, -1}, {2, 0.25}, {1, 3}};
    assertArrayEquals(SpectralEntropy.gradient(d), SpectralEntropy.gradient(f, 3, 2), 0);
  }
}
