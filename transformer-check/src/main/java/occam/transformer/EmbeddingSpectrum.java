package occam.transformer;

import occam.modular.ModularTask;

/**
 * Per-frequency power of the token embedding along the token axis (SPEC §6):
 *
 * <pre>
 *   P_k = Σ_{j=0}^{d−1} | Σ_{a=0}^{m−1} W_E[u(a), j] · e^{−2πi·k·a/m} |²,   k = 0..m−1
 * </pre>
 *
 * i.e. the unnormalized DFT of each embedding column over the group index a, squared and summed over
 * d_model. Only the rows of the residue tokens of the domain enter: for add and sub a(u) = u and
 * the axis is the token axis u = 0..p−1 itself; for mul and div the m = p − 1 rows of Z_p^* are taken
 * in discrete-log order u(a) = g^a (SPEC §2), so the Fourier modes are the group's characters, and
 * the rows of 0 and '=' are left out. A Fourier-feature embedding puts its power on a few k (and their
 * mirrors m − k), which the Gini and IPR of P report.
 */
public final class EmbeddingSpectrum {
  private EmbeddingSpectrum() {}

  /**
   * The power spectrum P of the class comment.
   *
   * @param embedding W_E, row-major V×d (row = token id)
   * @param dModel d
   * @param task the task whose group indexes the rows
   * @return P, length m
   * @throws IllegalArgumentException if the embedding has fewer than p rows of d values
   */
  public static double[] power(float[] embedding, int dModel, ModularTask task) {
    int m = task.groupOrder();
    if (dModel < 1 || embedding.length % dModel != 0 || embedding.length / dModel < task.p()) {
      throw new IllegalArgumentException(
          "embedding of " + embedding.length + " values is not a matrix of >= " + task.p()
              + " rows of d_model = " + dModel);
    }
    int[] row = new int[m];
    for (int a = 0; a < m; a++) {
      row[a] = task.element(a);
    }
    double[] cos = new double[m];
    double[] sin = new double[m];
    for (int t = 0; t < m; t++) {
      cos[t] = Math.cos(2 * Math.PI * t / m);
      sin[t] = Math.sin(2 * Math.PI * t / m);
    }
    double[] power = new double[m];
    for (int k = 0; k < m; k++) {
      for (int j = 0; j < dModel; j++) {
        double re = 0;
        double im = 0;
        for (int a = 0; a < m; a++) {
          int phase = (int) ((long) k * a % m);
          double w = embedding[row[a] * dModel + j];
          re += w * cos[phase];
          im -= w * sin[phase];
        }
        power[k] += re * re + im * im;
      }
    }
    return power;
  }
}
