package occam.theory.llc;

/**
 * A {@link LossFunction} that is a mean over n samples, so SGLD may take its gradient on a mini-batch:
 * L_B(w) = (1/|B|)·Σ_{i∈B} ℓ_i(w), an unbiased estimate of L_n(w) when B is drawn uniformly.
 */
public interface SampleLoss extends LossFunction {

  /** @return n, the number of samples the mean runs over */
  int samples();

  /**
   * The mean loss over a batch of samples and its gradient.
   *
   * @param w parameters, length d (not modified)
   * @param gradient receives ∇L_B(w), length d
   * @param rows sample indices in [0, n), distinct
   * @return L_B(w)
   */
  double valueAndGradient(double[] w, double[] gradient, int[] rows);
}
