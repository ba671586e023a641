package occam.complexity.lmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The LMN's reference values (seed 003's definition worked out by hand) and its path linearity. */
class LinearMappingNumberTest {

  /** L of inputs under a network: R² of the path f((1 − t)·x_i + t·x_j) at m equally spaced t. */
  private static double[][] connectivity(Function<double[], double[]> f, double[][] x, int m) {
    int n = x.length;
    double[] t = new double[m];
    for (int k = 0; k < m; k++) {
      t[k] = (double) k / (m - 1);
    }
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      l[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        double[][] y = new double[m][];
        for (int k = 0; k < m; k++) {
          double[] z = new double[x[i].length];
          for (int e = 0; e < z.length; e++) {
            z[e] = (1 - t[k]) * x[i][e] + t[k] * x[j][e];
          }
          y[k] = f.apply(z);
        }
        l[i][j] = PathLinearity.rSquared(t, y);
        l[j][i] = l[i][j];
      }
    }
    return l;
  }

  private static double[][] inputs(int n, int dim, long seed) {
    Random rnd = new Random(seed);
    double[][] x = new double[n][dim];
    for (double[] row : x) {
      for (int e = 0; e < dim; e++) {
        row[e] = rnd.nextGaussian();
      }
    }
    return x;
  }

  /** An affine network y = A·x + b maps every segment to a segment: R² = 1 for all pairs, L = 11ᵀ, LMN = 1. */
  @Test
  void affineNetworkHasOneLinearMap() {
    Random rnd = new Random(1);
    double[][] a = new double[5][4];
    for (double[] row : a) {
      for (int e = 0; e < 4; e++) {
        row[e] = rnd.nextGaussian();
      }
    }
    Function<double[], double[]> affine = z -> {
      double[] y = new double[5];
      for (int r = 0; r < 5; r++) {
        y[r] = 0.3 * r;
        for (int e = 0; e < 4; e++) {
          y[r] += a[r][e] * z[e];
        }
      }
      return y;
    };
    double[][] l = connectivity(affine, inputs(12, 4, 2), 9);
    for (double[] row : l) {
      for (double v : row) {
        assertEquals(1, v, 1e-12);
      }
    }
    LinearMappingNumber lmn = LinearMappingNumber.of(l);
    assertEquals(1, lmn.value(), 1e-9);
    assertEquals(0, lmn.entropy(), 1e-9);
    assertEquals(0, lmn.clippedMass(), 0);
  }

  /** k groups, linear within (R² = 1) and R² = 0 across: L is block diagonal, k eigenvalues N/k, LMN = k. */
  @Test
  void blocksCountLinearMaps() {
    for (int k : new int[] {1, 2, 3, 6}) {
      int n = 12;
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          l[i][j] = i % k == j % k ? 1 : 0;
        }
      }
      assertEquals(k, LinearMappingNumber.of(l).value(), 1e-9, "k = " + k);
    }
    assertEquals(7, LinearMappingNumber.of(identity(7)).value(), 1e-9); // no two inputs share a map: LMN = N
  }

  /** Invariants: 1 ≤ LMN ≤ N, and relabeling the inputs (L → PLPᵀ) leaves it unchanged. */
  @Test
  void boundsAndPermutationInvariance() {
    Function<double[], double[]> relu = z -> new double[] {Math.max(0, z[0] + z[1]), Math.max(0, z[0] - 0.5 * z[1]), z[1]};
    double[][] x = inputs(10, 2, 3);
    double[][] l = connectivity(relu, x, 9);
    LinearMappingNumber lmn = LinearMappingNumber.of(l);
    assertTrue(lmn.value() >= 1 && lmn.value() <= 10, "LMN " + lmn.value());
    assertTrue(lmn.value() > 1 + 1e-6, "a ReLU network crossing its kinks uses more than one map: " + lmn.value());
    double[][] reversed = new double[10][];
    for (int i = 0; i < 10; i++) {
      reversed[i] = x[9 - i];
    }
    assertEquals(lmn.value(), LinearMappingNumber.of(connectivity(relu, reversed, 9)).value(), 1e-9);
  }

  /** A straight path has R² = 1, a parabola symmetric on [0, 1] has slope 0 and R² = 0, a constant path 1. */
  @Test
  void pathLinearityReferenceValues() {
    double[] t = {0, 0.25, 0.5, 0.75, 1};
    double[][] line = new double[5][];
    double[][] bump = new double[5][];
    double[][] flat = new double[5][];
    for (int k = 0; k < 5; k++) {
      line[k] = new double[] {2 * t[k] - 1, -t[k]};
      bump[k] = new double[] {t[k] * (1 - t[k])};
      flat[k] = new double[] {3};
    }
    assertEquals(1, PathLinearity.rSquared(t, line), 1e-12);
    assertEquals(0, PathLinearity.rSquared(t, bump), 1e-12);
    assertEquals(1, PathLinearity.rSquared(t, flat), 0);
    // pooled over outputs: the line 2t − 1 (SS_tot = 4·Σ(t − ½)² = 2.5, SS_res = 0) and the bump
    // (SS_res = SS_tot = Σ(y − 0.125)² = 0.0546875)
    double[][] both = new double[5][];
    for (int k = 0; k < 5; k++) {
      both[k] = new double[] {line[k][0], bump[k][0]};
    }
    assertEquals(1 - 0.0546875 / (2.5 + 0.0546875), PathLinearity.rSquared(t, both), 1e-12);
  }

  @Test
  void invalidInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PathLinearity.rSquared(new double[] {0, 1}, new double[2][1]));
    assertThrows(IllegalArgumentException.class, () -> PathLinearity.rSquared(new double[] {1, 1, 1}, new double[3][1]));
    assertThrows(IllegalArgumentException.class,
        () -> PathLinearity.rSquared(new double[] {0, 1, 2}, new double[][] {{1}, {1, 2}, {1}}));
    assertThrows(IllegalArgumentException.class, () -> LinearMappingNumber.of(new double[][] {{1, 0.5}, {0.4, 1}}));
    assertThrows(IllegalArgumentException.class, () -> LinearMappingNumber.of(new double[][] {{1, 0}}));
    assertThrows(IllegalArgumentException.class, () -> LinearMappingNumber.of(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> LinearMappingNumber.of(new double[][] {{0}}));
    assertThrows(IllegalArgumentException.class, () -> LinearMappingNumber.of(new double[][] {{Double.NaN}}));
  }

  private static double[][] identity(int n) {
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      l[i][i] = 1;
    }
    return l;
  }
}
