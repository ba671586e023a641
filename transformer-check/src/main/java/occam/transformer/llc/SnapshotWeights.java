package occam.transformer.llc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.records.TrainingConfig;

/** The weights of a run's snapshots ({@code snapshots/step-*.snap}): an LLC curve over training. */
public final class SnapshotWeights implements WeightsSource {
  private final TrainingConfig config;
  private final List<Integer> steps;
  private final IntFunction<Snapshot> read;

  private SnapshotWeights(TrainingConfig config, List<Integer> steps, IntFunction<Snapshot> read) {
    this.config = config;
    this.steps = List.copyOf(steps);
    this.read = read;
  }

  /**
   * One snapshot already read.
   *
   * @param snapshot the weights at one step
   * @return a source holding that step only
   */
  public static SnapshotWeights of(Snapshot snapshot) {
    return new SnapshotWeights(snapshot.config(), List.of(snapshot.step()), s -> snapshot);
  }

  /**
   * A run folder's snapshots, read when asked for.
   *
   * @param runDir an {@code occam train} run folder
   * @return its snapshots
   * @throws IllegalArgumentException if the folder has no snapshots or the first is unreadable
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static SnapshotWeights of(Path runDir) {
    List<Integer> steps;
    try {
      steps = List.copyOf(Snapshots.steps(runDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException(runDir + " has no weight snapshots (train with --snapshots log)");
    }
    return new SnapshotWeights(Snapshots.read(runDir, steps.get(0)).config(), steps, s -> Snapshots.read(runDir, s));
  }

  @Override
  public TrainingConfig config() {
    return config;
  }

  @Override
  public List<Integer> steps() {
    return steps;
  }

  @Override
  public Weights at(int step) {
    if (!steps.contains(step)) {
      throw new IllegalArgumentException("no snapshot at step " + step + "; snapshots: " + steps);
    }
    return new Weights(step, read.apply(step).parameters());
  }
}
