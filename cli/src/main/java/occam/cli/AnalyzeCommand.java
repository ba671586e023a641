package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.io.ReportFolder;
import occam.io.UsageException;
import occam.results.analysis.AnalysisReport;
import occam.transformer.Snapshots;
import occam.transformer.analysis.BdmMeasure;
import occam.transformer.analysis.BypassMeasure;
import occam.transformer.analysis.CmaMeasure;
import occam.transformer.analysis.CompressionMeasure;
import occam.transformer.analysis.EmbeddingGeometry;
import occam.transformer.analysis.EmbeddingSpectrum2d;
import occam.transformer.analysis.LlcMeasure;
import occam.transformer.analysis.LmnMeasure;
import occam.transformer.analysis.ProgressMeasure;
import occam.transformer.analysis.RunAnalysis;
import occam.transformer.analysis.SnapshotMeasure;
import occam.transformer.records.ValueList;
import occam.transformer.records.analysis.RunAnalysisResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code occam analyze RUN_DIR}: the seed paper's diagnostic kit on a run's weight snapshots ({@link
 * RunAnalysis}), written as one report folder ({@link AnalysisReport}, published whole by {@link
 * ReportFolder}). Reads the run folder only, so it works on a run still training; bad input (no such
 * folder, no snapshots, a step without a snapshot, an unknown measure) exits 2 before anything is
 * written. The measures it can run are {@link #MEASURES}, one line each.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyze the weight snapshots of an occam train run (train with --snapshots log): embedding PCA and ring",
      "score, Gini/IPR of the 2-D DFT of W_E, K_BDM and Nanda et al.'s progress measures at every snapshot; CMA per",
      "head and skip-ablation of layer ranges at the paper's Table 1 checkpoints (initialization, memorization =",
      "t_mem, emergence = half-way test accuracy, generalization = t_grok or the last step). Writes OUT/analysis.md,",
      "OUT/analysis.json, OUT/curves.csv and the figures (curves, embedding PCA, CMA heatmaps, skip-ablation,",
      "progress measures)."
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

  @Option(names = "--measures", paramLabel = "NAME,...", defaultValue = STANDARD,
      description = "the measures to run, in report order (default ${DEFAULT-VALUE}); known: ${COMPLETION-CANDIDATES}",
      completionCandidates = Known.class)
  private String measures;

  @Mixin private TorchThreads threads;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  private boolean noProgress;

  /** Makes one measure for a run folder (read after the folder was checked). */
  @FunctionalInterface
  interface MeasureFactory {
    /**
     * Makes the measure.
     *
     * @param run the run folder, checked to hold snapshots
     * @return the measure, whose {@link SnapshotMeasure#name()} is its key in {@link #MEASURES}
     * @throws IOException if the run folder cannot be read
     */
    SnapshotMeasure create(Path run) throws IOException;
  }

  /**
   * Every measure {@code occam analyze} can run, by name, in report order: add a measure with one line.
   * A name of a {@link occam.transformer.records.analysis.Table1Column} fills that column.
   */
  static final Map<String, MeasureFactory> MEASURES = new LinkedHashMap<>();

  static {
    MEASURES.put("embedding", run -> new EmbeddingGeometry());
    MEASURES.put("spectrum", run -> new EmbeddingSpectrum2d());
    MEASURES.put("bdm", run -> new BdmMeasure());
    MEASURES.put("cma", run -> new CmaMeasure());
    MEASURES.put("bypass", run -> new BypassMeasure());
    MEASURES.put(ProgressMeasure.NAME, ProgressMeasure::ofRun);
    MEASURES.put("compression", run -> new CompressionMeasure());
    MEASURES.put("lmn", run -> new LmnMeasure());
    MEASURES.put("llc", run -> new LlcMeasure());
  }

  /** The measures run without {@code --measures} (compression, lmn and llc are costly: ask for them). */
  static final String STANDARD = "embedding,spectrum,bdm,cma,bypass,progress";

  /** The known names, for the help text. */
  static final class Known extends ArrayList<String> {
    Known() {
      super(MEASURES.keySet());
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Integer> steps = Commands.userInput(() -> steps(checkpoints));
    List<String> names = Commands.userInput(() -> measureNames(measures));
    threads.apply();
    RunAnalysis analysis = RunAnalysis.of(run).checkpoints(steps);
    analysis.preflight();
    Path dir = Commands.requireCreatable("--out", out != null ? out : run.resolve("analysis"));
    List<SnapshotMeasure> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(MEASURES.get(name).create(run));
    }
    analysis.measures(chosen);
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

  /**
   * The names of {@code --measures}.
   *
   * @param text comma-separated names
   * @return the names, each once, in the given order
   * @throws UsageException if a name is unknown or none is given, listing the known names
   */
  static List<String> measureNames(String text) {
    List<String> names = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.strip();
      if (!MEASURES.containsKey(name)) {
        throw new UsageException("--measures " + text + ": unknown measure '" + name + "'; known: "
            + String.join(", ", MEASURES.keySet()));
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
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
