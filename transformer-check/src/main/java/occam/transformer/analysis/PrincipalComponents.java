package occam.transformer.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * PCA of a point cloud (rows) by the SVD of the centred data X = U·Σ·Vᵀ (Commons Math): the
 * explained-variance shares σ_i²/Σσ² and the coordinates of each row on the principal axes, U·Σ.
 * Each axis's sign is the SVD's (arbitrary).
 *
 * @param explained variance shares of the components, descending, summing to 1 (empty for all-zero data)
 * @param scores row a's coordinate on component i at [a][i], for the first min(m, d) components
 */
public record PrincipalComponents(double[] explained, double[][] scores) {

  /**
   * The PCA of the rows.
   *
   * @param rows m rows of d values (centred here; not modified)
   * @return shares and scores
   * @throws IllegalArgumentException if there are fewer than two rows
   */
  public static PrincipalComponents of(double[][] rows) {
    if (rows.length < 2 || rows[0].length < 1) {
      throw new IllegalArgumentException("PCA needs at least two rows of at least one value, got " + rows.length);
    }
    double[][] x = EmbeddingRows.centred(rows);
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false));
    double[] sigma = svd.getSingularValues();
    double[][] u = svd.getU().getData();
    double total = 0;
    for (double s : sigma) {
      total += s * s;
    }
    double[] explained = new double[total > 0 ? sigma.length : 0];
    for (int i = 0; i < explained.length; i++) {
      explained[i] = sigma[i] * sigma[i] / total;
    }
    double[][] scores = new double[rows.length][sigma.length];
    for (int a = 0; a < rows.length; a++) {
      for (int i = 0; i < sigma.length; i++) {
        scores[a][i] = u[a][i] * sigma[i];
      }
    }
    return new PrincipalComponents(explained, scores);
  }

  /**
   * The share of one component, 0 past the last.
   *
   * @param i component index from 0
   * @return its explained-variance share
   */
  public double share(int i) {
    return i < explained.length ? explained[i] : 0;
  }
}
