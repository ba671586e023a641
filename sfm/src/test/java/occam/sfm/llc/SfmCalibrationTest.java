package occam.sfm.llc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.SfmProblem;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SFM loss in real coordinates, its fixed points and the LLC calibration on small primes. */
class SfmCalibrationTest {

  @ParameterizedTest
  @CsvSource({"11, ADD", "13, SUB", "11, MUL"})
  void bothFixedPointsFitTheTrainingSetExactly(int p, Op op) {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(p, op), 0.5, 3);
    for (FixedPoint point : FixedPoint.values()) {
      SfmLoss loss = SfmLoss.of(problem, point.support(problem));
      double[] g = new double[loss.dimension()];
      double value = loss.valueAndGradient(loss.coordinates(point.weights(problem)), g);
      assertEquals(0, value, 1e-20, point + " loss");
      for (double x : g) {
        assertEquals(0, x, 1e-9, point + " gradient");
      }
    }
  }

  /** One real dof per cell: m² on the full support; |supp W*| on W*'s, which is m for add, 1 + m/2 for mul. */
  @ParameterizedTest
  @CsvSource({"11, ADD, 11", "11, MUL, 6", "13, SUB, 13"})
  void realDegreesOfFreedomEqualTheSupportCount(int p, Op op, int generalizingSupport) {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(p, op), 0.5, 3);
    int m = problem.m();
    assertEquals(m * m, SfmLoss.of(problem, FixedPoint.MEMORIZING.support(problem)).dimension());
    assertEquals(generalizingSupport, SfmLoss.of(problem, FixedPoint.GENERALIZING.support(problem)).dimension());
    assertEquals(generalizingSupport, problem.idealSupport());
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(7, Op.ADD), 0.6, 1);
    SfmLoss loss = SfmLoss.of(problem, FixedPoint.MEMORIZING.support(problem));
    SplittableRandom r = new SplittableRandom(2);
    double[] w = new double[loss.dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = r.nextGaussian();
    }
    double[] g = new double[w.length];
    loss.valueAndGradient(w, g);
    double h = 1e-6;
    for (int j = 0; j < w.length; j += 5) {
      double[] up = w.clone();
      double[] down = w.clone();
      up[j] += h;
      down[j] -= h;
      double fd = (loss.value(up) - loss.value(down)) / (2 * h);
      assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)));
    }
  }

  /**
   * The Hessian's rank: on every cell the n training rows of the real Fourier basis are orthogonal, so
   * rank = n (λ = n/2, not the support count's m²/2, whenever n &lt; m²); on supp W* of add it is m.
   */
  @Test
  void exactLambdaIsHalfTheRank() {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(11, Op.ADD), 0.5, 3);
    int n = problem.split().trainSize();
    SfmLoss full = SfmLoss.of(problem, FixedPoint.MEMORIZING.support(problem));
    assertEquals(n / 2.0, QuadraticLlc.of(full.design(), n, full.dimension()).lambda());
    SfmLoss gen = SfmLoss.of(problem, FixedPoint.GENERALIZING.support(problem));
    assertEquals(11 / 2.0, QuadraticLlc.of(gen.design(), n, gen.dimension()).lambda());
  }

  /** SGLD reproduces its exact stationary mean within 4 standard errors at both points. */
  @ParameterizedTest
  @CsvSource({"MEMORIZING", "GENERALIZING"})
  void sgldHitsTheExactStationaryMean(FixedPoint point) {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(11, Op.ADD), 0.5, 3);
    CalibrationRow row = SfmCalibration.run(problem, point, new SgldSettings(1e-3, 1, 4, 2000, 3000, 0, 9),
        SgldListener.NONE);
    assertFalse(row.diverged());
    assertEquals(row.lambdaSgld(), row.lambdaHat(), 4 * row.standardError());
  }

  @Test
  void aSupportWithoutItsMirrorIsRejected() {
    SfmProblem problem = SfmCalibration.problem(ModularTask.of(7, Op.ADD), 0.5, 3);
    boolean[] half = new boolean[49];
    half[1] = true;
    assertThrows(IllegalArgumentException.class, () -> SfmLoss.of(problem, half));
    assertThrows(IllegalArgumentException.class, () -> SfmLoss.of(problem, new boolean[48]));
  }
}
