package occam.sfm.llc;

import occam.fourier.Dft2;
import occam.fourier.Dft2Backend;
import occam.fourier.DftNormalization;
import occam.fourier.GeneralizingSolution;
import occam.sfm.SfmProblem;

/**
 * The SFM solutions whose learning coefficient the theory states, each with the support its parameters
 * live on when the LLC is measured.
 */
public enum FixedPoint {
  /**
   * W_mem = DFT2(M ⊙ Y)/m²: the point one drift step with η = 1 reaches from W₀ = 0 (SPEC §3), a fixed
   * point of the drift (Ŷ = Y on S, 0 off S, so R = 0) that the gate keeps for small β; every cell is
   * used (support m², the theory's λ_mem = m²/2).
   */
  MEMORIZING,
  /** W* on its own support supp W* (the gate has removed every other cell): the theory's λ_gen = |supp W*|/2. */
  GENERALIZING,
  /** W* with every cell free (no gate): the same quadratic loss as {@link #MEMORIZING}, so the same λ. */
  GENERALIZING_UNGATED;

  /**
   * The point as a full interleaved m×m matrix.
   *
   * @param problem the SFM problem
   * @return 2m² doubles
   */
  public double[] weights(SfmProblem problem) {
    if (this != MEMORIZING) {
      return GeneralizingSolution.weights(problem.config().task());
    }
    int m = problem.m();
    double[] y = problem.targets();
    boolean[] mask = problem.split().mask();
    double[] w = new double[2 * m * m];
    for (int i = 0; i < m * m; i++) {
      w[2 * i] = mask[i] ? y[i] : 0;
    }
    Dft2 dft = Dft2Backend.fastest(m).create(m, DftNormalization.STANDARD);
    dft.forward(w);
    for (int i = 0; i < w.length; i++) {
      w[i] /= (double) m * m;
    }
    return w;
  }

  /**
   * The support its coordinates live on.
   *
   * @param problem the SFM problem
   * @return m² flags: every cell, or (GENERALIZING) the cells where W* is not zero
   */
  public boolean[] support(SfmProblem problem) {
    int m = problem.m();
    if (this == GENERALIZING) {
      return SfmLoss.support(weights(problem), m, GeneralizingSolution.RELATIVE_ZERO);
    }
    boolean[] all = new boolean[m * m];
    java.util.Arrays.fill(all, true);
    return all;
  }
}
