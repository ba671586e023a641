package occam.transformer.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import occam.fourier.SpectralConcentration;
import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.Table1Column;

/**
 * Spectral concentration of the 2-D DFT of the embedding matrix, as seed 004 has it ("perform 2D DFT
 * on the embedding matrix W_E to obtain spectral density S[k,l], compute the Gini coefficient G(s) and
 * inverse participation ratio P(s) = Σ s_i⁴ (Σ s_i²)⁻²"). With X the m×d rows of W_E in group order
 * ({@link EmbeddingRows}, not centred, as the paper does not say to):
 *
 * <pre>
 *   F[k, l] = Σ_{a=0}^{m−1} Σ_{j=0}^{d−1} X[a, j]·e^{−2πi(ka/m + lj/d)},   S[k, l] = |F[k, l]|²
 * </pre>
 *
 * over all m·d entries, and Gini and IPR of S by {@link SpectralConcentration} (IPR on the amplitudes
 * s = |F|, the paper's P(s)). The hidden axis has no natural order, so its frequencies l depend on the
 * basis of the residual stream; the token-axis spectrum of the metrics log ({@link
 * occam.transformer.EmbeddingSpectrum}) sums over it instead.
 */
public final class EmbeddingSpectrum2d implements SnapshotMeasure {

  @Override
  public String name() {
    return Table1Column.SPECTRUM.measure();
  }

  @Override
  public String description() {
    return "Gini and IPR of S[k,l] = |DFT2(W_E)[k,l]|², W_E's rows in group order (m × d, all entries)";
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    double[][] rows = EmbeddingRows.of(snapshot.parameter(EmbeddingRows.W_E), snapshot.config().task());
    SpectralConcentration c = SpectralConcentration.orNaN(power(rows));
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("gini", c.gini());
    numbers.put("ipr", c.ipr());
    return new Measured(String.format(Locale.ROOT, "%.3f, %.4f", c.gini(), c.ipr()), numbers, null);
  }

  /**
   * The power spectrum S of the class comment, separably: a DFT over a for every column, then over j
   * for every row k.
   *
   * @param rows m rows of d values (not modified)
   * @return S, row-major m×d: S[k·d + l]
   */
  public static double[] power(double[][] rows) {
    int m = rows.length;
    int d = rows[0].length;
    double[][] re = new double[m][d];
    double[][] im = new double[m][d];
    for (int k = 0; k < m; k++) {
      for (int a = 0; a < m; a++) {
        double phase = 2 * Math.PI * ((long) k * a % m) / m;
        double cos = Math.cos(phase);
        double sin = Math.sin(phase);
        for (int j = 0; j < d; j++) {
          re[k][j] += rows[a][j] * cos;
          im[k][j] -= rows[a][j] * sin;
        }
      }
    }
    double[] cos = new double[d];
    double[] sin = new double[d];
    for (int t = 0; t < d; t++) {
      cos[t] = Math.cos(2 * Math.PI * t / d);
      sin[t] = Math.sin(2 * Math.PI * t / d);
    }
    double[] power = new double[m * d];
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < d; l++) {
        double fr = 0;
        double fi = 0;
        for (int j = 0; j < d; j++) {
          int t = (int) ((long) l * j % d);
          // (re + i·im)·(cos − i·sin)
          fr += re[k][j] * cos[t] + im[k][j] * sin[t];
          fi += im[k][j] * cos[t] - re[k][j] * sin[t];
        }
        power[k * d + l] = fr * fr + fi * fi;
      }
    }
    return power;
  }
}
