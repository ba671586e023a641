package occam.transformer.llc;

import java.nio.file.Path;
import java.util.List;
import occam.transformer.Checkpoint;
import occam.transformer.records.RunFolder;
import occam.transformer.records.TrainingConfig;

/** The weights of a run's resume checkpoint ({@code checkpoint/state.ckpt}): one step, the last saved. */
public final class CheckpointWeights implements WeightsSource {
  private final Checkpoint checkpoint;

  private CheckpointWeights(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /**
   * Reads a run folder's checkpoint.
   *
   * @param runDir an {@code occam train} run folder
   * @return its checkpoint's weights
   * @throws IllegalArgumentException if the folder has no readable checkpoint
   */
  public static CheckpointWeights of(Path runDir) {
    Path file = runDir.resolve(RunFolder.CHECKPOINT_DIR).resolve(RunFolder.CHECKPOINT_FILE);
    return new CheckpointWeights(Checkpoint.read(file));
  }

  @Override
  public TrainingConfig config() {
    return checkpoint.config();
  }

  @Override
  public List<Integer> steps() {
    return List.of(checkpoint.step());
  }

  @Override
  public Weights at(int step) {
    if (step != checkpoint.step()) {
      throw new IllegalArgumentException("the checkpoint holds step " + checkpoint.step() + ", not " + step
          + " (other steps need snapshots)");
    }
    return new Weights(step, checkpoint.parameters());
  }
}
