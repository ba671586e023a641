package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.io.Messages;
import occam.io.UsageException;
import occam.modular.Milestones;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingSummary;

/**
 * What an in-run predictor reads from a run folder, finished or still training: t_mem and V_mem = ‖θ‖²
 * at t_mem.
 *
 * <p>t_mem is the summary's when the folder has one; otherwise the first logged step with train
 * accuracy ≥ the threshold ({@link Milestones#DEFAULT_ACC_THRESHOLD} without a summary), which is exact
 * because {@code occam train} logs a line at t_mem. V_mem is {@link GridRun#normSquaredAt}.
 *
 * @param tMem t_mem
 * @param vMem V_mem
 */
public record Memorization(int tMem, double vMem) {

  /**
   * Reads a run folder.
   *
   * @param dir the folder
   * @return its t_mem and V_mem
   * @throws UsageException if the folder is missing, has not memorized yet, or logs no weight norm
   *     around t_mem
   * @throws IOException if a file cannot be read
   */
  public static Memorization read(Path dir) throws IOException {
    RunFolder folder = new RunFolder(dir);
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--run " + Messages.value(dir) + " is not a run folder: it does not exist");
    }
    List<StepMetrics> log = folder.log();
    OptionalInt t = OptionalInt.empty();
    double threshold = Milestones.DEFAULT_ACC_THRESHOLD;
    if (Files.isRegularFile(folder.summaryFile())) {
      TrainingSummary s;
      try {
        s = folder.summary();
      } catch (IllegalArgumentException e) {
        throw new UsageException("--run " + Messages.value(dir) + ": " + e.getMessage());
      }
      t = s.memorizationStep();
      threshold = s.config().threshold();
    }
    if (t.isEmpty()) {
      for (StepMetrics m : log) {
        if (m.trainAcc() >= threshold) {
          t = OptionalInt.of(m.step());
          break;
        }
      }
    }
    if (t.isEmpty()) {
      throw new UsageException("--run " + Messages.value(dir) + " has no t_mem yet: train accuracy is below "
          + threshold + " in all " + log.size() + " logged steps");
    }
    double v = GridRun.normSquaredAt(log, t.getAsInt());
    if (!(v > 0)) {
      throw new UsageException("--run " + Messages.value(dir) + " logs no weight norm at t_mem = " + t.getAsInt());
    }
    return new Memorization(t.getAsInt(), v);
  }
}
