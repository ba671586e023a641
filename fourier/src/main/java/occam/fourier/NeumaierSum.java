package occam.fourier;

/**
 * Neumaier's compensated summation (Neumaier 1974; Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, 2nd ed., §4.3): the error of a sum of N terms stays a few ulps of Σ|terms| instead of
 * growing like N·ε. For the reference DFT and for spectral measures over m² entries.
 */
final class NeumaierSum {
  private double sum;
  private double compensation;

  /**
   * Adds a term.
   *
   * @param x the term
   */
  void add(double x) {
    double next = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - next) + x : (x - next) + sum;
    sum = next;
  }

  /** @return the compensated total */
  double value() {
    return sum + compensation;
  }
}
