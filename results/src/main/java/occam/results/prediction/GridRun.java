package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.modular.ModularTask;
import occam.modular.Phase;
import occam.results.compare.TrainingRecord;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingSummary;

/**
 * One finished run of the validation grid: what {@link TrainingRecord} reads, plus the learning rate,
 * the architecture and V_mem = ‖θ‖² at t_mem (the first-passage predictor's input).
 *
 * @param record the run as the comparison reads it
 * @param lr AdamW's peak learning rate
 * @param model the architecture
 * @param vMem ‖θ‖² at t_mem ({@link #normSquaredAt}; NaN without t_mem)
 */
public record GridRun(TrainingRecord record, double lr, Architecture model, double vMem) {

  /**
   * Validates the run.
   *
   * @throws IllegalArgumentException if the record or model is missing or lr is not positive
   */
  public GridRun {
    if (record == null || model == null) {
      throw new IllegalArgumentException("a grid run needs its record and model");
    }
    if (!(lr > 0)) {
      throw new IllegalArgumentException("lr = " + lr + " is not allowed: it must be positive");
    }
  }

  /**
   * Reads a finished run folder.
   *
   * @param dir the folder ({@link TrainingRecord#read})
   * @return the run
   * @throws IllegalArgumentException if it is not a readable run
   * @throws occam.io.UsageException if it is not finished
   * @throws IOException if a file cannot be read
   */
  public static GridRun read(Path dir) throws IOException {
    TrainingRecord r = TrainingRecord.read(dir);
    TrainingSummary s = new RunFolder(dir).summary();
    double v = r.memorizationStep().isPresent() ? normSquaredAt(r.log(), r.memorizationStep().getAsInt()) : Double.NaN;
    return new GridRun(r, s.config().optimizer().lr(), Architecture.of(s.config().model()), v);
  }

  /**
   * ‖θ‖² at a step from a metrics log: the logged value at that step (runs log a line at t_mem), else
   * linear interpolation of ‖θ‖² between the logged steps around it (older logs, every 10 steps).
   *
   * @param log metrics lines, steps ascending
   * @param step the step
   * @return ‖θ‖², NaN when the step is outside the log
   */
  public static double normSquaredAt(List<StepMetrics> log, int step) {
    StepMetrics before = null;
    for (StepMetrics m : log) {
      if (!Double.isFinite(m.weightNorm())) {
        continue;
      }
      if (m.step() == step) {
        return m.weightNorm() * m.weightNorm();
      }
      if (m.step() < step) {
        before = m;
      } else {
        if (before == null) {
          return Double.NaN;
        }
        double w = (double) (step - before.step()) / (m.step() - before.step());
        double v0 = before.weightNorm() * before.weightNorm();
        return v0 + w * (m.weightNorm() * m.weightNorm() - v0);
      }
    }
    return Double.NaN;
  }

  /** @return the folder's name */
  public String name() {
    return record.name();
  }

  /** @return the task */
  public ModularTask task() {
    return record.task();
  }

  /** @return the weight decay */
  public double wd() {
    return record.weightDecay();
  }

  /** @return α */
  public double frac() {
    return record.frac();
  }

  /** @return the seed */
  public long seed() {
    return record.seed();
  }

  /** @return the step budget */
  public int steps() {
    return record.steps();
  }

  /** @return t_mem, if reached */
  public OptionalInt tMem() {
    return record.memorizationStep();
  }

  /** @return t_grok, if reached */
  public OptionalInt tGrok() {
    return record.grokkingStep();
  }

  /** @return whether the run grokked (reached test accuracy ≥ threshold) within its budget */
  public boolean grokked() {
    return record.grokkingStep().isPresent();
  }

  /** @return t_grok as a number, NaN when not reached */
  public double measured() {
    return grokked() ? record.grokkingStep().getAsInt() : Double.NaN;
  }

  /** @return SPEC §3's phase */
  public Phase phase() {
    for (Phase p : Phase.values()) {
      if (p.label().equals(record.phase())) {
        return p;
      }
    }
    throw new IllegalStateException("unknown phase " + record.phase() + " of run " + name());
  }

  /** @return the last metrics line (null when the log is empty) */
  public StepMetrics last() {
    List<StepMetrics> log = record.log();
    return log.isEmpty() ? null : log.get(log.size() - 1);
  }

  /** @return the settings (and t_mem, V_mem) as a predictor's query */
  public Query query() {
    return new Query(task(), wd(), frac(), lr, seed(), record.trainSize(), model, tMem(), vMem);
  }

  /** @return the condition this run is a seed of: the run's name without its seed */
  public String condition() {
    return "p" + task().p() + "-" + task().op().cliName() + "-wd" + plain(wd()) + "-lr" + plain(lr) + "-frac"
        + plain(frac());
  }

  /** @return the run's settings and seed as one key (two folders with the same key hold the same run) */
  public String key() {
    return condition() + "-seed" + seed();
  }

  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
