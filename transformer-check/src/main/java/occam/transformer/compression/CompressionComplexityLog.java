package occam.transformer.compression;

import java.util.List;
import java.util.Locale;
import occam.transformer.NamedTensor;
import occam.transformer.WeightComplexity;
import occam.transformer.records.TrainingConfig;

/**
 * {@code occam train --compression δ}: the compression complexity of the weights ({@link
 * TransformerCompression}, bits of the most compressed description within δ) logged as {@code
 * complexity} at every log step. Its cost budget is the bounded grid {@link CompressionGrid#TRAINING}:
 * 18 forward passes over the training set and 18 bzip2 runs per log step, whatever the weights.
 */
public final class CompressionComplexityLog implements WeightComplexity {
  private final TrainingConfig config;
  private final double delta;
  private final CompressionGrid grid;

  /**
   * The estimate for a run.
   *
   * @param config the run being trained (its training set is the loss)
   * @param delta δ &gt; 0, nats
   * @param grid the coarse-grainings searched at each log step
   * @throws IllegalArgumentException if δ is not a positive finite number
   */
  public CompressionComplexityLog(TrainingConfig config, double delta, CompressionGrid grid) {
    this.config = config;
    this.delta = TransformerCompression.requireDelta(delta);
    this.grid = grid;
  }

  /** @return bits of the most compressed description within δ, NaN if none of the grid is within δ */
  @Override
  public double bits(List<NamedTensor> weights) {
    try (TransformerCompression c = TransformerCompression.of(config)) {
      return c.measure(weights, delta, grid).bits();
    }
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT,
        "compression complexity (seed 002, Algorithm 1): bzip2 bits of the most compressed coarse-graining "
            + "with training loss within delta = %s nats of the model's; grid %s", delta, grid.describe());
  }
}
