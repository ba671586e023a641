package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import occam.io.Numbers;
import occam.io.UsageException;
import occam.results.plot.TrainingCurves;
import occam.transformer.Checkpoint;
import occam.transformer.WeightComplexity;
import occam.transformer.ensemble.EnsembleListener;
import occam.transformer.ensemble.EnsemblePlan;
import occam.transformer.ensemble.EnsembleProgress;
import occam.transformer.ensemble.EnsembleRun;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * Trains a grid of runs as ensembles ({@link EnsemblePlan}, {@link EnsembleRun}) into one folder per run
 * ({@link RunFolder#in}), for {@code occam train} with list options and {@code occam experiment}: every
 * ensemble is checked (memory, folders) before the first is trained, one progress display covers the
 * whole grid (members done, model·steps/s, ETA), and one line per finished member goes to stderr.
 * With resume on, a folder that holds a finished run of the wanted steps is not retrained.
 */
final class GridTraining {
  private final List<TrainingConfig> runs;
  private final Path parent;
  private Integer maxMembers;
  private boolean resume;
  private boolean restartUnfinished;
  private boolean curves;
  private String preset;
  private String command = "occam";
  private String resumeHint = "run the same command with --resume";
  private WeightComplexity complexity = WeightComplexity.NONE;
  private boolean showProgress = true;

  GridTraining(List<TrainingConfig> runs, Path parent) {
    this.runs = List.copyOf(runs);
    this.parent = parent;
  }

  /** Ensemble size K (null: {@link EnsemblePlan#defaultSize}). */
  GridTraining ensemble(Integer value) {
    this.maxMembers = value;
    return this;
  }

  /** Resume each folder from its checkpoint; skip finished ones; optionally restart unfinished ones. */
  GridTraining resume(boolean value, boolean restartUnfinishedFolders) {
    this.resume = value;
    this.restartUnfinished = restartUnfinishedFolders;
    return this;
  }

  /** Draw each member's {@code curves.png} (before its manifest). */
  GridTraining curves(boolean value) {
    this.curves = value;
    return this;
  }

  GridTraining preset(String value) {
    this.preset = value;
    return this;
  }

  /** The command line (locks, manifests) and how to continue after a SIGINT. */
  GridTraining command(String value, String hint) {
    this.command = value;
    this.resumeHint = hint;
    return this;
  }

  GridTraining complexity(WeightComplexity value) {
    this.complexity = value;
    return this;
  }

  GridTraining progress(boolean value) {
    this.showProgress = value;
    return this;
  }

  /** The runs with their folders, ensembles planned and checked before any training. */
  private record Prepared(List<EnsembleRun> ensembles, Map<TrainingConfig, Integer> index, long startSteps) {}

  /**
   * Checks everything a grid needs, writing nothing.
   *
   * @param err where the "done already" lines go
   * @return the ensembles to train
   * @throws UsageException for a bad ensemble size, a grid that does not fit memory, or a folder refused
   */
  private Prepared prepare(PrintWriter err) {
    Map<TrainingConfig, Integer> index = new HashMap<>();
    List<TrainingConfig> todo = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      TrainingConfig c = runs.get(i);
      index.put(c, i + 1);
      RunFolder folder = RunFolder.in(parent, c);
      if (resume && folder.isComplete(c.steps())) {
        err.printf(Locale.ROOT, "[%d/%d] %s: done already%n", i + 1, runs.size(), folder.dir());
      } else {
        todo.add(c);
      }
    }
    err.flush();
    if (todo.isEmpty()) {
      return new Prepared(List.of(), index, 0);
    }
    EnsemblePlan plan = Commands.userInput(() -> {
      int k = maxMembers != null ? maxMembers : EnsemblePlan.defaultSize(todo.get(0), EnsemblePlan.freeMemory());
      EnsemblePlan p = EnsemblePlan.of(todo, k);
      p.requireFits(EnsemblePlan.freeMemory());
      return p;
    });
    List<EnsembleRun> ensembles = new ArrayList<>();
    long startSteps = 0;
    for (List<TrainingConfig> group : plan.ensembles()) {
      EnsembleRun run = EnsembleRun.of(group).output(parent).resume(resume).restartUnfinished(restartUnfinished)
          .preset(preset).command(command).complexity(complexity);
      for (Checkpoint start : run.preflight()) {
        startSteps += start == null ? 0 : start.step();
      }
      ensembles.add(run);
    }
    return new Prepared(ensembles, index, startSteps);
  }

  /**
   * Trains the grid.
   *
   * @param err stderr: progress, a line per finished member, the interrupt message
   * @return the summaries of the runs trained now, in grid order (finished folders skipped are absent)
   * @throws IOException if a file cannot be written
   * @throws UsageException as {@link #prepare}, before anything is trained
   */
  List<TrainingSummary> run(PrintWriter err) throws IOException {
    Prepared prepared = prepare(err);
    long total = runs.stream().filter(c -> prepared.ensembles().stream().anyMatch(e -> e.members().contains(c)))
        .mapToLong(TrainingConfig::steps).sum();
    int members = prepared.ensembles().stream().mapToInt(e -> e.members().size()).sum();
    Map<TrainingConfig, TrainingSummary> done = new LinkedHashMap<>();
    try (Display display = new Display(err, total, prepared.startSteps(), members, prepared.index())) {
      for (EnsembleRun e : prepared.ensembles()) {
        e.listener(display).run();
        display.ensembleDone();
      }
      done.putAll(display.summaries);
    }
    return runs.stream().map(done::get).filter(Objects::nonNull).toList();
  }

  /** The grid's progress display and per-member lines. */
  private final class Display implements EnsembleListener, AutoCloseable {
    private final PrintWriter err;
    private final Progress progress;
    private final int members;
    private final Map<TrainingConfig, Integer> index;
    private final Map<TrainingConfig, List<StepMetrics>> logs = new HashMap<>();
    private final Map<TrainingConfig, TrainingSummary> summaries = new HashMap<>();
    private final long t0 = System.nanoTime();
    private final long total;
    private final long startSteps;
    private long before;
    private long current;

    Display(PrintWriter err, long total, long startSteps, int members, Map<TrainingConfig, Integer> index) {
      this.err = err;
      this.members = members;
      this.index = index;
      this.before = startSteps;
      this.total = total;
      this.startSteps = startSteps;
      this.progress = showProgress && members > 0
          ? new Progress("train " + members + " runs as ensembles", total, err, " steps", startSteps) : null;
    }

    @Override
    public void onStep(EnsembleProgress p) {
      current = p.modelSteps();
      if (progress != null) {
        long steps = before + current;
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = seconds > 0 ? (steps - startSteps) / seconds : Double.NaN;
        String eta = rate > 0 ? Math.round((total - steps) / rate) + " s" : "-";
        progress.stepTo(steps, String.format(Locale.ROOT, "members %d/%d done, %.1f model-steps/s, ETA %s",
            summaries.size(), members, rate, eta));
      }
    }

    void ensembleDone() {
      before += current;
      current = 0;
    }

    @Override
    public void onLog(TrainingConfig member, StepMetrics metrics) {
      if (curves) {
        logs.computeIfAbsent(member, c -> new ArrayList<>()).add(metrics);
      }
    }

    @Override
    public void onMemberEnd(TrainingSummary s) {
      TrainingConfig c = s.config();
      summaries.put(c, s);
      Path dir = RunFolder.in(parent, c).dir();
      List<StepMetrics> log = logs.remove(c);
      if (curves && log != null && log.stream().anyMatch(m -> m.step() > 0)) {
        try {
          TrainingCurves.writePng(log, TrainCommand.title(c), dir.resolve(TrainCommand.FIGURE_FILE));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      err.printf(Locale.ROOT, "[%d/%d] %s: %s, t_mem %s, t_grok %s, %.1f steps/s%n", index.get(c), runs.size(), dir,
          s.phase().label(), Numbers.step(s.memorizationStep(), "-"), Numbers.step(s.grokkingStep(), "-"),
          s.stepsPerSecond());
      err.flush();
    }

    @Override
    public void onInterrupt(Map<Path, Integer> checkpoints) {
      close();
      IntSummary steps = IntSummary.of(checkpoints.values());
      err.println("interrupted: " + checkpoints.size() + " member" + (checkpoints.size() == 1 ? "" : "s")
          + " saved a checkpoint at step " + steps + " (" + parent + "/*/" + RunFolder.CHECKPOINT_DIR + "/"
          + RunFolder.CHECKPOINT_FILE + "); " + resumeHint);
      err.flush();
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
      }
    }
  }

  /** "N" or "LO–HI" of some steps, for the interrupt message. */
  private record IntSummary(int lo, int hi) {
    static IntSummary of(java.util.Collection<Integer> values) {
      int lo = values.stream().mapToInt(Integer::intValue).min().orElse(0);
      int hi = values.stream().mapToInt(Integer::intValue).max().orElse(0);
      return new IntSummary(lo, hi);
    }

    @Override
    public String toString() {
      return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }
  }
}
