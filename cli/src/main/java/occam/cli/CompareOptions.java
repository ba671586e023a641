package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import occam.fourier.RealDft2Backend;
import occam.results.compare.Comparison;
import occam.results.compare.ComparisonReport;
import occam.results.compare.SfmTimes;
import occam.results.compare.TrainingRecord;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.scan.Grid;
import occam.transformer.TrainingRun;
import picocli.CommandLine.Option;

/** Options of the comparison shared by {@code occam compare} and {@code occam experiment}. */
final class CompareOptions {
  @Option(names = "--gate", paramLabel = "G", defaultValue = "soft",
      description = "SFM gate for the predictions: soft (l1 proximal, default) or hard")
  String gate;

  @Option(names = "--sfm-iters", paramLabel = "T", defaultValue = "20000",
      description = "SFM iteration budget per run (default ${DEFAULT-VALUE})")
  int sfmIters;

  @Option(names = "--k-betas", paramLabel = "LO:HI:K", defaultValue = "1e-6:1e-2:9",
      description = "k_beta grid (beta = k_beta*wd), log-spaced, fitted on the calibration runs; one value fixes it "
          + "(default ${DEFAULT-VALUE})")
  String kBetas;

  @Option(names = "--calibration-seeds", paramLabel = "S", split = ",",
      description = "seeds whose runs calibrate k_beta and the time scale (default: the smallest seed present)")
  List<Long> calibrationSeeds;

  @Option(names = "--eps", paramLabel = "E", defaultValue = "0.5",
      description = "eps_gen for the theory's crossover n* (default ${DEFAULT-VALUE})")
  double eps;

  @Option(names = "--sfm-threads", paramLabel = "N", defaultValue = "1",
      description = "threads for the SFM runs (default ${DEFAULT-VALUE})")
  int sfmThreads;

  /**
   * The run folders under the given paths: a folder with {@code summary.json} is a run; otherwise its
   * direct subfolders that have one are.
   *
   * @throws IllegalArgumentException for a missing path or one with no run in it
   */
  static List<Path> runFolders(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        throw new IllegalArgumentException("run folder " + p + " does not exist");
      }
      if (Files.isRegularFile(p.resolve(TrainingRun.SUMMARY_FILE))) {
        out.add(p);
        continue;
      }
      List<Path> children;
      try (Stream<Path> s = Files.list(p)) {
        children = s.filter(c -> Files.isRegularFile(c.resolve(TrainingRun.SUMMARY_FILE)))
            .sorted(Comparator.comparing(Path::toString)).toList();
      }
      if (children.isEmpty()) {
        throw new IllegalArgumentException(
            "folder " + p + " has no " + TrainingRun.SUMMARY_FILE + " and no run folder with one");
      }
      out.addAll(children);
    }
    return out;
  }

  /** Reads the runs, fits, predicts and writes the report; returns the comparison. */
  Comparison run(List<Path> folders, Path out, String command, PrintWriter log) throws IOException {
    Gate g = Gate.parse(gate);
    double[] grid = Grid.parse("--k-betas", kBetas, true).values();
    SfmTimes sfm = new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), sfmThreads, Integer.MAX_VALUE), g, sfmIters);
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("--eps " + eps + " is not allowed: it must be positive and finite");
    }
    List<TrainingRecord> runs = new ArrayList<>();
    for (Path f : folders) {
      runs.add(TrainingRecord.read(f));
    }
    Set<Long> seeds = new TreeSet<>();
    if (calibrationSeeds == null || calibrationSeeds.isEmpty()) {
      seeds.add(runs.stream().mapToLong(TrainingRecord::seed).min().orElse(0));
    } else {
      seeds.addAll(calibrationSeeds);
    }
    occam.io.AtomicFiles.requireWritableDirectory(out);
    log.printf("comparing %d runs; SFM %s gate, %d k_beta values, %d iterations%n", runs.size(), g.cliName(),
        grid.length, sfmIters);
    log.flush();
    Comparison c = Comparison.of(runs, sfm, grid, seeds, eps);
    ComparisonReport.write(c, sfm, out, command);
    return c;
  }
}
