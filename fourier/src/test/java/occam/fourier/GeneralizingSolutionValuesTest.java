package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GeneralizingSolution}: sizes, a closed form for add, and W* fitting every pair. */
class GeneralizingSolutionValuesTest {

  private static final double U = 0x1p-53;

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 5, 7, 11, 13, 17, 23, 29, 31, 59, 97, 101, 113})
  void supportSizes(int p) {
    assertEquals(p, GeneralizingSolution.supportSize(ModularTask.of(p, Op.ADD)));
    assertEquals(p, GeneralizingSolution.supportSize(ModularTask.of(p, Op.SUB)));
    // v(t + m/2) = p − v(t) cancels every even frequency but 0: m/2 + 1 = (p + 1)/2 remain.
    assertEquals((p + 1) / 2, GeneralizingSolution.supportSize(ModularTask.of(p, Op.MUL)));
    assertEquals((p + 1) / 2, GeneralizingSolution.supportSize(ModularTask.of(p, Op.DIV)));
  }

  /**
   * For v(t) = t: ĝ_0 = (m − 1)/2 and ĝ_k = 1/(z − 1), z = e^{−2πik/m}, from Σ_t t·z^t = m/(z − 1)
   * when z^m = 1 ≠ z. Tolerance: a length-m sum of terms ≤ m in size, 4m·u·m, relative to ĝ_0.
   */
  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 31, 97})
  void additiveSpectrumInClosedForm(int p) {
    double[] g = GeneralizingSolution.coefficients(ModularTask.of(p, Op.ADD));
    double tol = 4.0 * p * p * U;
    assertEquals((p - 1) / 2.0, g[0], tol);
    assertEquals(0.0, g[1], tol);
    for (int k = 1; k < p; k++) {
      double re = Math.cos(2 * Math.PI * k / p) - 1;
      double im = -Math.sin(2 * Math.PI * k / p);
      double d = re * re + im * im; // 1/(re + i·im) = (re − i·im)/d
      assertEquals(re / d, g[2 * k], tol, "Re g_" + k);
      assertEquals(-im / d, g[2 * k + 1], tol, "Im g_" + k);
    }
  }

  /**
   * W*_{k,σ(k)} = ĝ_k fits every pair: Σ_k ĝ_k·χ_k(a)·χ_{σ(k)}(b) = label(a, b) (SPEC §2). Tolerance:
   * m terms of size ≤ max|ĝ|, each with a few ulp: 16·m·u·Σ|ĝ_k|.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"add", "sub", "mul", "div"})
  void generalizingSolutionFitsEveryPair(String opName) {
    ModularTask task = ModularTask.of(31, Op.parse(opName));
    int m = task.groupOrder();
    double[] g = GeneralizingSolution.coefficients(task);
    double l1 = 0;
    for (int k = 0; k < m; k++) {
      l1 += Math.hypot(g[2 * k], g[2 * k + 1]);
    }
    double tol = 16 * m * U * l1;
    for (int cell = 0; cell < task.domainSize(); cell++) {
      int a = cell / m;
      int b = cell % m;
      double re = 0;
      double im = 0;
      for (int k = 0; k < m; k++) {
        double angle = 2 * Math.PI * ((k * a + task.op().sigma(k, m) * b) % m) / m;
        re += g[2 * k] * Math.cos(angle) - g[2 * k + 1] * Math.sin(angle);
        im += g[2 * k] * Math.sin(angle) + g[2 * k + 1] * Math.cos(angle);
      }
      assertEquals(task.label(cell), re, tol, "Re y(" + a + ", " + b + ")");
      assertEquals(0.0, im, tol, "Im y(" + a + ", " + b + ")");
    }
  }

  @Test
  void countsAgainstTheLargestCoefficient() {
    assertEquals(1, GeneralizingSolution.supportSize(new double[] {5, 5, 5, 5}));
    assertEquals(0, GeneralizingSolution.supportSize(new double[] {0, 0, 0}));
    assertEquals(1, GeneralizingSolution.supportSize(new double[] {1, -1, 1, -1})); // only ĝ_2 = 1
  }

  @Test
  void rejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> GeneralizingSolution.supportSize(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> GeneralizingSolution.supportSize(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> GeneralizingSolution.coefficients(new double[] {Double.POSITIVE_INFINITY}));
  }
}
