package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import occam.io.ReportFolder;
import occam.io.UsageException;
import occam.results.analysis.AnalysisReport;
import occam.transformer.Snapshots;
import occam.transformer.analysis.RunAnalysis;
import occam.transformer.analysis.CompressionMeasure;
import occam.transformer.analysis.LlcMeasure;
import occam.transformer.analysis.LmnMeasure;
import occam.transformer.analysis.SnapshotMeasure;
import occam.transformer.records.ValueList;
import occam.transformer.records.analysis.RunAnalysisResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code occam analyze RUN_DIR}: the seed paper's diagnostic kit on a run's weight snapshots ({@link
 * RunAnalysis}), written as one report folder ({@link AnalysisReport}, published whole by {@link
 * ReportFolder}). Reads the run folder only, so it works on a run still training; bad input (no such
 * folder, no snapshots, a step without a snapshot) exits 2 before anything is written.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyze the weight snapshots of an occam train run (train with --snapshots log): embedding PCA and ring",
      "score, Gini/IPR of the 2-D DFT of W_E, K_BDM, at every snapshot; the paper's Table 1 at four checkpoints",
      "(initialization, memorization = t_mem, emergence = half-way test accuracy, generalization = t_grok or the",
      "last step). Writes OUT/analysis.md, OUT/analysis.json, OUT/curves.csv, OUT/curves.png, OUT/embedding-pca.png."
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "an occam train run folder, finished or still running")
  private Path run;

  @Option(names = "--checkpoints", paramLabel = "auto|STEP,...", defaultValue = "auto",
      description = "the Table 1 rows: auto (the paper's four) or steps that have snapshots, e.g. 0,500,1500"
          + " (default ${DEFAULT-VALUE})")
  private String checkpoints;

  @Option(names = "--out", paramLabel = "DIR", description = "report folder (default RUN_DIR/analysis)")
  private Path out;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  private boolean noProgress;

  /**
   * The measures beyond {@link RunAnalysis#standard()} that {@code occam analyze} registers: CMA,
   * skip-ablation and progress measures plug in here (named after their {@link
   * occam.transformer.records.analysis.Table1Column} to fill its column).
   *
   * @return the extra measures
   */
  static List<SnapshotMeasure> extraMeasures() {
    return List.of(
        new CompressionMeasure(),
        new LmnMeasure(),
        new LlcMeasure());
  }

  @Override
  public Integer call() throws IOException {
    List<Integer> steps = Commands.userInput(() -> steps(checkpoints));
    RunAnalysis analysis = RunAnalysis.of(run).checkpoints(steps);
    extraMeasures().forEach(analysis::measure);
    analysis.preflight();
    Path dir = Commands.requireCreatable("--out", out != null ? out : run.resolve("analysis"));
    String command = Commands.invocation(spec);
    PrintWriter err = spec.commandLine().getErr();
    RunAnalysisResult result;
    int total = Snapshots.steps(run).size();
    try (Progress progress = noProgress ? null : new Progress("analyze", total, err, " snapshots", 0)) {
      result = analysis.run(done -> {
        if (progress != null) {
          progress.stepTo(done, "");
        }
      });
    }
    try (ReportFolder report = ReportFolder.begin(dir, command)) {
      AnalysisReport.write(result, report.staging(), command);
      report.publish();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(AnalysisReport.table1(result));
    stdout.println("wrote " + dir.resolve(AnalysisReport.MARKDOWN) + " and the analysis of " + result.snapshots().size()
        + " snapshots beside it");
    stdout.flush();
    return 0;
  }

  /** {@code auto} → no steps; else the listed steps (≥ 0). */
  static List<Integer> steps(String text) {
    if (text.strip().equalsIgnoreCase("auto")) {
      return List.of();
    }
    List<Integer> out = ValueList.integers("--checkpoints", text).stream().map(v -> {
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new UsageException("--checkpoints " + text + ": step " + v + " is not a step (>= 0)");
      }
      return v.intValue();
    }).toList();
    return out;
  }
}
