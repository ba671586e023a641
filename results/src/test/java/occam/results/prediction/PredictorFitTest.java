package occam.results.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.fourier.RealDft2Backend;
import occam.modular.Op;
import occam.results.compare.SfmTimes;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import org.junit.jupiter.api.Test;

/**
 * Each predictor's fit recovers the parameters of synthetic runs generated from its own law. Steps are
 * whole numbers in a run folder, so the laws' parameters are chosen to give whole steps (or the
 * tolerance is the rounding of a step of ~10⁴, 5e-5 relative).
 */
class PredictorFitTest {
  private static final double[] WDS = {0.1, 0.3, 1, 3};
  private static final double[] FRACS = {0.3, 0.4, 0.5, 0.6};

  @Test
  void constantIsTheGeometricMean() {
    List<GridRun> runs = List.of(Synthetic.grokking(7, Op.ADD, 1, 1e-3, 0.5, 0, 10, 100, 1),
        Synthetic.grokking(7, Op.ADD, 2, 1e-3, 0.5, 0, 10, 400, 1),
        Synthetic.run(7, Op.ADD, 3, 1e-3, 0.5, 0, OptionalInt.of(10), Double.NaN, 1));
    ConstantLaw law = ConstantLaw.fit(runs);
    assertEquals(200, law.steps(), 200 * 1e-15, "exp(mean(ln 100, ln 400)) = 200; the run that did not grok is left out");
    assertEquals(2, law.points());
    assertEquals(200, law.predict(runs.get(2).query()).steps(), 200 * 1e-15);
  }

  @Test
  void inverseDecayRecoversC() {
    double c = 3.0;
    List<GridRun> runs = new ArrayList<>();
    for (double lr : new double[] {1e-3, 3e-3}) {
      for (double wd : new double[] {0.5, 1, 2}) {
        runs.add(Synthetic.grokking(7, Op.ADD, wd, lr, 0.5, 0, 10, (int) Math.round(c / (lr * wd)), 1));
      }
    }
    InverseDecayLaw law = InverseDecayLaw.fit(runs);
    assertEquals(c, law.c(), c * 1e-12);
    assertEquals(c / (1e-3 * 4), law.predict(Query.of(runs.get(0).task(), 4, 0.5, 1e-3, 0, Synthetic.QUICK)).steps(), 1e-9);
    assertEquals(Prediction.NONE, law.predict(Query.of(runs.get(0).task(), 0, 0.5, 1e-3, 0, Synthetic.QUICK)),
        "wd = 0 never groks under t = C/(lr wd)");
  }

  /** t = A lr^a wd^b frac^c p^d, steps rounded to whole numbers: exponents within the rounding of ~1e4-step runs. */
  @Test
  void powerLawRecoversItsExponents() {
    double lnA = Math.log(2.0);
    double a = -1;
    double b = -0.8;
    double c = -2;
    double d = 1.5;
    List<GridRun> runs = new ArrayList<>();
    for (int p : new int[] {5, 7, 11}) {
      for (double lr : new double[] {1e-3, 3e-3}) {
        for (double wd : WDS) {
          for (double frac : FRACS) {
            double t = Math.exp(lnA + a * Math.log(lr) + b * Math.log(wd) + c * Math.log(frac) + d * Math.log(p));
            runs.add(Synthetic.grokking(p, Op.ADD, wd, lr, frac, 0, 1, (int) Math.round(t), 1));
          }
        }
      }
    }
    PowerLaw law = PowerLaw.fit(runs);
    assertEquals(List.of(), law.fixed());
    double tol = 2e-4; // a step of >= 2e3 rounded: |δ ln t| <= 2.5e-4 per run, averaging down in the fit
    assertEquals(a, law.lrExponent(), tol);
    assertEquals(b, law.wdExponent(), tol);
    assertEquals(c, law.fracExponent(), tol);
    assertEquals(d, law.pExponent(), tol);
    assertEquals(lnA, law.lnA(), 10 * tol);
  }

  @Test
  void powerLawHoldsAVariableWithOneValueAtZero() {
    List<GridRun> runs = new ArrayList<>();
    for (double wd : WDS) {
      for (double frac : FRACS) {
        runs.add(Synthetic.grokking(7, Op.ADD, wd, 1e-3, frac, 0, 1, (int) Math.round(1e4 / (wd * frac * frac)), 1));
      }
    }
    PowerLaw law = PowerLaw.fit(runs);
    assertEquals(List.of("lr", "p"), law.fixed());
    assertEquals(0, law.lrExponent());
    assertEquals(0, law.pExponent());
    assertEquals(-1, law.wdExponent(), 1e-4);
    assertEquals(-2, law.fracExponent(), 1e-4);
  }

  /** T_grok − T_mem = ln(V_mem/V*)/(2κ lr wd), lags chosen whole: κ and V* to float rounding. */
  @Test
  void firstPassageRecoversKappaAndVStar() {
    double kappa = 0.5;
    double vStar = 400;
    List<GridRun> runs = new ArrayList<>();
    double lr = 1e-3;
    double[] wds = {0.25, 0.5, 1, 2};
    int[] lags = {4000, 2000, 1000, 500}; // 2κ·lr·wd·lag = 1·... choose V from the lag
    int i = 0;
    for (double wd : wds) {
      for (int k = 1; k <= 3; k++) {
        int lag = lags[i % lags.length] * k;
        double v = vStar * Math.exp(2 * kappa * lr * wd * lag);
        runs.add(Synthetic.grokking(7, Op.ADD, wd, lr, 0.5, k, 50, 50 + lag, v));
      }
      i++;
    }
    FirstPassageLaw law = FirstPassageLaw.fit(runs);
    assertEquals(kappa, law.kappa(), kappa * 1e-12);
    assertEquals(vStar, law.vStar(), vStar * 1e-10);
    GridRun r = runs.get(4);
    assertEquals(r.measured(), law.predict(r.query()).steps(), 1e-8);
    assertEquals(Prediction.ABSTAIN, law.predict(Query.of(r.task(), 1, 0.5, lr, 0, Synthetic.QUICK)),
        "an in-run predictor does not answer before t_mem");
  }

  @Test
  void firstPassageWithoutAPositiveSlopeHoldsVStarOnItsFloor() {
    List<GridRun> runs = List.of(Synthetic.grokking(7, Op.ADD, 1, 1e-3, 0.5, 0, 10, 1010, 1000),
        Synthetic.grokking(7, Op.ADD, 1, 1e-3, 0.5, 1, 10, 510, 2000));
    FirstPassageLaw law = FirstPassageLaw.fit(runs);
    assertEquals(1000 * FirstPassageLaw.V_STAR_FLOOR, law.vStar(), 1e-12);
    assertTrue(law.kappa() > 0);
  }

  @Test
  void nStarClassifierReproducesLabelsMadeByItsOwnRule() {
    CrossoverClassifier truth = new CrossoverClassifier(1.0, 0.5, Double.NaN, 0);
    List<GridRun> runs = new ArrayList<>();
    for (double wd : new double[] {0.001, 0.01, 0.1, 1, 10}) {
      for (double frac : FRACS) {
        GridRun probe = Synthetic.run(7, Op.ADD, wd, 1e-3, frac, 0, OptionalInt.of(5), Double.NaN, 1);
        boolean groks = truth.predict(probe.query()).groksWithin(Synthetic.STEPS);
        runs.add(Synthetic.run(7, Op.ADD, wd, 1e-3, frac, 0, OptionalInt.of(5), groks ? 50 : Double.NaN, 1));
      }
    }
    assertTrue(runs.stream().anyMatch(GridRun::grokked) && runs.stream().anyMatch(r -> !r.grokked()), "both classes");
    CrossoverClassifier fit = CrossoverClassifier.fit(runs, new double[] {1e-3, 1e-2, 1e-1, 1, 10, 100}, 0.5);
    assertEquals(1.0, fit.accuracy());
    for (GridRun r : runs) {
      assertEquals(r.grokked(), fit.predict(r.query()).groksWithin(r.steps()));
    }
    assertThrows(IllegalArgumentException.class, () -> CrossoverClassifier.fit(runs, new double[0], 0.5));
    assertThrows(IllegalArgumentException.class, () -> CrossoverClassifier.fit(runs, new double[] {1}, 0));
  }

  /**
   * The direction of the rule (SPEC §4, the paper's F = n·L + λ·ln n): the generalizing objective n·ε +
   * β·p·ln n undercuts the memorizing β·p²·ln n only for n below n*, so at p = 7 (c = 42β), ε = 0.5: β =
   * 0.105 gives n* = 29.998 (scipy's W₋₁): n = 20 (frac 0.4) groks, n = 39 (frac 0.8) does not; β = 1
   * gives n* = 526.3, so both grok (more decay, more grokking); β = 0.01 has ε/c = 1.19 &gt; 1/e: no
   * crossover, no grokking.
   */
  @Test
  void nStarSaysGroksBelowNStarAndNotAbove() {
    CrossoverClassifier rule = new CrossoverClassifier(1.0, 0.5, Double.NaN, 0);
    GridRun small = Synthetic.run(7, Op.ADD, 0.105, 1e-3, 0.4, 0, OptionalInt.of(5), Double.NaN, 1);
    GridRun large = Synthetic.run(7, Op.ADD, 0.105, 1e-3, 0.8, 0, OptionalInt.of(5), Double.NaN, 1);
    assertEquals(List.of(20, 39), List.of(small.query().trainSize(), large.query().trainSize()));
    assertEquals(29.99796159475824, occam.theory.Crossover.of(7, 0.105, 0.5).nStar(), 1e-9);
    assertEquals(Prediction.GROKS_UNTIMED, rule.predict(small.query()), "n = 20 < n* = 30: generalizing is cheaper");
    assertEquals(Prediction.NONE, rule.predict(large.query()), "n = 39 > n* = 30: memorizing is cheaper");
    for (double frac : new double[] {0.4, 0.8}) {
      assertEquals(Prediction.GROKS_UNTIMED,
          rule.predict(Synthetic.run(7, Op.ADD, 1, 1e-3, frac, 0, OptionalInt.of(5), Double.NaN, 1).query()), "n* = 526");
      assertEquals(Prediction.NONE,
          rule.predict(Synthetic.run(7, Op.ADD, 0.01, 1e-3, frac, 0, OptionalInt.of(5), Double.NaN, 1).query()), "no root");
    }
  }

  /** Steps made as 3·t_gen^SFM at β = 1e-3·wd²: the grid search finds k, a and c exactly. */
  @Test
  void sfmFitRecoversKAAndTheTimeScale() {
    SfmTimes sfm = new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), 1, Integer.MAX_VALUE), Gate.SOFT, 5000);
    double k = 1e-3;
    double a = 2;
    List<GridRun> runs = new ArrayList<>();
    for (double wd : new double[] {0.5, 1, 2}) {
      for (double frac : new double[] {0.5, 0.7}) {
        GridRun probe = Synthetic.run(7, Op.ADD, wd, 1e-3, frac, 0, OptionalInt.of(1), Double.NaN, 1);
        int t = sfm.tGen(SfmFit.config(sfm, probe.query(), k, a)).orElseThrow();
        runs.add(Synthetic.grokking(7, Op.ADD, wd, 1e-3, frac, 0, 1, 3 * Math.max(t, 1), 1));
      }
    }
    SfmFit fit = SfmFit.fit(runs, sfm, new double[] {1e-4, 1e-3, 1e-2}, new double[] {1, 2, 3}, 0);
    assertEquals("sfm_soft", fit.name());
    assertEquals(k, fit.k());
    assertEquals(a, fit.a());
    assertEquals(Math.log(3), fit.lnScale(), 1e-12);
    assertEquals(0, fit.error(), 1e-12);
    SfmPredictor p = new SfmPredictor(fit, sfm);
    for (GridRun r : runs) {
      assertEquals(r.measured(), p.predict(r.query()).steps(), 1e-9);
    }
  }

  /**
   * The hybrid (e = 1): steps made as 3e-3·t_gen^SFM/lr at lr 1e-3 and 5e-4 (3 and 6 steps per SFM
   * iteration): it finds k, a and c = 3e-3 exactly; the SFM alone (e = 0) cannot, since it has no lr.
   */
  @Test
  void sfmHybridCountsAnIterationAsOneOverLrSteps() {
    SfmTimes sfm = new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), 1, Integer.MAX_VALUE), Gate.SOFT, 5000);
    List<GridRun> runs = new ArrayList<>();
    for (double lr : new double[] {1e-3, 5e-4}) {
      for (double wd : new double[] {0.5, 2}) {
        for (double frac : new double[] {0.5, 0.7}) {
          GridRun probe = Synthetic.run(7, Op.ADD, wd, lr, frac, 0, OptionalInt.of(1), Double.NaN, 1);
          int t = Math.max(sfm.tGen(SfmFit.config(sfm, probe.query(), 1e-3, 2)).orElseThrow(), 1);
          runs.add(Synthetic.grokking(7, Op.ADD, wd, lr, frac, 0, 1, (int) Math.round(3e-3 * t / lr), 1));
        }
      }
    }
    double[] ks = {1e-4, 1e-3, 1e-2};
    double[] as = {1, 2, 3};
    SfmFit hybrid = SfmFit.fit(runs, sfm, ks, as, 1);
    assertEquals("sfm_soft_lr", hybrid.name());
    assertEquals(List.of(1e-3, 2.0), List.of(hybrid.k(), hybrid.a()));
    assertEquals(Math.log(3e-3), hybrid.lnScale(), 1e-12);
    assertEquals(0, hybrid.error(), 1e-12);
    SfmPredictor p = new SfmPredictor(hybrid, sfm);
    for (GridRun r : runs) {
      assertEquals(r.measured(), p.predict(r.query()).steps(), 1e-9 * r.measured());
    }
    assertTrue(SfmFit.fit(runs, sfm, ks, as, 0).error() > 0.3, "a factor 2 in lr the SFM alone cannot see");
    assertThrows(IllegalArgumentException.class, () -> new SfmFit("soft", 1, 1, 0, 1, 1, 0, 0.5));
  }
}
