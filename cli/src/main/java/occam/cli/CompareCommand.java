package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.io.UncheckedIOException;
import occam.results.compare.ComparisonRun;
import occam.results.compare.ComparisonSettings;
import occam.results.compare.ComparisonReport;
import occam.results.compare.TrainingRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam compare}: holds training runs against the SFM and the theory (SPEC §7) and writes the
 * report of {@link ComparisonReport} under {@code --out}.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Hold transformer runs (occam train folders) against the SFM (beta = k_beta*wd, same split) and the theory.",
      "Fits k_beta and the time scale on the calibration runs, predicts the others; writes OUT/comparison.{csv,md},",
      "OUT/summary.json, OUT/sfm-runs.csv, OUT/predicted-vs-measured.png, OUT/synchrony.png."
    })
public final class CompareCommand implements Callable<Integer> {
  private CommandSpec spec;

  /** Receives the command's model and adds the largest p this heap supports to the help. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    value.usageMessage().footer("Runs come from occam train, which refuses p it cannot hold. "
        + TrainCommand.largestPLine());
  }

  @Option(names = "--runs", paramLabel = "DIR", arity = "1..*", required = true,
      description = "run folders (with summary.json), or folders whose subfolders are runs")
  private List<Path> runs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/comparison/report",
      description = "report folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Mixin private CompareOptions options;

  @Override
  public Integer call() throws IOException {
    options.settings();
    Commands.outputPath("--out", out);
    List<TrainingRecord> records = options.read(Commands.userInput(() -> runFolders(runs)));
    String command = Commands.invocation(spec);
    ComparisonRun c;
    try (occam.io.ReportFolder report = CompareOptions.begin(out, command)) {
      c = options.run(records, report, command, spec.commandLine().getErr());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(c.headline(out));
    stdout.flush();
    return 0;
  }

  private static List<Path> runFolders(List<Path> paths) {
    try {
      return ComparisonSettings.runFolders(paths);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
