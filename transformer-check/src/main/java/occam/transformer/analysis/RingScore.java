package occam.transformer.analysis;

/**
 * How much an embedding is a 1-D ring isomorphic to Z_m, traced in group order (seed 004: "1D ring
 * (isomorphic to Z_97)"). With x_a (a = 0..m−1) the centred embedding rows in group order ({@link
 * EmbeddingRows}), X their m×d matrix:
 *
 * <pre>
 *   c_k = Σ_a cos(2πka/m)·x_a,   s_k = Σ_a sin(2πka/m)·x_a                        (vectors in R^d)
 *   E_k = (‖c_k‖² + ‖s_k‖²)/(m/2)  for 0 &lt; k &lt; m/2;   E_{m/2} = ‖c_{m/2}‖²/m    (energy of X in span{cos_k, sin_k})
 *   k*  = argmax_k E_k,   share = E_{k*}/‖X‖²_F                                   (Σ_k E_k = ‖X‖²_F, Parseval)
 *   θ_a = atan2(PC2_a, PC1_a),   φ_a = 2πk*·a/m
 *   alignment = max(|mean_a e^{i(θ_a − φ_a)}|, |mean_a e^{i(θ_a + φ_a)}|)
 *   score = share · alignment
 * </pre>
 *
 * The share is the part of the embedding's variance that lies in the two-dimensional span of one
 * frequency's cosine and sine over the group; the alignment is the circular correlation (mean
 * resultant length of the angle difference, up to rotation and reflection) between the angle of each
 * row in the top-two PCA plane and the angle 2πk*·a/m that a ring isomorphic to Z_m would give it.
 * A perfect ring x_a = r·(cos φ_a, sin φ_a, 0, …) scores 1 (share 1, alignment 1); m i.i.d. Gaussian
 * rows in d dimensions spread their energy over the ⌊m/2⌋ frequencies (share ≈ 2/m, a few times that
 * for the largest) and their angles do not follow φ (alignment ≈ 1/√m), so the score is ≈ 0.
 *
 * @param frequency k*, in 1..⌊m/2⌋ (0 when the embedding is constant)
 * @param share E_{k*}/‖X‖²_F in [0, 1]
 * @param alignment circular correlation in [0, 1]
 * @param score share × alignment
 */
public record RingScore(int frequency, double share, double alignment, double score) {

  /**
   * The ring score of ordered rows.
   *
   * @param rows m ≥ 3 rows of d values in group order (centred here; not modified)
   * @param pca their principal components (at least two)
   * @return the score (all NaN, frequency 0, when the rows are all equal)
   * @throws IllegalArgumentException if there are fewer than three rows
   */
  public static RingScore of(double[][] rows, PrincipalComponents pca) {
    int m = rows.length;
    if (m < 3) {
      throw new IllegalArgumentException("a ring needs at least 3 rows, got " + m);
    }
    double[][] x = EmbeddingRows.centred(rows);
    double total = 0;
    for (double[] r : x) {
      for (double v : r) {
        total += v * v;
      }
    }
    if (!(total > 0) || pca.scores()[0].length < 2) {
      return new RingScore(0, Double.NaN, Double.NaN, Double.NaN);
    }
    int d = x[0].length;
    int best = 1;
    double bestEnergy = -1;
    for (int k = 1; k <= m / 2; k++) {
      double[] c = new double[d];
      double[] s = new double[d];
      for (int a = 0; a < m; a++) {
        double phase = 2 * Math.PI * ((long) k * a % m) / m;
        double cos = Math.cos(phase);
        double sin = Math.sin(phase);
        for (int j = 0; j < d; j++) {
          c[j] += cos * x[a][j];
          s[j] += sin * x[a][j];
        }
      }
      double energy = (norm2(c) + norm2(s)) / (2 * k == m ? m : m / 2.0);
      if (energy > bestEnergy) {
        bestEnergy = energy;
        best = k;
      }
    }
    double alignment = Math.max(resultant(pca, best, m, -1), resultant(pca, best, m, 1));
    double share = Math.min(1, bestEnergy / total);
    return new RingScore(best, share, alignment, share * alignment);
  }

  /** |mean_a e^{i(θ_a + sign·φ_a)}|. */
  private static double resultant(PrincipalComponents pca, int k, int m, int sign) {
    double re = 0;
    double im = 0;
    for (int a = 0; a < m; a++) {
      double theta = Math.atan2(pca.scores()[a][1], pca.scores()[a][0]);
      double phi = 2 * Math.PI * ((long) k * a % m) / m;
      re += Math.cos(theta + sign * phi);
      im += Math.sin(theta + sign * phi);
    }
    return Math.hypot(re, im) / m;
  }

  private static double norm2(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }
}
