package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import occam.io.AtomicFiles;
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
   * Checks the options, the run folders and the report folder, then runs the comparison and writes its
   * report.
   *
   * @param folders the run folders
   * @param out the report folder
   * @param command the producing command
   * @param log where the progress line goes
   * @return the comparison
   * @throws occam.io.UsageException for bad options, a run folder that cannot be read or an unwritable report
   *     folder, before any SFM run
   * @throws IOException if a file cannot be read or written
   */
  ComparisonRun run(List<Path> folders, Path out, String command, PrintWriter log) throws IOException {
    ComparisonSettings s = settings();
    List<TrainingRecord> runs = Commands.userInput(() -> read(folders));
    Commands.userInput(() -> {
      AtomicFiles.requireWritableDirectory(out);
      return out;
    });
    log.printf("comparing %d runs; SFM %s gate, %d k_beta values, %d iterations%n", runs.size(), s.gate().cliName(),
        s.kBetas().size(), s.sfmIters());
    log.flush();
    ComparisonRun c = s.run(runs);
    c.write(out, command);
    return c;
  }

  private static List<TrainingRecord> read(List<Path> folders) {
    try {
      return ComparisonSettings.read(folders);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
