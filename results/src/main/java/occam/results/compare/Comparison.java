package occam.results.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import occam.fourier.GeneralizingSolution;
import occam.results.llc.LlcDrop;
import occam.sfm.SfmConfig;
import occam.sfm.SfmResult;
import occam.theory.Crossover;
import occam.transformer.records.StepMetrics;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Theory, SFM and transformer runs on the same tasks (SPEC §7).
 *
 * <p>Mapping: the SFM runs on each transformer run's task, frac and seed (hence the same training
 * pairs, n = frac·N) at β = k_β·wd. Prediction: t̂ = c·t_gen^SFM(k_β·wd, frac, seed). The two free
 * constants are fitted on the calibration runs only: for each k_β of the grid, ln c = mean over
 * calibration runs of ln(t_grok/t_gen^SFM) (the least-squares time scale in log space); the k_β kept
 * is the one under which the most calibration runs have both times, ties broken by the smallest
 * mean |ln(t̂/t_grok)| on the calibration runs. Held-out runs are then predicted without refitting.
 *
 * <p>Theory: n* = the larger root of n·ε = β(p² − p)·ln n at β = k_β·wd ({@link Crossover}) and
 * λ_mem/λ_gen = m²/|supp W*|; the theory has no time scale, so it enters as n*, not as a step.
 *
 * @param runs every run compared, in input order
 * @param kBeta the chosen k_β
 * @param logScale ln c
 * @param calibrationSeeds the seeds of the calibration runs
 * @param epsilon the ε_gen used for n*
 * @param kGrid the k_β values tried
 * @param kGridError mean |ln ratio| on the calibration runs for each k_β (NaN where none had both)
 * @param kGridCoverage calibration runs with both times, for each k_β
 */
public record Comparison(
    List<RunComparison> runs,
    double kBeta,
    double logScale,
    Set<Long> calibrationSeeds,
    double epsilon,
    double[] kGrid,
    double[] kGridError,
    int[] kGridCoverage) {

  /**
   * Fits and predicts.
   *
   * @param runs transformer runs (at least one)
   * @param sfm the SFM runner
   * @param kGrid k_β values to try (one value fixes k_β)
   * @param calibrationSeeds seeds whose runs calibrate
   * @param epsilon ε_gen &gt; 0 for the theory's n*
   * @return the comparison
   * @throws IllegalArgumentException if there are no runs, no k_β, or ε or a k_β is not positive
   *     and finite. When no calibration run has both a grokking step and an SFM t_gen, nothing is
   *     fitted: ln c is NaN and every prediction NaN (the report says so), which is not an error.
   */
  public static Comparison of(
      List<TrainingRecord> runs, SfmTimes sfm, double[] kGrid, Set<Long> calibrationSeeds, double epsilon) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no training runs to compare");
    }
    if (kGrid.length == 0) {
      throw new IllegalArgumentException("no k_beta value to try");
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("eps = " + epsilon + " is not allowed: it must be positive and finite");
    }
    for (double k : kGrid) {
      if (!(k > 0) || Double.isInfinite(k)) {
        throw new IllegalArgumentException("k_beta = " + k + " is not allowed: it must be positive and finite");
      }
    }
    List<TrainingRecord> calibration = runs.stream().filter(r -> calibrationSeeds.contains(r.seed())).toList();
    List<SfmConfig> all = new ArrayList<>();
    for (double k : kGrid) {
      for (TrainingRecord r : runs) {
        all.add(sfm.config(r, k * r.weightDecay()));
      }
    }
    sfm.prepare(all);
    double[] err = new double[kGrid.length];
    int[] coverage = new int[kGrid.length];
    double[] scale = new double[kGrid.length];
    int best = -1;
    for (int i = 0; i < kGrid.length; i++) {
      List<double[]> pairs = new ArrayList<>();
      for (TrainingRecord r : calibration) {
        OptionalInt t = sfm.tGen(sfm.config(r, kGrid[i] * r.weightDecay()));
        if (r.grokkingStep().isPresent() && t.isPresent()) {
          pairs.add(new double[] {Math.log(r.grokkingStep().getAsInt()), Math.log(Math.max(t.getAsInt(), 1))});
        }
      }
      coverage[i] = pairs.size();
      double lnC = pairs.stream().mapToDouble(q -> q[0] - q[1]).average().orElse(Double.NaN);
      scale[i] = lnC;
      err[i] = pairs.stream().mapToDouble(q -> Math.abs(q[1] + lnC - q[0])).average().orElse(Double.NaN);
      if (coverage[i] > 0 && (best < 0 || coverage[i] > coverage[best]
          || (coverage[i] == coverage[best] && err[i] < err[best]))) {
        best = i;
      }
    }
    double kBeta = best < 0 ? kGrid[0] : kGrid[best];
    double lnC = best < 0 ? Double.NaN : scale[best];
    List<RunComparison> out = new ArrayList<>();
    for (TrainingRecord r : runs) {
      double beta = kBeta * r.weightDecay();
      SfmResult s = sfm.result(sfm.config(r, beta));
      double predicted = s.tGen().isPresent() ? Math.exp(lnC) * Math.max(s.tGen().getAsInt(), 1) : Double.NaN;
      List<StepMetrics> log = r.log();
      Transition bdm = Transition.fall(log, StepMetrics::complexity);
      double bdmFinal = log.isEmpty() ? Double.NaN : log.get(log.size() - 1).complexity();
      int m = r.task().groupOrder();
      double lambdaRatio = (double) m * m / GeneralizingSolution.supportSize(r.task());
      out.add(new RunComparison(r, calibrationSeeds.contains(r.seed()), beta, s.phase().label(), s.tGen(), predicted,
          nStar(r, beta, epsilon), lambdaRatio, Transition.rise(log, StepMetrics::testAcc), bdm,
          Transition.rise(log, StepMetrics::embedGini), Transition.rise(log, StepMetrics::embedIpr), bdmFinal,
          llcDrop(r)));
    }
    return new Comparison(List.copyOf(out), kBeta, lnC, Set.copyOf(calibrationSeeds), epsilon, kGrid.clone(), err,
        coverage);
  }

  /** The run's measured LLC drop, if {@code occam llc RUN --out RUN/llc} wrote its curve. */
  private static Optional<LlcDrop> llcDrop(TrainingRecord r) {
    try {
      return LlcDrop.of(r.dir(), r.memorizationStep());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double nStar(TrainingRecord r, double beta, double epsilon) {
    if (!(beta > 0)) {
      return Double.NaN;
    }
    Crossover c = Crossover.of(r.task().p(), beta, epsilon);
    return c.exists() ? c.upper() : Double.NaN;
  }

  /** @return the held-out runs with both a predicted and a measured step */
  public List<RunComparison> heldOutPaired() {
    return runs.stream().filter(c -> !c.calibration() && Double.isFinite(c.ratio())).toList();
  }

  /** @return Spearman's rank correlation of predicted vs measured on held-out runs (NaN below 3 runs) */
  public double heldOutSpearman() {
    return spearman(heldOutPaired());
  }

  /** @return mean |ln(predicted/measured)| on held-out runs (NaN when none) */
  public double heldOutMeanAbsLogRatio() {
    return heldOutPaired().stream().mapToDouble(c -> Math.abs(c.logRatio())).average().orElse(Double.NaN);
  }

  /** @return mean |ln(predicted/measured)| on calibration runs */
  public double calibrationMeanAbsLogRatio() {
    return runs.stream().filter(c -> c.calibration() && Double.isFinite(c.ratio()))
        .mapToDouble(c -> Math.abs(c.logRatio())).average().orElse(Double.NaN);
  }

  /**
   * Spearman's ρ of predicted vs measured.
   *
   * @param pairs runs with both
   * @return ρ, NaN for fewer than 3 runs
   */
  public static double spearman(List<RunComparison> pairs) {
    if (pairs.size() < 3) {
      return Double.NaN;
    }
    double[] a = pairs.stream().mapToDouble(RunComparison::predicted).toArray();
    double[] b = pairs.stream().mapToDouble(RunComparison::measured).toArray();
    return new SpearmansCorrelation().correlation(a, b);
  }

  /**
   * Scaling exponents by least squares: ln t = a + b·ln wd + c·ln frac.
   *
   * @param wd weight decays
   * @param frac fractions
   * @param t times (non-finite entries skipped)
   * @return {b, c, R², points}; NaN exponents with fewer than 4 points or a singular design
   */
  public static double[] scaling(double[] wd, double[] frac, double[] t) {
    occam.sfm.scan.ScalingFit f = occam.sfm.scan.ScalingFit.fit(wd, frac, t);
    return new double[] {f.betaExponent(), f.nExponent(), f.rSquared(), f.count()};
  }
}
