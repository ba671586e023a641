package occam.complexity.compression;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import occam.complexity.WeightMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Complexity of a network as the compressed size of its coarse-grained parameters (seed 002,
 * Algorithm 1 without the Bayesian search; see {@link LossBoundedSearch} for the search).
 *
 * <p>Per matrix W (rows × cols), with r = r(κ) from its singular values: if r·(rows + cols) &lt;
 * rows·cols the low-rank form pays off and W is stored as the factors A = U_r·√Σ_r (rows × r) and B =
 * √Σ_r·V_rᵀ (r × cols), each quantized with ε, and the coarse-grained matrix is q(A)·q(B); otherwise W
 * is stored whole, quantized: q(W). (The balanced split √Σ puts both factors on the same scale, so one
 * ε suits both.)
 *
 * <p>Serialized form, the bytes that are compressed (big-endian): ε as a double; then per matrix
 * rows, cols and r (0 when stored whole) as ints, followed by the bin indices rint(x/ε) as ints — of W
 * row-major, or of A then B row-major.
 */
public final class CompressionComplexity {

  private CompressionComplexity() {}

  /**
   * Coarse-grains and compresses a network with every {@link Compressor}.
   *
   * @param weights the parameter groups, at least one
   * @param coarseGraining ε and κ
   * @return sizes, ranks and the coarse-grained parameters
   * @throws IllegalArgumentException if weights is empty or a bin index overflows an int
   */
  public static CompressionResult measure(List<WeightMatrix> weights, CoarseGraining coarseGraining) {
    return measure(weights, coarseGraining, EnumSet.allOf(Compressor.class));
  }

  /**
   * Coarse-grains and compresses a network with chosen compressors (a search needs only the one it
   * minimizes; xz costs several times bzip2).
   *
   * @param weights the parameter groups, at least one
   * @param coarseGraining ε and κ
   * @param compressors the compressors to run, at least one
   * @return sizes, ranks and the coarse-grained parameters
   * @throws IllegalArgumentException if weights or compressors is empty or a bin index overflows an int
   */
  public static CompressionResult measure(
      List<WeightMatrix> weights, CoarseGraining coarseGraining, Set<Compressor> compressors) {
    if (compressors.isEmpty()) {
      throw new IllegalArgumentException("compression complexity needs at least one compressor");
    }
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("compression complexity needs at least one weight matrix");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<WeightMatrix> coarse = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeDouble(coarseGraining.epsilon());
      for (WeightMatrix w : weights) {
        SingularValueDecomposition svd =
            w.rows() == 1 || w.cols() == 1 ? null : new SingularValueDecomposition(matrix(w));
        int r = svd == null ? 0 : lowRank(w, svd.getSingularValues(), coarseGraining);
        out.writeInt(w.rows());
        out.writeInt(w.cols());
        out.writeInt(r);
        ranks.add(r);
        if (r == 0) {
          double[] q = new double[w.size()];
          double[] v = w.values();
          for (int i = 0; i < q.length; i++) {
            int k = coarseGraining.bin(v[i]);
            out.writeInt(k);
            q[i] = k * coarseGraining.epsilon();
          }
          coarse.add(new WeightMatrix(w.name(), w.rows(), w.cols(), q));
        } else {
          coarse.add(factorized(w, svd, r, coarseGraining, out));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
    byte[] raw = bytes.toByteArray();
    Map<Compressor, Integer> sizes = new EnumMap<>(Compressor.class);
    compressors.forEach(c -> sizes.put(c, c.compressedSize(raw)));
    return new CompressionResult(coarseGraining, ranks, raw.length, sizes, coarse);
  }

  /** r(κ) if the low-rank form is smaller than the matrix, else 0. */
  private static int lowRank(WeightMatrix w, double[] s, CoarseGraining cg) {
    int r = cg.rank(s);
    return r > 0 && (long) r * (w.rows() + w.cols()) < (long) w.rows() * w.cols() ? r : 0;
  }

  private static WeightMatrix factorized(
      WeightMatrix w, SingularValueDecomposition svd, int r, CoarseGraining cg, DataOutputStream out)
      throws IOException {
    double[] s = svd.getSingularValues();
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    double eps = cg.epsilon();
    double[][] a = new double[w.rows()][r];
    double[][] b = new double[r][w.cols()];
    for (int i = 0; i < w.rows(); i++) {
      for (int k = 0; k < r; k++) {
        int bin = cg.bin(u.getEntry(i, k) * Math.sqrt(s[k]));
        out.writeInt(bin);
        a[i][k] = bin * eps;
      }
    }
    for (int k = 0; k < r; k++) {
      for (int j = 0; j < w.cols(); j++) {
        int bin = cg.bin(Math.sqrt(s[k]) * v.getEntry(j, k));
        out.writeInt(bin);
        b[k][j] = bin * eps;
      }
    }
    double[] product = new double[w.size()];
    for (int i = 0; i < w.rows(); i++) {
      for (int k = 0; k < r; k++) {
        double aik = a[i][k];
        if (aik != 0) {
          for (int j = 0; j < w.cols(); j++) {
            product[i * w.cols() + j] += aik * b[k][j];
          }
        }
      }
    }
    return new WeightMatrix(w.name(), w.rows(), w.cols(), product);
  }

  private static RealMatrix matrix(WeightMatrix w) {
    double[][] d = new double[w.rows()][];
    double[] v = w.values();
    for (int i = 0; i < w.rows(); i++) {
      d[i] = Arrays.copyOfRange(v, i * w.cols(), (i + 1) * w.cols());
    }
    return new Array2DRowRealMatrix(d, false);
  }
}
