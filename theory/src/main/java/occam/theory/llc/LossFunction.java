package occam.theory.llc;

/**
 * An empirical loss L_n(w) on R^d and its gradient: the mean negative log-likelihood per sample (up to a
 * constant), the quantity whose rise above L_n(w*) the local learning coefficient multiplies by n·β*.
 *
 * <p>Implementations need not be thread-safe: the estimator calls one loss from one thread.
 */
public interface LossFunction {

  /** @return d, the number of real parameters */
  int dimension();

  /**
   * L_n(w) and ∇L_n(w) over the whole data set.
   *
   * @param w parameters, length d (not modified)
   * @param gradient receives ∇L_n(w), length d
   * @return L_n(w)
   */
  double valueAndGradient(double[] w, double[] gradient);

  /**
   * L_n(w) alone; by default through {@link #valueAndGradient}.
   *
   * @param w parameters, length d (not modified)
   * @return L_n(w)
   */
  default double value(double[] w) {
    return valueAndGradient(w, new double[dimension()]);
  }
}
