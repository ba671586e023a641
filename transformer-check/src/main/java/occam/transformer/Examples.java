package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import occam.transformer.records.ModelConfig;

/**
 * Token ids, labels and one-hot labels of a set of domain cells, on the device.
 *
 * @param cells domain cell indices
 * @param tokens T token ids per cell, row-major
 * @param labels the label of each cell
 * @param tokenArray the tokens as a (cells × T) array
 * @param labelArray the labels as an int64 vector
 * @param oneHot the labels one-hot over p classes, in {@link CrossEntropy#TYPE}
 */
public record Examples(int[] cells, int[] tokens, int[] labels, NDArray tokenArray, NDArray labelArray, NDArray oneHot) {

  /** @return the examples of the given cells */
  public static Examples of(NDManager manager, ModularSequences data, int[] cells) {
    int[] tokens = data.tokens(cells);
    int[] labels = data.labels(cells);
    return new Examples(cells, tokens, labels, tokenArray(manager, tokens), labelArray(manager, labels),
        labelArray(manager, labels).oneHot(data.task().p(), CrossEntropy.TYPE));
  }

  /** @return token ids as a (n × T) array */
  static NDArray tokenArray(NDManager manager, int[] tokens) {
    return manager.create(tokens, new Shape(tokens.length / ModelConfig.TASK_CONTEXT, ModelConfig.TASK_CONTEXT));
  }

  /** @return labels as an int64 vector */
  static NDArray labelArray(NDManager manager, int[] labels) {
    long[] wide = new long[labels.length];
    for (int i = 0; i < labels.length; i++) {
      wide[i] = labels[i];
    }
    return manager.create(wide);
  }

  /** @return the number of cells */
  public int size() {
    return cells.length;
  }

  /**
   * The rows of a batch as (tokens, one-hot labels).
   *
   * @param manager where the arrays go
   * @param rows row indices into these examples
   * @param p number of classes
   * @return a (tokens, one-hot) pair of new arrays
   */
  public NDArray[] batch(NDManager manager, int[] rows, int p) {
    int t = ModelConfig.TASK_CONTEXT;
    int[] batchTokens = new int[rows.length * t];
    int[] batchLabels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(tokens, rows[i] * t, batchTokens, i * t, t);
      batchLabels[i] = labels[rows[i]];
    }
    return new NDArray[] {tokenArray(manager, batchTokens), labelArray(manager, batchLabels).oneHot(p, CrossEntropy.TYPE)};
  }

  /**
   * Loss and accuracy of logits over these examples.
   *
   * @param logits (cells × p) last-position logits
   * @return the scores
   */
  Scores score(NDArray logits) {
    double loss = CrossEntropy.value(logits, oneHot).getDouble();
    long correct = logits.argMax(1).eq(labelArray).sum().toType(DataType.INT64, false).getLong();
    return new Scores(loss, (double) correct / size());
  }
}
