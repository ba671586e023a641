package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import occam.io.Messages;
import occam.io.ReportFolder;
import occam.results.compare.ComparisonRun;
import occam.results.compare.ComparisonSettings;
import occam.results.compare.TrainingRecord;
import occam.sfm.Gate;
import occam.sfm.scan.Grid;
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
   * The settings these options give.
   *
   * @return the validated settings
   * @throws occam.io.UsageException for any value out of range
   */
  ComparisonSettings settings() {
    return Commands.userInput(() -> new ComparisonSettings(Gate.parse(gate),
        sfmIters, Arrays.stream(Grid.parse("--k-betas", kBetas, true).values()).boxed().toList(),
        calibrationSeeds == null ? Set.of() : Set.copyOf(calibrationSeeds), eps, sfmThreads));
  }

  /**
   * Locks the report folder for the life of the command and opens its staging folder: before any work,
   * so an unwritable or busy {@code --out} exits 2 at once.
   *
   * @param out the report folder
   * @param command the producing command
   * @return the open report folder
   * @throws occam.io.UsageException if {@code --out} is empty, not writable, a file, or held by another command
   * @throws IOException if a killed writer's leftovers cannot be cleaned up
   */
  static ReportFolder begin(Path out, String command) throws IOException {
    return ReportFolder.begin(Commands.outputPath("--out", out), command);
  }

  /**
   * Reads the run folders (each must be finished) and checks the calibration seeds against them.
   *
   * @param folders the run folders
   * @return their records
   * @throws occam.io.UsageException for a run folder that cannot be read or is unfinished, or calibration
   *     seeds no run has
   */
  List<TrainingRecord> read(List<Path> folders) {
    List<TrainingRecord> runs = Commands.userInput(() -> readAll(folders));
    requireSeeds(runs.stream().map(TrainingRecord::seed).collect(Collectors.toCollection(TreeSet::new)));
    for (TrainingRecord r : runs) {
      occam.sfm.SfmSolver.memory(r.task().groupOrder(), sfmThreads)
          .requireFits("the SFM of run " + Messages.value(r.name()) + " (p = " + r.task().p() + ")", "runs of smaller p");
    }
    return runs;
  }

  /**
   * Runs the comparison and publishes its report as a whole ({@link ReportFolder}: entries the old
   * folder held that Occam did not write there, such as nested reports, are kept).
   *
   * @param runs the runs, from {@link #read}
   * @param report the report folder, from {@link #begin}
   * @param command the producing command
   * @param log where the progress line goes
   * @return the comparison
   * @throws IOException if a file cannot be written
   */
  ComparisonRun run(List<TrainingRecord> runs, ReportFolder report, String command, PrintWriter log) throws IOException {
    ComparisonSettings s = settings();
    log.printf("comparing %d runs; SFM %s gate, %d k_beta values, %d iterations%n", runs.size(), s.gate().cliName(),
        s.kBetas().size(), s.sfmIters());
    log.flush();
    ComparisonRun c = s.run(runs);
    c.write(report.staging(), command);
    report.publish();
    return c;
  }

  /**
   * Checks that every {@code --calibration-seeds} value has runs.
   *
   * @param present the seeds of the runs
   * @throws occam.io.UsageException naming the missing seeds and those present
   */
  void requireSeeds(Set<Long> present) {
    if (calibrationSeeds != null && !present.containsAll(calibrationSeeds)) {
      Set<Long> missing = new TreeSet<>(calibrationSeeds);
      missing.removeAll(present);
      throw new occam.io.UsageException("--calibration-seeds " + Messages.value(missing) + ": no run has "
          + (missing.size() == 1 ? "this seed" : "these seeds") + "; the runs' seeds are " + present);
    }
  }

  private static List<TrainingRecord> readAll(List<Path> folders) {
    try {
      return ComparisonSettings.read(folders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
