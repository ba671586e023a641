package occam.transformer;

import java.util.List;
import occam.transformer.records.TrainingConfig;

/**
 * A snapshot of the model θ_step that a {@link Measurement} reads: plain Java copies, no engine
 * arrays, so a measurement may keep it. Legend as in {@link occam.transformer} (N domain cells, p classes).
 *
 * @param config the run
 * @param step updates applied
 * @param isFinal whether this is the run's final step (the last, or the one that diverged)
 * @param train scores on the training set
 * @param test the latest scores on the held-out set (measured at this step when it is non-empty)
 * @param parameters every parameter under its canonical name, in {@link DecoderTransformer#namedParameters()} order
 * @param logitTable the last-position logits of every domain cell in domain order, N×p row-major
 *     (rows of unmeasured cells are 0)
 * @param elapsedSeconds wall-clock training seconds up to here, summed over resumed sessions
 */
public record ModelState(
    TrainingConfig config,
    int step,
    boolean isFinal,
    Scores train,
    Scores test,
    List<NamedTensor> parameters,
    float[] logitTable,
    double elapsedSeconds) {

  /** Copies the list. */
  public ModelState {
    parameters = List.copyOf(parameters);
  }
}
