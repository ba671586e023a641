package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.results.compare.Comparison;
import occam.results.compare.ComparisonReport;
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
  @Spec private CommandSpec spec;

  @Option(names = "--runs", paramLabel = "DIR", arity = "1..*", required = true,
      description = "run folders (with summary.json), or folders whose subfolders are runs")
  private List<Path> runs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/comparison/report",
      description = "report folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Mixin private CompareOptions options;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Comparison c = options.run(CompareOptions.runFolders(runs), out, Commands.invocation(spec),
        spec.commandLine().getErr());
    stdout.println(headline(c, out));
    stdout.flush();
    return 0;
  }

  /** Three lines: the fit, the held-out figures, where the report is. */
  static String headline(Comparison c, Path out) {
    return String.format(Locale.ROOT,
        "k_beta %.3g, time scale %.4g steps per SFM iteration (calibration seeds %s)%n"
            + "held out: %d runs with both steps, Spearman %.3f, mean |ln ratio| %.3f%n"
            + "wrote %s", c.kBeta(), Math.exp(c.logScale()), c.calibrationSeeds(), c.heldOutPaired().size(),
        c.heldOutSpearman(), c.heldOutMeanAbsLogRatio(), out.resolve(ComparisonReport.MARKDOWN));
  }
}
