package occam.transformer;

import occam.fourier.Dft2;
import occam.fourier.Dft2Backend;
import occam.fourier.DftNormalization;
import occam.modular.ModularTask;

/**
 * The 2D spectrum this project takes for "the paper's 2D DFT" (SPEC §6): the power of the model's
 * function over the domain, in the SFM's own coordinates.
 *
 * <p>With z[a, b, c] the last-position logit of class c on the pair (u, v) = (u(a), v(b)) (domain
 * cell a·m + b, SPEC §2), double-centred
 *
 * <pre>
 *   z̃[a, b, c] = z[a, b, c] − mean_c' z[a, b, c'] − mean_{a',b'} z[a', b', c] + mean_{a',b',c'} z
 * </pre>
 *
 * and F_c = DFT2 of z̃[·, ·, c] in {@link DftNormalization#STANDARD} (unnormalized forward,
 * F[k,l] = Σ_{a,b} z̃[a,b,c]·e^{−2πi(ka+lb)/m}):
 *
 * <pre>
 *   S[k, l] = Σ_{c=0}^{p−1} |F_c[k, l]|²,   k, l = 0..m−1   (S[0, 0] = 0)
 * </pre>
 *
 * The centring drops the two parts of z that say nothing about how the answer depends on (u, v): a
 * per-pair constant (softmax ignores it) and a per-class constant (a class prior; at initialization
 * the shared '=' embedding makes it dominate S[0, 0], which would pin the Gini near 1 before
 * training has begun).
 *
 * This is the analogue of the SFM's |W_kl|²: the SFM's prediction is Ŷ = m²·IDFT2(W), so its W is
 * the 2D DFT of its output table up to 1/m², and a generalizing transformer's logits are sums of
 * cos(w_k(a + b − c)) terms that put S on the same ideal support σ (diagonal for add/mul,
 * anti-diagonal for sub/div, SPEC §2).
 *
 * <p>Why not the literal "2D DFT of W_E" of the paper (seed 004 §4): its second axis is d_model,
 * whose order is arbitrary (permuting neurons changes that spectrum but not the model), so it is
 * not a property of the model; the 1D token-axis spectrum ({@link EmbeddingSpectrum}) is the
 * embedding's basis-free part.
 */
public final class LogitSpectrum2d {
  private LogitSpectrum2d() {}

  /**
   * The spectrum S of the class comment (z is centred here; the argument is not modified).
   *
   * @param logits z in domain-cell order: row i = cell i, p values per row (row-major N×p)
   * @param task the task (m, p)
   * @return S, row-major m×m (index k·m + l)
   * @throws IllegalArgumentException if logits.length ≠ N·p
   */
  public static double[] power(float[] logits, ModularTask task) {
    int m = task.groupOrder();
    int p = task.p();
    int cells = m * m;
    if (logits.length != cells * p) {
      throw new IllegalArgumentException(
          "logit table of " + logits.length + " values is not N x p = " + cells + " x " + p);
    }
    double[] cellMean = new double[cells];
    double[] classMean = new double[p];
    double grandMean = 0;
    for (int i = 0; i < cells; i++) {
      for (int c = 0; c < p; c++) {
        double z = logits[i * p + c];
        cellMean[i] += z / p;
        classMean[c] += z / cells;
        grandMean += z / ((double) cells * p);
      }
    }
    Dft2 dft = Dft2Backend.fastest().create(m, DftNormalization.STANDARD);
    double[] a = new double[2 * cells];
    double[] power = new double[cells];
    for (int c = 0; c < p; c++) {
      for (int i = 0; i < cells; i++) {
        a[2 * i] = logits[i * p + c] - cellMean[i] - classMean[c] + grandMean;
        a[2 * i + 1] = 0;
      }
      dft.forward(a);
      for (int i = 0; i < cells; i++) {
        power[i] += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
      }
    }
    return power;
  }

  /**
   * Share of the power on the ideal support σ of SPEC §2: Σ_k S[k, σ(k)] / Σ S.
   *
   * @param power S, row-major m×m
   * @param task the task whose op fixes σ
   * @return the share in [0, 1], NaN if S is all zero
   * @throws IllegalArgumentException if power.length ≠ m²
   */
  public static double sigmaMass(double[] power, ModularTask task) {
    int m = task.groupOrder();
    if (power.length != m * m) {
      throw new IllegalArgumentException(
          "spectrum of " + power.length + " values is not m x m = " + m + " x " + m);
    }
    double total = 0;
    for (double x : power) {
      total += x;
    }
    double onSigma = 0;
    for (int k = 0; k < m; k++) {
      onSigma += power[k * m + task.op().sigma(k, m)];
    }
    return total == 0 ? Double.NaN : onSigma / total;
  }
}
