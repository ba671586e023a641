package occam.transformer.analysis;

import java.util.Arrays;
import occam.fourier.Dft2;
import occam.fourier.Dft2Backend;
import occam.fourier.DftNormalization;

/**
 * The key frequencies of a model's MLP neurons (Nanda et al. 2023, §4–5: the few w_k = 2πk/m that
 * the neurons' activations are built from), read from the neurons' 2-D Fourier components.
 *
 * <p>Neuron n's activation table x_n(a, b) over the domain (group indices, cell a·m + b) has the 2-D
 * DFT F_n ({@link DftNormalization#STANDARD}). Frequency k ∈ 1..⌊m/2⌋ owns the modes (k₁, k₂) ≠ (0, 0)
 * with both k₁ and k₂ in {0, k, m − k}: the terms cos/sin(w_k·a), cos/sin(w_k·b) and their products,
 * the terms Nanda et al.'s neurons are made of. Its share of the activation variance is
 *
 * <pre>
 *   share_k = Σ_n Σ_{modes of k} |F_n|² / Σ_n Σ_{(k₁,k₂) ≠ (0,0)} |F_n|²
 * </pre>
 *
 * so each neuron weighs by its own variance (Parseval: Σ_{≠(0,0)} |F_n|² = m²·m²·Var x_n). The key
 * frequencies are the top group of the shares sorted in decreasing order, cut at the largest ratio
 * between neighbours, share_(j)/share_(j+1), when that ratio is at least {@link #KEY_GAP}; none
 * otherwise. A model without Fourier structure spreads its variance over the frequencies with
 * neighbouring ratios near 1 and has none; one that has grokked puts it on a handful, far above the
 * rest (the quick preset's final model: shares 0.54, 0.19, 0.13, 0.087 at k = 3, 5, 18, 22, then
 * 0.006; ratio 14).
 */
public final class KeyFrequencies {
  /**
   * The least ratio between the last key frequency's share and the next one's: a separation that the
   * about even spread of an untrained model (neighbouring ratios 1.0–1.3 at p = 47) does not reach.
   */
  public static final double KEY_GAP = 5;

  private final int m;
  private final Dft2 dft;
  private final double[] block;
  private double total;

  /**
   * An empty accumulator.
   *
   * @param m the group order, side of the domain, ≥ 2
   * @throws IllegalArgumentException if m &lt; 2
   */
  public KeyFrequencies(int m) {
    if (m < 2) {
      throw new IllegalArgumentException("group order m = " + m + " is not allowed: it must be >= 2");
    }
    this.m = m;
    this.dft = Dft2Backend.fastest().create(m, DftNormalization.STANDARD);
    this.block = new double[m / 2];
  }

  /**
   * Adds the neurons of one activation table.
   *
   * @param table row-major m² × neurons: row a·m + b, one column per neuron
   * @param neurons columns
   * @throws IllegalArgumentException if the table is not m² rows of that many columns
   */
  public void add(float[] table, int neurons) {
    int cells = FourierModes.checkTable(table, m, neurons, "activation table");
    double[] a = new double[2 * cells];
    for (int n = 0; n < neurons; n++) {
      FourierModes.loadColumn(table, neurons, n, a);
      dft.forward(a);
      for (int i = 1; i < cells; i++) {
        double power = a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
        total += power;
        int k = frequencyOf(i / m, i % m);
        if (k > 0) {
          block[k - 1] += power;
        }
      }
    }
  }

  /**
   * The frequency a mode belongs to.
   *
   * @return k if both indices are in {0, k, m − k} (not both 0), else 0 (a product of two frequencies)
   */
  private int frequencyOf(int k1, int k2) {
    int f1 = Math.min(k1, m - k1);
    int f2 = Math.min(k2, m - k2);
    if (f1 == 0 || f2 == 0 || f1 == f2) {
      return Math.max(f1, f2);
    }
    return 0;
  }

  /**
   * The shares of the class comment.
   *
   * @return share_k at index k − 1, k = 1..⌊m/2⌋; NaN if every neuron is constant
   */
  public double[] shares() {
    double[] shares = new double[block.length];
    for (int k = 0; k < block.length; k++) {
      shares[k] = total > 0 ? block[k] / total : Double.NaN;
    }
    return shares;
  }

  /**
   * The key frequencies of given shares.
   *
   * @param shares share_k at index k − 1
   * @return the frequencies above the cut of the class comment, by decreasing share; empty if no
   *     ratio reaches {@link #KEY_GAP} or a share is NaN
   */
  public static int[] select(double[] shares) {
    return select(shares, KEY_GAP);
  }

  /**
   * The key frequencies of given shares, cut at the widest neighbouring ratio of at least a given one.
   *
   * @param shares share_k at index k − 1
   * @param minRatio the least ratio that makes a cut, ≥ 1 ({@link #KEY_GAP} for {@link #select(double[])};
   *     1 cuts at the widest ratio whatever its size)
   * @return the frequencies above the cut, by decreasing share; empty if no ratio reaches minRatio or a
   *     share is NaN
   * @throws IllegalArgumentException if minRatio &lt; 1
   */
  public static int[] select(double[] shares, double minRatio) {
    if (!(minRatio >= 1)) {
      throw new IllegalArgumentException("least ratio = " + minRatio + " is not allowed: it must be >= 1");
    }
    Integer[] order = new Integer[shares.length];
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(shares[i])) {
        return new int[0];
      }
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(shares[y], shares[x]));
    int cut = 0;
    double widest = minRatio;
    for (int j = 1; j < order.length; j++) {
      double ratio = shares[order[j - 1]] / shares[order[j]];
      if (ratio >= widest && ratio > 1) {
        widest = ratio;
        cut = j;
      }
    }
    int[] key = new int[cut];
    Arrays.setAll(key, j -> order[j] + 1);
    return key;
  }
}
