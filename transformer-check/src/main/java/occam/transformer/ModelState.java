package occam.transformer;

import java.util.List;
import occam.modular.ModularTask;
import occam.transformer.records.EdgeAlignment;
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
 * @param edge the spectral edge at this step ({@link SpectralEdge}; {@link EdgeAlignment#NONE} when off)
 */
public record ModelState(
    TrainingConfig config,
    int step,
    boolean isFinal,
    Scores train,
    Scores test,
    List<NamedTensor> parameters,
    float[] logitTable,
    double elapsedSeconds,
    EdgeAlignment edge) {

  /** Copies the list. */
  public ModelState {
    parameters = List.copyOf(parameters);
  }

  /**
   * A state without the spectral edge.
   *
   * @param config the run
   * @param step updates applied
   * @param isFinal whether this is the final step
   * @param train training scores
   * @param test held-out scores
   * @param parameters the parameters
   * @param logitTable the logit table
   * @param elapsedSeconds training seconds so far
   */
  public ModelState(TrainingConfig config, int step, boolean isFinal, Scores train, Scores test,
      List<NamedTensor> parameters, float[] logitTable, double elapsedSeconds) {
    this(config, step, isFinal, train, test, parameters, logitTable, elapsedSeconds, EdgeAlignment.NONE);
  }

  /**
   * The logit table of {@link #logitTable()}: each set's rows placed at its cells.
   *
   * @param task the task (N domain cells, p classes)
   * @param trainCells the training cells
   * @param trainLogits their logits, row-major (at least cells × p values; later rows are ignored)
   * @param testCells the held-out cells
   * @param testLogits their logits, or null when not measured (rows stay 0)
   * @return N×p row-major
   */
  public static float[] logitTable(ModularTask task, int[] trainCells, float[] trainLogits, int[] testCells,
      float[] testLogits) {
    int p = task.p();
    float[] table = new float[task.domainSize() * p];
    place(table, trainCells, trainLogits, p);
    if (testLogits != null) {
      place(table, testCells, testLogits, p);
    }
    return table;
  }

  private static void place(float[] table, int[] cells, float[] logits, int p) {
    for (int i = 0; i < cells.length; i++) {
      System.arraycopy(logits, i * p, table, cells[i] * p, p);
    }
  }
}
