package occam.results.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.results.compare.SfmTimes;
import occam.sfm.SfmConfig;

/**
 * The SFM as a predictor, fitted: the SFM runs on the run's own split (same p, op, frac, seed) at β =
 * k·wd^a, and t̂ = c·max(t_gen^SFM, 1)·lr^−e; where the SFM does not generalize within its budget, no
 * grokking. a = 2 turns the soft gate's t_gen ∝ β^−½ into t ∝ 1/wd. e = 0 is the SFM as it is (it has
 * no learning rate); e = 1 is the hybrid that counts an SFM iteration (drift step η = 1) as 1/lr
 * optimizer steps, so t̂ ∝ t_gen^SFM/lr, with no extra parameter.
 *
 * <p>Fit on the calibration runs alone, as {@link occam.results.compare.Comparison} fits k_β: for each
 * (k, a) of the grids, ln c = mean over calibration runs with both times of ln(t_grok·lr^e/t_gen^SFM); the
 * (k, a) kept is the one under which the most calibration runs have both times, ties broken by the
 * smallest mean |ln(t̂/t_grok)|, then by the order of the grids.
 *
 * @param gate the SFM gate ({@code soft} or {@code hard})
 * @param k k
 * @param a a, the exponent of wd
 * @param lnScale ln c (NaN: no calibration run had both times; the predictor abstains)
 * @param sfmIters the SFM's iteration budget
 * @param points calibration runs with both times at (k, a)
 * @param error their mean |ln ratio|
 * @param lrExponent e, the learning rate's exponent (0: the SFM alone; 1: time in units of 1/lr)
 */
public record SfmFit(String gate, double k, double a, double lnScale, int sfmIters, int points, double error,
    double lrExponent) {

  /**
   * Checks the gate and e.
   *
   * @throws IllegalArgumentException if the gate is missing or e is not 0 or 1
   */
  public SfmFit {
    if (gate == null) {
      throw new IllegalArgumentException("an SFM fit needs its gate");
    }
    if (lrExponent != 0 && lrExponent != 1) {
      throw new IllegalArgumentException("lr exponent = " + lrExponent + " is not allowed: it must be 0 or 1");
    }
  }

  /** @return the predictor's name: {@code sfm_GATE}, with {@code _lr} for the hybrid (e = 1) */
  public String name() {
    return "sfm_" + gate + (lrExponent == 0 ? "" : "_lr");
  }

  /**
   * The predicted step.
   *
   * @param tGen the SFM's t_gen (iterations)
   * @param lr the run's learning rate
   * @return c·max(t_gen, 1)·lr^−e
   */
  public double steps(int tGen, double lr) {
    return Math.exp(lnScale - lrExponent * Math.log(lr)) * Math.max(tGen, 1);
  }

  /**
   * Fits (k, a, c) on the calibration runs; every SFM run needed goes in one batch.
   *
   * @param calibration the calibration runs
   * @param sfm the SFM runner (its gate and budget are the fit's)
   * @param kGrid k values (positive, finite)
   * @param aGrid a values (finite)
   * @param lrExponent e: 0 or 1
   * @return the fit
   * @throws IllegalArgumentException if a grid is empty
   */
  public static SfmFit fit(List<GridRun> calibration, SfmTimes sfm, double[] kGrid, double[] aGrid, double lrExponent) {
    if (kGrid.length == 0 || aGrid.length == 0) {
      throw new IllegalArgumentException("the SFM fit needs at least one k and one a");
    }
    List<SfmConfig> all = new ArrayList<>();
    for (double k : kGrid) {
      for (double a : aGrid) {
        for (GridRun r : calibration) {
          all.add(config(sfm, r.query(), k, a));
        }
      }
    }
    sfm.prepare(all);
    SfmFit best = null;
    for (double k : kGrid) {
      for (double a : aGrid) {
        List<double[]> pairs = new ArrayList<>();
        for (GridRun r : calibration) {
          OptionalInt t = sfm.tGen(config(sfm, r.query(), k, a));
          if (r.grokked() && t.isPresent()) {
            pairs.add(new double[] {Math.log(r.measured()),
                Math.log(Math.max(t.getAsInt(), 1)) - lrExponent * Math.log(r.lr())});
          }
        }
        double lnC = pairs.stream().mapToDouble(q -> q[0] - q[1]).average().orElse(Double.NaN);
        double err = pairs.stream().mapToDouble(q -> Math.abs(q[1] + lnC - q[0])).average().orElse(Double.NaN);
        SfmFit f = new SfmFit(sfm.gate().cliName(), k, a, lnC, sfm.iters(), pairs.size(), err, lrExponent);
        if (best == null || f.points() > best.points()
            || (f.points() == best.points() && f.error() < best.error())) {
          best = f;
        }
      }
    }
    return best;
  }

  /**
   * The SFM configuration of a query at (k, a).
   *
   * @param sfm the runner
   * @param q the query
   * @param k k
   * @param a a
   * @return the configuration at β = k·wd^a on the query's split
   */
  static SfmConfig config(SfmTimes sfm, Query q, double k, double a) {
    return sfm.config(q.task(), q.frac(), q.seed(), k * Math.pow(q.wd(), a));
  }
}
