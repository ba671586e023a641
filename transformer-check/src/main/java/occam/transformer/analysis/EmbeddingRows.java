package occam.transformer.analysis;

import occam.modular.ModularTask;
import occam.transformer.NamedTensor;

/**
 * The rows of the token embedding W_E (V×d) that the group indexes, in group order: x_a = W_E[u(a)],
 * a = 0..m−1, with u(a) = a for add and sub (token order) and u(a) = g^a mod p for mul and div
 * (discrete-log order, g the task's primitive root; the rows of 0 and '=' are left out), as {@link
 * occam.transformer.EmbeddingSpectrum} takes them. In this order a Fourier-feature embedding is a
 * function of a with period m, and a ring is traced in the order of a.
 */
public final class EmbeddingRows {
  /** Canonical name of the token embedding. */
  public static final String W_E = "embed.W_E";

  private EmbeddingRows() {}

  /**
   * The ordered rows.
   *
   * @param embedding W_E, shape V×d with V ≥ p
   * @param task the task whose group orders the rows
   * @return m rows of d values
   * @throws IllegalArgumentException if the tensor is not a matrix of at least p rows
   */
  public static double[][] of(NamedTensor embedding, ModularTask task) {
    if (!embedding.isMatrix() || embedding.shape()[0] < task.p()) {
      throw new IllegalArgumentException("embedding " + embedding.name() + " is not a matrix of >= " + task.p() + " rows");
    }
    int d = embedding.shape()[1];
    int m = task.groupOrder();
    double[][] rows = new double[m][d];
    float[] w = embedding.data();
    for (int a = 0; a < m; a++) {
      int u = task.element(a);
      for (int j = 0; j < d; j++) {
        rows[a][j] = w[u * d + j];
      }
    }
    return rows;
  }

  /**
   * The rows minus their mean row.
   *
   * @param rows m rows of d values (not modified)
   * @return the centred copy
   */
  public static double[][] centred(double[][] rows) {
    int m = rows.length;
    int d = m == 0 ? 0 : rows[0].length;
    double[] mean = new double[d];
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j] / m;
      }
    }
    double[][] out = new double[m][d];
    for (int a = 0; a < m; a++) {
      for (int j = 0; j < d; j++) {
        out[a][j] = rows[a][j] - mean[j];
      }
    }
    return out;
  }
}
