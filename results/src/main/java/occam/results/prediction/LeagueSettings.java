package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import occam.modular.Op;
import occam.results.compare.ComparisonSettings;
import occam.results.compare.SfmTimes;
import occam.sfm.Gate;
import occam.transformer.records.RunFolder;

/**
 * How the league is run (the library entry point behind {@code occam league}): which runs calibrate,
 * the fit grids of the SFM and n* predictors, and the bootstrap.
 *
 * @param calibrationOp the op of the calibration runs
 * @param calibrationP their prime
 * @param calibrationSeeds their seeds (non-empty)
 * @param kGrid k of the SFM's β = k·wd^a (positive, finite)
 * @param aGrid a (finite, positive)
 * @param nStarKGrid k of the n* classifier's β = k·wd (positive, finite)
 * @param epsilon ε_gen of n* (positive, finite)
 * @param sfmIters SFM iteration budget (≥ 1)
 * @param sfmThreads SFM CPU threads (≥ 1)
 * @param resamples bootstrap resamples (≥ 1)
 * @param bootstrapSeed bootstrap seed
 */
public record LeagueSettings(Op calibrationOp, int calibrationP, Set<Long> calibrationSeeds, List<Double> kGrid,
    List<Double> aGrid, List<Double> nStarKGrid, double epsilon, int sfmIters, int sfmThreads, int resamples,
    long bootstrapSeed) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the value and the allowed range
   */
  public LeagueSettings {
    if (calibrationOp == null) {
      throw new IllegalArgumentException("the calibration op must be given");
    }
    if (calibrationSeeds == null || calibrationSeeds.isEmpty()) {
      throw new IllegalArgumentException("at least one calibration seed is needed");
    }
    positive("k", kGrid);
    positive("a", aGrid);
    positive("n* k", nStarKGrid);
    if (sfmIters < 1 || sfmThreads < 1 || resamples < 1) {
      throw new IllegalArgumentException("sfm iters " + sfmIters + ", sfm threads " + sfmThreads + ", resamples "
          + resamples + ": each must be >= 1");
    }
    // ε, the SFM's gate and budget are checked by ComparisonSettings, which builds the SFM runners
    new ComparisonSettings(Gate.SOFT, sfmIters, kGrid, Set.of(), epsilon, sfmThreads);
    calibrationSeeds = Set.copyOf(calibrationSeeds);
    kGrid = List.copyOf(kGrid);
    aGrid = List.copyOf(aGrid);
    nStarKGrid = List.copyOf(nStarKGrid);
  }

  private static void positive(String name, List<Double> grid) {
    if (grid == null || grid.isEmpty()) {
      throw new IllegalArgumentException("the " + name + " grid needs at least one value");
    }
    for (double v : grid) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " = " + v + " is not allowed: it must be positive and finite");
      }
    }
  }

  /**
   * The finished runs under some folders, and those left out because they are not finished.
   *
   * @param runs the finished runs, in folder order
   * @param unfinished folders with a summary but no complete manifest (still training or killed)
   * @param duplicates folders left out because an earlier folder holds a run of the same settings and seed
   */
  public record Runs(List<GridRun> runs, List<Path> unfinished, List<Path> duplicates) {}

  /**
   * Reads the runs under folders ({@link ComparisonSettings#runFolders}); unfinished ones are left out
   * (the grid may still be training), and so are runs whose settings and seed an earlier folder (in
   * the order given) already holds.
   *
   * @param paths run folders or folders of run folders
   * @return the runs
   * @throws IllegalArgumentException for a missing folder, one without runs, or an unreadable run
   * @throws IOException if a folder cannot be read
   */
  public static Runs read(List<Path> paths) throws IOException {
    List<GridRun> runs = new ArrayList<>();
    List<Path> unfinished = new ArrayList<>();
    List<Path> duplicates = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path dir : ComparisonSettings.runFolders(paths)) {
      if (!new RunFolder(dir).isComplete(0)) {
        unfinished.add(dir);
        continue;
      }
      GridRun r = GridRun.read(dir);
      if (seen.putIfAbsent(r.key(), dir) != null) {
        duplicates.add(dir);
        continue;
      }
      runs.add(r);
    }
    return new Runs(List.copyOf(runs), List.copyOf(unfinished), List.copyOf(duplicates));
  }

  /**
   * The protocol a run belongs to.
   *
   * @param r the run
   * @return calibration, held-out seed or held-out condition
   */
  public Protocol role(GridRun r) {
    if (r.task().op() != calibrationOp || r.task().p() != calibrationP) {
      return Protocol.HELD_OUT_CONDITIONS;
    }
    return calibrationSeeds.contains(r.seed()) ? Protocol.CALIBRATION : Protocol.HELD_OUT_SEEDS;
  }

  /**
   * Fits every predictor on the calibration runs alone.
   *
   * @param calibration the calibration runs (at least one)
   * @param soft the soft-gate SFM runner
   * @param hard the hard-gate SFM runner
   * @param command the producing command
   * @return the calibration
   * @throws IllegalArgumentException if there are no calibration runs
   */
  public Calibration calibrate(List<GridRun> calibration, SfmTimes soft, SfmTimes hard, String command) {
    double[] k = kGrid.stream().mapToDouble(Double::doubleValue).toArray();
    double[] a = aGrid.stream().mapToDouble(Double::doubleValue).toArray();
    return new Calibration(command, calibrationOp.cliName(), calibrationP, new ArrayList<>(new TreeSet<>(calibrationSeeds)),
        calibration.size(), (int) calibration.stream().filter(GridRun::grokked).count(), CalibratedRange.of(calibration),
        ConstantLaw.fit(calibration), InverseDecayLaw.fit(calibration), PowerLaw.fit(calibration),
        SfmFit.fit(calibration, soft, k, a, 0), SfmFit.fit(calibration, hard, k, a, 0), SfmFit.fit(calibration, soft, k, a, 1),
        FirstPassageLaw.fit(calibration),
        CrossoverClassifier.fit(calibration, nStarKGrid.stream().mapToDouble(Double::doubleValue).toArray(), epsilon));
  }

  /**
   * The calibration runs among some runs.
   *
   * @param runs the runs
   * @return those of the calibration op, prime and seeds
   * @throws IllegalArgumentException if there are none
   */
  public List<GridRun> calibration(List<GridRun> runs) {
    List<GridRun> calibration = runs.stream().filter(r -> role(r) == Protocol.CALIBRATION).toList();
    if (calibration.isEmpty()) {
      throw new IllegalArgumentException("no run of op " + calibrationOp.cliName() + ", p " + calibrationP
          + " with seed in " + new TreeSet<>(calibrationSeeds) + ": nothing to calibrate on");
    }
    return calibration;
  }

  /**
   * Calibrates on the calibration runs and scores every run.
   *
   * @param runs all runs
   * @param command the producing command
   * @return the league
   * @throws IllegalArgumentException if no run is a calibration run
   */
  public League run(List<GridRun> runs, String command) {
    List<GridRun> calibration = calibration(runs);
    SfmTimes soft = Calibration.runner(Gate.SOFT, sfmIters, sfmThreads);
    SfmTimes hard = Calibration.runner(Gate.HARD, sfmIters, sfmThreads);
    Calibration c = calibrate(calibration, soft, hard, command);
    return League.score(c, c.predictors(soft, hard), runs, this::role, resamples, bootstrapSeed);
  }
}
