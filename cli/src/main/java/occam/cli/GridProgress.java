package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.io.Numbers;
import occam.results.plot.TrainingCurves;
import occam.transformer.ensemble.EnsembleProgress;
import occam.transformer.ensemble.GridListener;
import occam.transformer.ensemble.GridPlan;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * What {@code occam train} with list options and {@code occam experiment} show of a {@link GridTraining}
 * on stderr: a "done already" line per finished folder left out, one progress display for the whole grid
 * (model·steps done, members done, model·steps/s, ETA; on Spark it moves as ensembles come back), one line
 * per finished member, the interrupt message; optionally each member's {@code curves.png}, drawn before its
 * manifest.
 */
final class GridProgress implements GridListener, AutoCloseable {
  private final PrintWriter err;
  private final Path parent;
  private final boolean show;
  private final boolean curves;
  private final String resumeHint;
  private final Map<TrainingConfig, List<StepMetrics>> logs = new HashMap<>();
  private final long t0 = System.nanoTime();
  private Map<TrainingConfig, Integer> positions = Map.of();
  private int runs;
  private Progress progress;
  private long total;
  private long startSteps;
  private int members;
  private int membersDone;
  private long before;
  private long current;

  /**
   * A grid's display.
   *
   * @param err stderr
   * @param parent where the run folders go
   * @param show whether to show the progress display (the lines stay)
   * @param curves whether to draw each member's {@code curves.png} (only for members trained in this JVM)
   * @param resumeHint how to continue after a SIGINT, for the interrupt message
   */
  GridProgress(PrintWriter err, Path parent, boolean show, boolean curves, String resumeHint) {
    this.err = err;
    this.parent = parent;
    this.show = show;
    this.curves = curves;
    this.resumeHint = resumeHint;
  }

  @Override
  public void onSkipped(TrainingConfig run, int position, int runs, Path folder) {
    err.printf(Locale.ROOT, "[%d/%d] %s: done already%n", position, runs, folder);
    err.flush();
  }

  @Override
  public synchronized void onStart(GridPlan plan) {
    positions = plan.positions();
    runs = plan.runs().size();
    members = plan.members();
    total = plan.steps();
    startSteps = plan.startSteps();
    before = startSteps;
    if (show && members > 0) {
      progress = new Progress("train " + members + " runs as ensembles", total, err, " steps", startSteps);
    }
  }

  @Override
  public synchronized void onStep(EnsembleProgress p) {
    current = p.modelSteps();
    show();
  }

  @Override
  public synchronized void onEnsembleEnd(List<TrainingSummary> summaries) {
    before += GridListener.stepsTrained(summaries);
    current = 0;
    show();
  }

  private void show() {
    if (progress != null) {
      long steps = before + current;
      double seconds = (System.nanoTime() - t0) / 1e9;
      double rate = seconds > 0 ? (steps - startSteps) / seconds : Double.NaN;
      String eta = rate > 0 ? Math.round((total - steps) / rate) + " s" : "-";
      progress.stepTo(steps, String.format(Locale.ROOT, "members %d/%d done, %.1f model-steps/s, ETA %s",
          membersDone, members, rate, eta));
    }
  }

  @Override
  public synchronized void onLog(TrainingConfig member, StepMetrics metrics) {
    if (curves) {
      logs.computeIfAbsent(member, c -> new ArrayList<>()).add(metrics);
    }
  }

  @Override
  public synchronized void onMemberEnd(TrainingSummary s) {
    TrainingConfig c = s.config();
    membersDone++;
    Path dir = RunFolder.in(parent, c).dir();
    List<StepMetrics> log = logs.remove(c);
    if (curves && log != null && log.stream().anyMatch(m -> m.step() > 0)) {
      try {
        TrainingCurves.writePng(log, TrainCommand.title(c), dir.resolve(TrainCommand.FIGURE_FILE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    err.printf(Locale.ROOT, "[%d/%d] %s: %s, t_mem %s, t_grok %s, %.1f steps/s%n", positions.get(c), runs, dir,
        s.phase().label(), Numbers.step(s.memorizationStep(), "-"), Numbers.step(s.grokkingStep(), "-"),
        s.stepsPerSecond());
    err.flush();
  }

  @Override
  public void onInterrupt(Map<Path, Integer> checkpoints) {
    close();
    err.println("interrupted: " + checkpoints.size() + " member" + (checkpoints.size() == 1 ? "" : "s")
        + " saved a checkpoint at step " + range(checkpoints.values()) + " (" + parent + "/*/" + RunFolder.CHECKPOINT_DIR
        + "/" + RunFolder.CHECKPOINT_FILE + "); " + resumeHint);
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (progress != null) {
      progress.close();
      progress = null;
    }
  }

  /** "N" or "LO-HI" of some steps, for the interrupt message. */
  private static String range(Collection<Integer> values) {
    int lo = values.stream().mapToInt(Integer::intValue).min().orElse(0);
    int hi = values.stream().mapToInt(Integer::intValue).max().orElse(0);
    return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
  }
}
