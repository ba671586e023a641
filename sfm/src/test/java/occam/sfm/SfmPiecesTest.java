package occam.sfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;

class SfmPiecesTest {

  /** τ = √(2β ln n / n); e.g. β = 1, n = 481: √(2·6.1759/481) = 0.160248 (hand-computed). */
  @Test
  void threshold() {
    assertEquals(Math.sqrt(2 * Math.log(481) / 481), OccamThreshold.value(1, 481), 0);
    assertEquals(0.16024756406379956, OccamThreshold.value(1, 481), 1e-15);
    assertEquals(0, OccamThreshold.value(5, 1), 0);
    assertThrows(IllegalArgumentException.class, () -> OccamThreshold.value(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> OccamThreshold.value(Double.NaN, 10));
    assertThrows(IllegalArgumentException.class, () -> OccamThreshold.value(1, 0));
  }

  @Test
  void gates() {
    // Hard: keep strictly above τ.
    assertEquals(1, Gate.HARD.factor(0.25, 0.4, 1), 0);
    assertEquals(0, Gate.HARD.factor(0.16, 0.4, 1), 0);
    // Soft: |W̃| = 0.5, ητ = 0.2 → factor 1 − 0.2/0.5 = 0.6; below ητ → 0.
    assertEquals(0.6, Gate.SOFT.factor(0.25, 0.4, 0.5), 1e-15);
    assertEquals(0, Gate.SOFT.factor(0.01, 0.4, 0.5), 0);
    assertEquals(Gate.SOFT, Gate.parse(" Soft "));
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("medium"));
  }

  @Test
  void configRejectsBadValues() {
    ModularTask t = ModularTask.of(7, Op.ADD);
    assertThrows(IllegalArgumentException.class, () -> SfmConfig.of(t, 0, 1, Gate.HARD, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> SfmConfig.of(t, 1.2, 1, Gate.HARD, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> SfmConfig.of(t, 0.5, -1, Gate.HARD, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> SfmConfig.of(t, 0.5, 1, Gate.HARD, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> SfmConfig.of(t, 0.5, 1, null, 10, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 2.0, 0, 10, 0, 0, 0, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 0.0, 0, 10, 0, 0, 0, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, -0.1, 10, 0, 0, 0, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 1.0, 10, 0, 0, 0, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 0, 10, 0, -1, 0, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 0, 10, 0, 0, -1, 0.99, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 0, 10, 0, 0, 0, 1.5, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 0, 10, 0, 0, 0, 0.99, -1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmConfig(t, 0.5, 1, Gate.HARD, 1.0, 0, 10, 0, 0, 0, 0.99, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SfmSolver(
        occam.fourier.RealDft2Backend.NAIVE.create(3, occam.fourier.DftNormalization.STANDARD), 0));
    assertThrows(IllegalArgumentException.class, () -> new SfmSolver(
        occam.fourier.RealDft2Backend.NAIVE.create(3, occam.fourier.DftNormalization.UNITARY), 1));
  }

  @Test
  void solverRejectsMismatchedTransform() {
    SfmConfig c = SfmConfig.of(ModularTask.of(7, Op.MUL), 0.5, 1, Gate.HARD, 5, 0);
    SfmSolver s = new SfmSolver(occam.fourier.RealDft2Backend.NAIVE.create(7, occam.fourier.DftNormalization.STANDARD), 1);
    assertThrows(IllegalArgumentException.class, () -> s.run(c, SfmListener.NONE));
  }
}
