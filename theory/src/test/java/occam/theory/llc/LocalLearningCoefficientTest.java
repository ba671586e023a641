package occam.theory.llc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/**
 * The LLC estimator where λ is known: a regular quadratic (λ = d/2), two singular toys of Watanabe's
 * normal-crossing form, a mini-batched linear regression; determinism and bad input.
 *
 * <p>Two references per case: the exact expectation of n·β*·(L − L*) under the chain's own stationary
 * law (what SGLD must hit within its Monte Carlo error, ≤ 4 standard errors over chains) and the
 * asymptotic λ (what the estimator targets; the gap is the estimator's finite-β and localization bias,
 * bounded by the relative tolerance stated per test).
 */
class LocalLearningCoefficientTest {

  /** A loss on R^d from one function that fills the gradient and returns the value. */
  private static LossFunction loss(int d, ToDoubleBiFunction<double[], double[]> valueAndGradient) {
    return new LossFunction() {
      @Override
      public int dimension() {
        return d;
      }

      @Override
      public double valueAndGradient(double[] w, double[] gradient) {
        return valueAndGradient.applyAsDouble(w, gradient);
      }
    };
  }

  /** L(w) = (1/2)·Σ h_i w_i²: regular, λ = d/2. */
  private static LossFunction quadratic(double[] h) {
    return loss(h.length, (w, g) -> {
      double v = 0;
      for (int i = 0; i < h.length; i++) {
        g[i] = h[i] * w[i];
        v += 0.5 * h[i] * w[i] * w[i];
      }
      return v;
    });
  }

  /** h_i = 0.5 + 1.5·i/(d − 1). */
  private static double[] curvatures(int d) {
    double[] h = new double[d];
    for (int i = 0; i < d; i++) {
      h[i] = 0.5 + 1.5 * i / (d - 1);
    }
    return h;
  }

  @Test
  void quadraticGivesHalfTheDimension() {
    int d = 10;
    int n = 1000;
    double[] h = curvatures(d);
    SgldSettings s = new SgldSettings(1e-4, 1.0, 8, 1000, 4000, 0, 7);
    LlcEstimate e = LocalLearningCoefficient.estimate(quadratic(h), new double[d], n, s);
    // exact: each direction is Gaussian with precision P = nβh + γ and stationary variance 1/(P(1 − εP/4))
    double nBeta = LocalLearningCoefficient.nBeta(n);
    double exact = 0;
    for (double hi : h) {
      double p = nBeta * hi + s.localization();
      exact += 0.5 * nBeta * hi / (p * (1 - s.stepSize() * p / 4));
    }
    assertFalse(e.diverged());
    assertEquals(exact, e.lambda(), 4 * e.diagnostics().standardError(), "SGLD vs its exact stationary mean");
    assertEquals(d / 2.0, e.lambda(), 0.03 * d / 2.0, "λ̂ within 3% of d/2");
    assertTrue(e.diagnostics().rHat() < 1.05, "R̂ = " + e.diagnostics().rHat());
    assertTrue(Math.abs(e.diagnostics().driftZ()) < 4, "drift z = " + e.diagnostics().driftZ());
  }

  /**
   * L(w) = w1² + w2⁴ (normal crossing, Watanabe 2009, Algebraic Geometry and Statistical Learning Theory,
   * Thm 6.1/§7.1 examples: the zeta function factorizes, λ = 1/2 + 1/4 = 3/4, multiplicity 1). Without
   * localization the tempered posterior factorizes too and E[t·w1²] = 1/2, E[t·w2⁴] = 1/4 exactly for
   * every t (d/dt of ln Z(t) = −(1/2 + 1/4) ln t), so λ̂ has no finite-β bias here.
   */
  @Test
  void quarticSingularToyGivesThreeQuarters() {
    LossFunction toy = loss(2, (w, g) -> {
      g[0] = 2 * w[0];
      g[1] = 4 * w[1] * w[1] * w[1];
      return w[0] * w[0] + Math.pow(w[1], 4);
    });
    SgldSettings s = new SgldSettings(1e-3, 0, 8, 2000, 200_000, 0, 3);
    LlcEstimate e = LocalLearningCoefficient.estimate(toy, new double[2], 100, s);
    assertEquals(0.75, e.lambda(), 4 * e.diagnostics().standardError() + 0.02, "λ = 3/4");
    assertTrue(e.diagnostics().rHat() < 1.05);
  }

  /**
   * L(w) = w1²·w2²: λ = 1/2 with multiplicity 2 (Watanabe 2009, the normal crossing w1^{2k1} w2^{2k2}
   * with k1 = k2 = 1). Its level sets are unbounded along the axes, so the expectation exists only with
   * localization; at finite t = nβ* the multiplicity lowers it below 1/2 (F ≈ λ ln t − (m − 1) ln ln t).
   * The exact localized expectation is a 1-D integral (the w2 integral is Gaussian): with a = t w1² + γ/2,
   * E[t w1² w2²] = ∫ e^{−γw1²/2} t w1²/(2a^{3/2}) dw1 / ∫ e^{−γw1²/2} a^{−1/2} dw1.
   */
  @Test
  void normalCrossingMatchesItsLocalizedExpectationBelowOneHalf() {
    LossFunction toy = loss(2, (w, g) -> {
      g[0] = 2 * w[0] * w[1] * w[1];
      g[1] = 2 * w[1] * w[0] * w[0];
      return w[0] * w[0] * w[1] * w[1];
    });
    int n = 100;
    double gamma = 1;
    SgldSettings s = new SgldSettings(1e-3, gamma, 8, 5000, 400_000, 0, 5);
    LlcEstimate e = LocalLearningCoefficient.estimate(toy, new double[2], n, s);
    double t = LocalLearningCoefficient.nBeta(n);
    double num = 0;
    double den = 0;
    double dx = 1e-4;
    for (double x = -12; x <= 12; x += dx) {
      double a = t * x * x + gamma / 2;
      double weight = Math.exp(-gamma * x * x / 2);
      num += weight * t * x * x / (2 * Math.pow(a, 1.5));
      den += weight / Math.sqrt(a);
    }
    double exact = num / den;
    assertTrue(exact < 0.5 && exact > 0.2, "exact localized expectation " + exact);
    assertEquals(exact, e.lambda(), 4 * e.diagnostics().standardError() + 0.02);
  }

  /** Linear regression y = x·w with mini-batches of 32 of n = 512 samples: λ = d/2 still. */
  @Test
  void miniBatchedRegressionGivesHalfTheDimension() {
    int d = 6;
    int n = 512;
    SplittableRandom r = new SplittableRandom(11);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    SampleLoss regression = new SampleLoss() {
      @Override
      public int samples() {
        return n;
      }

      @Override
      public int dimension() {
        return d;
      }

      @Override
      public double valueAndGradient(double[] w, double[] g, int[] rows) {
        java.util.Arrays.fill(g, 0);
        double v = 0;
        for (int i : rows) {
          double f = 0;
          for (int j = 0; j < d; j++) {
            f += x[i][j] * w[j];
          }
          v += 0.5 * f * f;
          for (int j = 0; j < d; j++) {
            g[j] += f * x[i][j] / rows.length;
          }
        }
        return v / rows.length;
      }

      @Override
      public double valueAndGradient(double[] w, double[] g) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
          all[i] = i;
        }
        return valueAndGradient(w, g, all);
      }
    };
    SgldSettings full = new SgldSettings(1e-4, 1, 4, 500, 3000, 0, 1);
    SgldSettings batched = new SgldSettings(1e-4, 1, 4, 500, 3000, 32, 1);
    LlcEstimate a = LocalLearningCoefficient.estimate(regression, new double[d], n, full);
    LlcEstimate b = LocalLearningCoefficient.estimate(regression, new double[d], n, batched);
    assertEquals(d / 2.0, a.lambda(), 0.1 * d / 2.0);
    assertEquals(d / 2.0, b.lambda(), 0.2 * d / 2.0);
    assertNotEquals(a.lambda(), b.lambda());
  }

  @Test
  void sameSeedSameEstimateOtherSeedOther() {
    LossFunction f = quadratic(curvatures(4));
    SgldSettings s = new SgldSettings(1e-3, 1, 3, 10, 50, 0, 42);
    LlcEstimate a = LocalLearningCoefficient.estimate(f, new double[4], 200, s);
    LlcEstimate b = LocalLearningCoefficient.estimate(f, new double[4], 200, s);
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(a.losses()[c], b.losses()[c]);
    }
    assertEquals(a.lambda(), b.lambda());
    LlcEstimate other = LocalLearningCoefficient.estimate(f, new double[4], 200,
        new SgldSettings(1e-3, 1, 3, 10, 50, 0, 43));
    assertNotEquals(a.lambda(), other.lambda());
  }

  @Test
  void tooLargeAStepDivergesWithoutThrowing() {
    LlcEstimate e = LocalLearningCoefficient.estimate(quadratic(curvatures(3)), new double[3], 1000,
        new SgldSettings(1.0, 1, 2, 0, 500, 0, 1));
    assertTrue(e.diverged());
    assertTrue(Double.isNaN(e.lambda()));
  }

  @Test
  void badInputIsRejected() {
    LossFunction f = quadratic(curvatures(3));
    SgldSettings s = SgldSettings.defaults(0);
    assertThrows(IllegalArgumentException.class, () -> LocalLearningCoefficient.estimate(f, new double[3], 1, s));
    assertThrows(IllegalArgumentException.class, () -> LocalLearningCoefficient.estimate(f, new double[3], 0, s));
    assertThrows(IllegalArgumentException.class, () -> LocalLearningCoefficient.estimate(f, new double[2], 100, s));
    assertThrows(IllegalArgumentException.class,
        () -> LocalLearningCoefficient.estimate(f, new double[] {0, Double.NaN, 0}, 100, s));
    assertThrows(IllegalArgumentException.class,
        () -> LocalLearningCoefficient.estimate(f, new double[3], 100, new SgldSettings(1e-4, 1, 1, 0, 10, 8, 0)));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(0, 1, 1, 0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(-1e-4, 1, 1, 0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(Double.NaN, 1, 1, 0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(1e-4, -1, 1, 0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(1e-4, 1, 0, 0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(1e-4, 1, 1, -1, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(1e-4, 1, 1, 0, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SgldSettings(1e-4, 1, 1, 0, 10, -1, 0));
  }

  @Test
  void diagnosticsOfKnownTraces() {
    // two chains, constant within chain: W = 0 would make R̂ infinite; use two-valued traces instead
    double[][] losses = {{1, 3, 1, 3}, {2, 4, 2, 4}};
    SgldDiagnostics d = SgldDiagnostics.of(losses, 0, 1);
    // per chain λ̂: 2 and 3 → spread √0.5; W = 4/3, var of means 0.5 → R̂ = √((3/4·4/3 + 0.5)/(4/3))
    assertEquals(Math.sqrt(0.5), d.chainSpread(), 1e-15);
    assertEquals(Math.sqrt((0.75 * 4.0 / 3 + 0.5) / (4.0 / 3)), d.rHat(), 1e-15);
    assertEquals(0, d.drift(), 1e-15);
  }
}
