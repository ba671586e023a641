package occam.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.transformer.records.TrainingConfig;

/**
 * The weights θ_step of a run at one step, kept for analyses after the fact ({@code occam analyze}):
 * every parameter as float32 under its canonical name, and the run's configuration. Stored in the
 * {@link Checkpoint} file format without AdamW's moments (a third of a checkpoint's size, the same
 * CRC-checked reader), so a snapshot names the run that wrote it and is readable without DJL.
 *
 * @param config the run that wrote it
 * @param step updates behind the weights
 * @param parameters the weights, in {@link DecoderTransformer#namedParameters()} order
 */
public record Snapshot(TrainingConfig config, int step, List<NamedTensor> parameters) {

  /**
   * Validates the snapshot and copies the list.
   *
   * @throws IllegalArgumentException if the config is null or the step negative
   */
  public Snapshot {
    if (config == null) {
      throw new IllegalArgumentException("a snapshot needs the run's configuration");
    }
    if (step < 0) {
      throw new IllegalArgumentException("snapshot step = " + step + " is not allowed: it must be >= 0");
    }
    parameters = List.copyOf(parameters);
  }

  /**
   * The snapshot of a measured state.
   *
   * @param state the model at one step
   * @return its weights
   */
  public static Snapshot of(ModelState state) {
    return new Snapshot(state.config(), state.step(), state.parameters());
  }

  /**
   * One parameter by its canonical name.
   *
   * @param name e.g. {@code embed.W_E}
   * @return the tensor
   * @throws IllegalArgumentException if the snapshot has no such parameter
   */
  public NamedTensor parameter(String name) {
    return parameters.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("snapshot of step " + step + " has no parameter " + name));
  }

  /**
   * Writes the snapshot atomically in the checkpoint format (empty moment lists).
   *
   * @param file target file
   * @throws IOException if it cannot be written (a previous file is then unchanged)
   */
  public void write(Path file) throws IOException {
    new Checkpoint(config, step, step, OptionalInt.empty(), OptionalInt.empty(), Double.NaN, parameters, List.of(),
        List.of()).write(file);
  }

  /**
   * Reads a snapshot (or the weights of a checkpoint).
   *
   * @param file the file
   * @return the snapshot
   * @throws IllegalArgumentException if the file is missing, truncated, corrupted or of another format
   */
  public static Snapshot read(Path file) {
    Checkpoint c = Checkpoint.read(file);
    return new Snapshot(c.config(), c.step(), c.parameters());
  }
}
