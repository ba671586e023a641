package occam.transformer.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.IntConsumer;
import occam.io.Messages;
import occam.io.UsageException;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.AnalysisCheckpoint;
import occam.transformer.records.analysis.AnalysisCheckpoints;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.RunAnalysisResult;
import occam.transformer.records.analysis.SnapshotAnalysis;

/**
 * {@code occam analyze}'s measurements of a run folder, finished or still training, read-only: every
 * registered {@link SnapshotMeasure} on every weight snapshot ({@link Snapshots}), and the checkpoints
 * of the paper's Table 1 ({@link AnalysisCheckpoints}: {@code auto}, or chosen steps). The standard
 * measures ({@link #standard()}) are the embedding manifold, the 2-D DFT of W_E and K_BDM; others
 * (CMA, skip-ablation, progress measures) are added with {@link #measure}, or the set is replaced with
 * {@link #measures}.
 */
public final class RunAnalysis {
  /** Appended to the description of a measure taken at the Table 1 checkpoints only. */
  public static final String CHECKPOINTS_ONLY = " (measured at the Table 1 checkpoints only)";

  private final Path run;
  private final List<SnapshotMeasure> measures = new ArrayList<>(standard());
  private List<Integer> chosen = List.of();

  private RunAnalysis(Path run) {
    this.run = run;
  }

  /**
   * Prepares the analysis of a run folder (reads nothing yet).
   *
   * @param runDir the run folder
   * @return the analysis, with the standard measures and {@code auto} checkpoints
   */
  public static RunAnalysis of(Path runDir) {
    return new RunAnalysis(runDir);
  }

  /** @return the embedding manifold, the 2-D DFT of W_E and K_BDM, in Table 1's order */
  public static List<SnapshotMeasure> standard() {
    return List.of(new EmbeddingGeometry(), new EmbeddingSpectrum2d(), new BdmMeasure());
  }

  /**
   * Analyzes chosen steps instead of the paper's four.
   *
   * @param steps steps that have snapshots; empty for {@code auto}
   * @return this
   */
  public RunAnalysis checkpoints(List<Integer> steps) {
    this.chosen = List.copyOf(steps);
    return this;
  }

  /**
   * Registers a measure; one named after a {@link occam.transformer.records.analysis.Table1Column} fills
   * that column.
   *
   * @param measure the measure
   * @return this
   * @throws IllegalArgumentException if a measure of that name is registered already
   */
  public RunAnalysis measure(SnapshotMeasure measure) {
    if (measures.stream().anyMatch(m -> m.name().equals(measure.name()))) {
      throw new IllegalArgumentException("a measure named " + measure.name() + " is registered already");
    }
    measures.add(measure);
    return this;
  }

  /**
   * Replaces the registered measures.
   *
   * @param chosen the measures, in report order
   * @return this
   * @throws IllegalArgumentException if two have the same name
   */
  public RunAnalysis measures(List<SnapshotMeasure> chosen) {
    measures.clear();
    chosen.forEach(this::measure);
    return this;
  }

  /**
   * Checks the run folder and picks the checkpoints, reading the snapshot names and the metrics log only.
   *
   * @return the checkpoints
   * @throws UsageException if the folder is missing or not a run, has no snapshots (saying how to get
   *     them), or a chosen step has no snapshot
   * @throws IOException if the folder cannot be read
   */
  public List<AnalysisCheckpoint> preflight() throws IOException {
    RunFolder folder = new RunFolder(run);
    if (!Files.isDirectory(run)) {
      throw new UsageException("run folder " + Messages.value(run) + " does not exist");
    }
    SortedSet<Integer> steps = Snapshots.steps(run);
    if (steps.isEmpty()) {
      if (!Files.exists(folder.metricsFile()) && !Files.exists(folder.checkpointFile())) {
        throw new UsageException(Messages.value(run) + " is not a run folder (no " + RunFolder.METRICS_FILE
            + ", no checkpoint, no snapshots)");
      }
      throw new UsageException("run folder " + Messages.value(run) + " has no weight snapshots: train with"
          + " occam train --snapshots log (a run continued with --resume --snapshots log keeps them from then on)");
    }
    try {
      if (!chosen.isEmpty()) {
        return AnalysisCheckpoints.chosen(chosen, steps);
      }
      return AnalysisCheckpoints.auto(folder.log(), config().threshold(), steps);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The run's configuration, from its first snapshot. */
  private TrainingConfig config() throws IOException {
    try {
      return Snapshots.read(run, Snapshots.steps(run).first()).config();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Measures every snapshot.
   *
   * @return the analysis
   * @throws UsageException as {@link #preflight()}, or if a snapshot is unreadable
   * @throws IOException if the folder cannot be read
   */
  public RunAnalysisResult run() throws IOException {
    return run(done -> {});
  }

  /**
   * Measures every snapshot, reporting progress.
   *
   * @param progress called with the number of snapshots measured so far
   * @return the analysis
   * @throws UsageException as {@link #preflight()}, or if a snapshot is unreadable
   * @throws IOException if the folder cannot be read
   */
  public RunAnalysisResult run(IntConsumer progress) throws IOException {
    List<AnalysisCheckpoint> checkpoints = preflight();
    List<Integer> rows = checkpoints.stream().filter(c -> c.step().isPresent()).map(c -> c.step().getAsInt()).toList();
    List<SnapshotAnalysis> analyses = new ArrayList<>();
    TrainingConfig config = null;
    for (int step : Snapshots.steps(run)) {
      Snapshot s;
      try {
        s = Snapshots.read(run, step);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      config = config == null ? s.config() : config;
      Map<String, Measured> results = new LinkedHashMap<>();
      for (SnapshotMeasure m : measures) {
        if (m.everySnapshot() || rows.contains(step)) {
          results.put(m.name(), m.measure(s));
        }
      }
      analyses.add(new SnapshotAnalysis(step, results));
      progress.accept(analyses.size());
    }
    Map<String, String> described = new LinkedHashMap<>();
    measures.forEach(m -> described.put(m.name(), m.description() + (m.everySnapshot() ? "" : CHECKPOINTS_ONLY)));
    return new RunAnalysisResult(run.toString(), config, checkpoints, analyses, described);
  }
}
