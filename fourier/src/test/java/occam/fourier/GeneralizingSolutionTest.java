package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneralizingSolutionTest {

  /** W* must fit every pair exactly: Ŷ = m²·IDFT2(W*) equals c on the whole domain (SPEC §2). */
  @ParameterizedTest
  @CsvSource({"3,add", "3,mul", "7,sub", "7,div", "13,add", "13,sub", "13,mul", "13,div", "31,mul", "97,add"})
  void reproducesEveryLabel(int p, String op) {
    ModularTask task = ModularTask.of(p, Op.parse(op));
    int m = task.groupOrder();
    double[] w = GeneralizingSolution.weights(task);
    new JTransformsDft2(m, DftNormalization.STANDARD).inverse(w);
    double maxErr = 0;
    double maxImag = 0;
    for (int i = 0; i < m * m; i++) {
      double yhat = (double) m * m * w[2 * i];
      maxErr = Math.max(maxErr, Math.abs(yhat - task.label(i)));
      maxImag = Math.max(maxImag, Math.abs((double) m * m * w[2 * i + 1]));
      assertEquals(task.label(i), Math.floorMod(Math.round(yhat), p), "cell " + i);
    }
    // Values up to p summed over m terms: rounding ~ m·p·ε; allow 1e3 times that.
    double tol = 1e3 * m * p * Math.ulp(1.0);
    assertTrue(maxErr < tol, "max |Ŷ − c| = " + maxErr + " > " + tol);
    assertTrue(maxImag < tol, "max |Im Ŷ| = " + maxImag);
  }

  /** add/sub: every ĝ_k ≠ 0 (|ĝ_k| = 1/(2 sin(πk/p)) for k ≠ 0); mul/div: only k = 0 and odd k survive. */
  @ParameterizedTest
  @CsvSource({"31,add,31", "31,sub,31", "31,mul,16", "31,div,16", "97,add,97", "97,mul,49", "113,div,57", "5,mul,3"})
  void supportSize(int p, String op, int expected) {
    assertEquals(expected, GeneralizingSolution.supportSize(ModularTask.of(p, Op.parse(op))));
  }
}
