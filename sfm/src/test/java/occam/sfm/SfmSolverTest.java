package occam.sfm;

import occam.modular.Phase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import occam.fourier.RealDft2Backend;
import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SfmSolverTest {

  /**
   * SPEC §3: with η = 1, γ = 0 and no gate (β = 0, τ = 0), one drift step puts Ŷ = Y on S, since in
   * value space the step is Ŷ ← Ŷ + η·M ⊙ (Y − Ŷ). The test set is untouched (Ŷ stays 0 there).
   */
  @Test
  void oneUngatedStepFitsTheTrainingSet() {
    SfmConfig c = new SfmConfig(ModularTask.of(13, Op.ADD), 0.5, 0.0, Gate.HARD, 1.0, 0.0, 1, 3, 0.0, 0.0, 0.99, 0.0, 1);
    List<SfmMetrics> log = new ArrayList<>();
    SfmResult r = SfmTestSupport.solver(c).run(c, new SfmListener() {
      @Override
      public void logged(SfmConfig cfg, SfmMetrics mt) {
        log.add(mt);
      }
    });
    assertEquals(2, log.size());
    SfmMetrics after = log.get(1);
    assertEquals(1, after.t());
    // Targets are < 13; the residual after one exact step is rounding only.
    assertTrue(after.trainMse() < 1e-24, "train MSE after one step: " + after.trainMse());
    assertEquals(1.0, after.trainAcc());
    // Off S, Ŷ = 0 still: test MSE equals the mean of c² over the test cells.
    SfmProblem pr = SfmProblem.of(c);
    double sq = 0;
    for (int i : pr.split().test()) {
      sq += (double) pr.labels()[i] * pr.labels()[i];
    }
    assertEquals(sq / pr.split().testSize(), after.testMse(), 1e-9);
    assertEquals(1, r.tMem().getAsInt());
  }

  /** With all of the domain as training data and a tiny β, fitting is generalizing: comprehension at t = 1. */
  @Test
  void fullDataGeneralizesAtOnce() {
    SfmResult r = SfmTestSupport.run(SfmConfig.of(ModularTask.of(11, Op.ADD), 1.0, 1e-6, Gate.HARD, 50, 0));
    assertEquals(Phase.COMPREHENSION, r.phase());
    assertEquals(1, r.tMem().getAsInt());
    assertEquals(1, r.tGen().getAsInt());
  }

  /**
   * The soft (ℓ1 proximal) gate at small β memorizes at once and generalizes much later, ending on
   * exactly the support of W* — for every op (mul/div: |supp W*| = 1 + m/2).
   */
  @ParameterizedTest
  @EnumSource(Op.class)
  void softGateGroksOntoTheIdealSupport(Op op) {
    SfmResult r = SfmTestSupport.run(SfmTestSupport.soft(13, op, 0.6, 1e-3, 4000));
    assertEquals(Phase.GROKKING, r.phase(), () -> "t_mem " + r.tMem() + ", t_gen " + r.tGen());
    assertEquals(1, r.tMem().getAsInt());
    assertTrue(r.tGen().getAsInt() > 2 * r.tMem().getAsInt() + Phase.MIN_GROKKING_LAG);
    assertTrue(r.last().testAcc() >= 0.99);
    assertEquals(r.idealSupport(), r.last().support());
    assertEquals(r.idealSupport(), r.last().supportOnSigma());
    assertEquals(1.0, r.last().massOnSigma(), 1e-12);
    assertEquals(StopReason.CONVERGED, r.stop());
  }

  /** The hard gate at small β keeps the memorizing solution: train fitted, test at chance. */
  @Test
  void hardGateAtSmallBetaMemorizes() {
    SfmResult r = SfmTestSupport.run(SfmConfig.of(ModularTask.of(13, Op.ADD), 0.6, 1e-3, Gate.HARD, 2000, 0));
    assertEquals(Phase.MEMORIZATION, r.phase());
    assertTrue(r.last().testAcc() < 0.2);
    assertTrue(r.last().support() > r.idealSupport());
  }

  /** A τ above every |ĝ_k| removes everything: W = 0, which predicts 0 everywhere — confusion. */
  @Test
  void hugeBetaGivesConfusion() {
    SfmResult r = SfmTestSupport.run(SfmConfig.of(ModularTask.of(13, Op.ADD), 0.6, 1e6, Gate.HARD, 200, 0));
    assertEquals(Phase.CONFUSION, r.phase());
    assertEquals(0, r.last().support());
  }

  /**
   * A step η near 2 without decay stays finite: ungated, the value-space map on S is Ŷ ← (1 − η)·Ŷ + η·Y,
   * a contraction for 0 &lt; η &lt; 2.
   */
  @Test
  void stableStepDoesNotDiverge() {
    SfmConfig c = new SfmConfig(ModularTask.of(7, Op.ADD), 0.5, 0.0, Gate.HARD, 1.9, 0.0, 500, 0, 0.0, 0.0, 0.99, 0.0, 1);
    SfmResult r = SfmTestSupport.run(c);
    assertTrue(Double.isFinite(r.last().trainMse()));
    assertEquals(StopReason.BUDGET, r.stop());
  }

  /**
   * With ℓ2 decay the ungated map on S is Ŷ ← (1 − ηγ − η)·Ŷ + η·Y: η = 1.99, γ = 0.5 give the factor
   * −1.985, so the training loss grows about 3.94× per step and passes {@link SfmSolver#DIVERGENCE_FACTOR}
   * times its start within ln(1e8)/ln(3.94) ≈ 14 steps, well inside the budget.
   */
  @Test
  void decayAndStepPastTheContractionDiverge() {
    SfmConfig c = new SfmConfig(ModularTask.of(7, Op.ADD), 0.5, 0.0, Gate.HARD, 1.99, 0.5, 500, 0, 0.0, 0.0, 0.99, 0.0, 1);
    SfmResult r = SfmTestSupport.run(c);
    assertEquals(Phase.DIVERGED, r.phase());
    assertEquals(StopReason.DIVERGED, r.stop());
    assertTrue(r.last().t() > 5 && r.last().t() < 30, "diverged at t = " + r.last().t());
    assertTrue(r.tGen().isEmpty());
  }

  /** Same seed, same everything; a different thread count gives the same results. */
  @Test
  void reproducibleAndThreadCountIndependent() {
    List<SfmConfig> cells = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      cells.add(SfmConfig.of(ModularTask.of(11, Op.SUB), 0.5, 3e-3, s % 2 == 0 ? Gate.SOFT : Gate.HARD, 800, s));
    }
    List<SfmResult> one = new CpuEngine(RealDft2Backend.JTRANSFORMS, 1, 50).run(cells, SfmListener.NONE);
    List<SfmResult> two = new CpuEngine(RealDft2Backend.JTRANSFORMS, 2, 50).run(cells, SfmListener.NONE);
    List<SfmResult> again = new CpuEngine(RealDft2Backend.JTRANSFORMS, 2, 50).run(cells, SfmListener.NONE);
    for (int i = 0; i < cells.size(); i++) {
      assertEquals(one.get(i).phase(), two.get(i).phase());
      assertEquals(one.get(i).tMem(), two.get(i).tMem());
      assertEquals(one.get(i).tGen(), two.get(i).tGen());
      assertArrayEquals(one.get(i).last().values(), two.get(i).last().values());
      assertArrayEquals(two.get(i).last().values(), again.get(i).last().values());
    }
  }

  /** Label noise of std σ gives ε_gen = (1/2n)Σ noise² ≈ σ²/2; n = 4705 puts the sample mean within 5 % of it. */
  @Test
  void labelNoiseSetsEpsGen() {
    SfmConfig c = new SfmConfig(ModularTask.of(97, Op.ADD), 0.5, 1.0, Gate.HARD, 1.0, 0.0, 1, 7, 2.0, 0.0, 0.99, 0.0, 1);
    double eps = SfmProblem.of(c).epsGen();
    // Sample mean of χ²₁/2 over n: sd = √(2/n)/2·σ² ≈ 0.0206·σ² ⇒ 5 sd ≈ 0.1 for σ = 2.
    assertEquals(2.0, eps, 0.1);
    // Without label noise the targets are exact: ε_gen = 0.
    assertEquals(0.0, SfmProblem.of(new SfmConfig(c.task(), 0.5, 1.0, Gate.HARD, 1.0, 0.0, 1, 7, 0.0, 0.0, 0.99, 0.0, 1))
        .epsGen());
  }

  /**
   * Every transform backend runs the same iteration: same phase, t_mem and t_gen, and final weights
   * within rounding (support equal; losses to 1e-9 relative) on a grokking and a memorizing cell.
   */
  @ParameterizedTest
  @EnumSource(value = RealDft2Backend.class, names = {"STOCKHAM", "NAIVE"})
  void backendsAgree(RealDft2Backend backend) {
    List<SfmConfig> cells = List.of(SfmTestSupport.soft(13, Op.ADD, 0.6, 1e-3, 600),
        SfmConfig.of(ModularTask.of(13, Op.MUL), 0.6, 1e-3, Gate.HARD, 200, 1));
    List<SfmResult> ref = new CpuEngine(RealDft2Backend.JTRANSFORMS, 1, 100).run(cells, SfmListener.NONE);
    List<SfmResult> got = new CpuEngine(backend, 1, 100).run(cells, SfmListener.NONE);
    for (int i = 0; i < cells.size(); i++) {
      assertEquals(ref.get(i).phase(), got.get(i).phase());
      assertEquals(ref.get(i).tMem(), got.get(i).tMem());
      assertEquals(ref.get(i).tGen(), got.get(i).tGen());
      assertEquals(ref.get(i).last().support(), got.get(i).last().support());
      assertEquals(ref.get(i).last().frobenius(), got.get(i).last().frobenius(), 1e-9 * ref.get(i).last().frobenius());
      assertEquals(ref.get(i).last().testMse(), got.get(i).last().testMse(), 1e-9 * (1 + ref.get(i).last().testMse()));
    }
  }
}
