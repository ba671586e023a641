package occam.transformer;

import occam.fourier.SpectralConcentration;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The spectral entropy of a matrix and its gradient, for the regularizer α·Σ_l H(W_l) of DeMoss et
 * al. (seed 002, eq. 15–16; {@code --spectral-entropy α}).
 *
 * <p>With W = U diag(σ) Vᵀ (thin SVD, r = min(m, n) singular values), S = Σ_j σ_j and p_i = σ_i / S,
 * H(W) = −Σ_i p_i ln p_i (nats; exp H is the effective rank, {@link EffectiveRank}).
 *
 * <p>Gradient. ∂H/∂p_i = −(ln p_i + 1) and ∂p_i/∂σ_j = (δ_ij − p_i)/S, so
 *
 * <pre>
 *   ∂H/∂σ_j = Σ_i −(ln p_i + 1)(δ_ij − p_i)/S
 *           = [−(ln p_j + 1) + Σ_i p_i (ln p_i + 1)] / S
 *           = [−(ln p_j + 1) + (1 − H)] / S  =  −(ln p_j + H) / S.
 * </pre>
 *
 * For a simple nonzero singular value ∂σ_j/∂W = u_j v_jᵀ, hence
 *
 * <pre>
 *   ∂H/∂W = U diag(−(ln p + H)/S) Vᵀ.
 * </pre>
 *
 * H is a symmetric function of σ (absolutely symmetric: it depends on the |σ_j| only), so by Lewis's
 * theorem on spectral functions this formula also holds where singular values repeat (the choice of
 * U, V inside a repeated block does not change the product, since f_j is equal on the block). It fails
 * only where σ_j = 0 (ln p_j = −∞: H is not differentiable there, it falls steeply as a zero singular
 * value grows); such directions are given 0, the subgradient that leaves the null space alone (the
 * penalty never pushes a zero singular value up, and the loss's gradient decides). PyTorch's
 * autograd through {@code torch.linalg.svdvals} would give the same values; DJL 0.35 exposes no SVD,
 * so the SVD is Commons Math's, in float64, and the gradient is tested against finite differences.
 */
public final class SpectralEntropy {
  /** Singular values below this fraction of the largest count as zero (no gradient along them). */
  static final double ZERO = 1e-12;

  private SpectralEntropy() {}

  /**
   * H of a row-major matrix.
   *
   * @param data values, row-major
   * @param rows m ≥ 1
   * @param cols n ≥ 1
   * @return H in nats, in [0, ln min(m, n)]; NaN for the zero matrix or a non-finite entry
   * @throws IllegalArgumentException if data.length ≠ rows·cols or a size is &lt; 1
   */
  public static double value(float[] data, int rows, int cols) {
    requireShape(data, rows, cols);
    return allFinite(data) ? value(matrix(data, rows, cols)) : Double.NaN;
  }

  /** H of a finite matrix, in float64. */
  static double value(double[][] a) {
    return SpectralConcentration.of(svd(a).getSingularValues()).entropy();
  }

  /**
   * ∂H/∂W of a row-major matrix.
   *
   * @param data values, row-major
   * @param rows m ≥ 1
   * @param cols n ≥ 1
   * @return the gradient, row-major m×n; all zero for the zero matrix or a non-finite entry
   * @throws IllegalArgumentException if data.length ≠ rows·cols or a size is &lt; 1
   */
  public static double[] gradient(float[] data, int rows, int cols) {
    requireShape(data, rows, cols);
    return allFinite(data) ? gradient(matrix(data, rows, cols)) : new double[rows * cols];
  }

  /** ∂H/∂W of a finite matrix in float64, row-major. */
  static double[] gradient(double[][] a) {
    int rows = a.length;
    int cols = a[0].length;
    double[] out = new double[rows * cols];
    SingularValueDecomposition svd = svd(a);
    double[] sigma = svd.getSingularValues();
    double sum = 0;
    for (double s : sigma) {
      sum += s;
    }
    if (!(sum > 0)) {
      return out;
    }
    double h = 0;
    for (double s : sigma) {
      double p = s / sum;
      h -= p > 0 ? p * Math.log(p) : 0;
    }
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    for (int j = 0; j < sigma.length; j++) {
      if (sigma[j] <= ZERO * sigma[0]) {
        continue;
      }
      double f = -(Math.log(sigma[j] / sum) + h) / sum;
      for (int r = 0; r < rows; r++) {
        double ur = f * u.getEntry(r, j);
        for (int c = 0; c < cols; c++) {
          out[r * cols + c] += ur * v.getEntry(c, j);
        }
      }
    }
    return out;
  }

  /**
   * Σ_l H(W_l) over the matrices among the tensors.
   *
   * @param tensors model parameters
   * @return the sum in nats (tensors that are not matrices are skipped)
   */
  public static double total(Iterable<NamedTensor> tensors) {
    double sum = 0;
    for (NamedTensor t : tensors) {
      if (t.isMatrix()) {
        sum += value(t.data(), t.shape()[0], t.shape()[1]);
      }
    }
    return sum;
  }

  private static boolean allFinite(float[] data) {
    for (float x : data) {
      if (!Float.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static void requireShape(float[] data, int rows, int cols) {
    if (rows < 1 || cols < 1 || (long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
    }
  }

  private static double[][] matrix(float[] data, int rows, int cols) {
    double[][] a = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        a[r][c] = data[r * cols + c];
      }
    }
    return a;
  }

  private static SingularValueDecomposition svd(double[][] a) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
  }
}
