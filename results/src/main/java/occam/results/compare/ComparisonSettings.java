package occam.results.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import occam.fourier.RealDft2Backend;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.transformer.records.RunFolder;

/**
 * How training runs are held against the SFM and the theory (SPEC §7): the library entry point behind
 * {@code occam compare} and {@code occam experiment}. {@link #runFolders} and {@link #read} find and
 * read the runs, {@link #run} fits and predicts, {@link ComparisonRun#write} writes the report.
 *
 * @param gate the SFM gate of the predictions
 * @param sfmIters the SFM iteration budget per run (≥ 1)
 * @param kBetas the k_β values tried (β = k_β·wd), each positive and finite; one value fixes k_β
 * @param calibrationSeeds the seeds whose runs calibrate k_β and the time scale; empty: the smallest
 *     seed present
 * @param epsilon ε_gen &gt; 0 (finite) for the theory's crossover n*
 * @param sfmThreads threads of the SFM's CPU engine (≥ 1)
 */
public record ComparisonSettings(
    Gate gate, int sfmIters, List<Double> kBetas, Set<Long> calibrationSeeds, double epsilon, int sfmThreads) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the value and the allowed range
   */
  public ComparisonSettings {
    if (gate == null) {
      throw new IllegalArgumentException("the SFM gate must be given");
    }
    if (sfmIters < 1) {
      throw new IllegalArgumentException("sfm iters = " + sfmIters + " is not allowed: it must be >= 1");
    }
    if (kBetas == null || kBetas.isEmpty()) {
      throw new IllegalArgumentException("at least one k_beta is needed");
    }
    for (double k : kBetas) {
      if (!(k > 0) || Double.isInfinite(k)) {
        throw new IllegalArgumentException("k_beta = " + k + " is not allowed: it must be positive and finite");
      }
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("--eps " + epsilon + " is not allowed: it must be positive and finite");
    }
    if (sfmThreads < 1) {
      throw new IllegalArgumentException("sfm threads = " + sfmThreads + " is not allowed: it must be >= 1");
    }
    kBetas = List.copyOf(kBetas);
    calibrationSeeds = calibrationSeeds == null ? Set.of() : Set.copyOf(calibrationSeeds);
  }

  /**
   * The run folders under the given paths: a folder with {@code summary.json} is a run; otherwise its
   * direct subfolders that have one are, in name order.
   *
   * @param paths run folders or folders of run folders
   * @return the run folders
   * @throws IllegalArgumentException for a missing path or one with no run in it
   * @throws IOException if a folder cannot be listed
   */
  public static List<Path> runFolders(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        throw new IllegalArgumentException("run folder " + p + " does not exist");
      }
      if (Files.isRegularFile(p.resolve(RunFolder.SUMMARY_FILE))) {
        out.add(p);
        continue;
      }
      List<Path> children;
      try (Stream<Path> s = Files.list(p)) {
        children = s.filter(c -> Files.isRegularFile(c.resolve(RunFolder.SUMMARY_FILE)))
            .sorted(Comparator.comparing(Path::toString)).toList();
      }
      if (children.isEmpty()) {
        throw new IllegalArgumentException(
            "folder " + p + " has no " + RunFolder.SUMMARY_FILE + " and no run folder with one");
      }
      out.addAll(children);
    }
    return out;
  }

  /**
   * Reads the runs of the folders.
   *
   * @param folders run folders
   * @return their records, in order
   * @throws IllegalArgumentException if a folder is not a readable run
   * @throws IOException if a metrics log cannot be read
   */
  public static List<TrainingRecord> read(List<Path> folders) throws IOException {
    List<TrainingRecord> runs = new ArrayList<>();
    for (Path f : folders) {
      runs.add(TrainingRecord.read(f));
    }
    return runs;
  }

  /**
   * The calibration seeds for these runs: the given ones, or the smallest seed present.
   *
   * @param runs the runs
   * @return the seeds
   */
  public Set<Long> calibrationSeeds(List<TrainingRecord> runs) {
    if (!calibrationSeeds.isEmpty()) {
      return new TreeSet<>(calibrationSeeds);
    }
    return new TreeSet<>(Set.of(runs.stream().mapToLong(TrainingRecord::seed).min().orElse(0)));
  }

  /** @return an SFM runner of these settings (gate, iterations, CPU threads) with an empty cache */
  public SfmTimes sfmTimes() {
    return new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), sfmThreads, Integer.MAX_VALUE), gate, sfmIters);
  }

  /**
   * Runs the SFM on every run's split, fits k_β and the time scale on the calibration runs and predicts
   * the others.
   *
   * @param runs the runs (at least one)
   * @return the comparison with the SFM runs behind it
   */
  public ComparisonRun run(List<TrainingRecord> runs) {
    SfmTimes sfm = sfmTimes();
    return new ComparisonRun(Comparison.of(runs, sfm, kBetas.stream().mapToDouble(Double::doubleValue).toArray(), calibrationSeeds(runs), epsilon), sfm);
  }
}
