package occam.theory.llc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The local learning coefficient (LLC) of a loss at a point w*, estimated by localized SGLD (Lau et al.
 * 2023, "Quantifying degeneracy in singular models via the learning coefficient", Definition 3 and
 * eq. 14; the estimator of devinterp's {@code estimate_learning_coeff}):
 *
 * <pre>
 *   λ̂(w*) = n·β*·(E_w[L_n(w)] − L_n(w*)),   β* = 1/ln n,
 * </pre>
 *
 * the expectation over the localized tempered posterior ∝ exp(−n·β*·L_n(w) − (γ/2)·‖w − w*‖²), taken as
 * the mean loss of {@link SgldSettings#draws()} SGLD draws in each of {@link SgldSettings#chains()}
 * chains (chain c's noise from the c-th split of a {@link SplittableRandom} seeded by {@link
 * SgldSettings#seed()}, so the estimate is a pure function of its inputs). For a regular model λ = d/2;
 * for a quadratic loss λ = rank(∇²L)/2.
 */
public final class LocalLearningCoefficient {
  /** A chain whose loss rises past L_n(w*) by this many times (|L_n(w*)| + 1) has diverged. */
  public static final double DIVERGENCE_FACTOR = 1e8;

  private LocalLearningCoefficient() {}

  /**
   * β* = 1/ln n, the inverse temperature of the WBIC (Watanabe 2013) the LLC estimator uses.
   *
   * @param n samples, ≥ 2
   * @return n·β* = n/ln n
   * @throws IllegalArgumentException if n &lt; 2
   */
  public static double nBeta(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("n = " + n + " is not allowed: the LLC needs n >= 2 samples (β* = 1/ln n)");
    }
    return n / Math.log(n);
  }

  /**
   * Estimates λ(w*) without a listener.
   *
   * @param loss L_n
   * @param wStar w*, a local minimum of L_n (the chains start there)
   * @param n the number of samples behind L_n
   * @param settings the SGLD settings
   * @return the estimate
   * @throws IllegalArgumentException see {@link #estimate(LossFunction, double[], int, SgldSettings, SgldListener)}
   */
  public static LlcEstimate estimate(LossFunction loss, double[] wStar, int n, SgldSettings settings) {
    return estimate(loss, wStar, n, settings, SgldListener.NONE);
  }

  /**
   * Estimates λ(w*). A chain that diverges (non-finite loss or weights, or a loss past {@link
   * #DIVERGENCE_FACTOR}) stops there; the estimate then reports {@code diverged} and λ̂ = NaN.
   *
   * @param loss L_n
   * @param wStar w*, a local minimum of L_n (the chains start there)
   * @param n the number of samples behind L_n
   * @param settings the SGLD settings
   * @param listener told of every step
   * @return the estimate
   * @throws IllegalArgumentException if n &lt; 2, w* has the wrong length or is not finite, L_n(w*) is not
   *     finite, or the settings batch a loss that has no samples
   */
  public static LlcEstimate estimate(
      LossFunction loss, double[] wStar, int n, SgldSettings settings, SgldListener listener) {
    double nBeta = nBeta(n);
    if (wStar.length != loss.dimension()) {
      throw new IllegalArgumentException(
          "w* has " + wStar.length + " values but the loss has " + loss.dimension() + " parameters");
    }
    for (double x : wStar) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("w* holds a non-finite value (" + x + ")");
      }
    }
    double center = loss.value(wStar);
    if (!Double.isFinite(center)) {
      throw new IllegalArgumentException("L_n(w*) = " + center + " is not finite");
    }
    double bound = center + DIVERGENCE_FACTOR * (Math.abs(center) + 1);
    int chains = settings.chains();
    int steps = settings.stepsPerChain();
    double[][] losses = new double[chains][settings.draws()];
    SplittableRandom root = new SplittableRandom(settings.seed());
    boolean diverged = false;
    for (int c = 0; c < chains; c++) {
      Sgld chain = new Sgld(loss, wStar, nBeta, settings, root.split());
      Arrays.fill(losses[c], Double.NaN);
      for (int t = 0; t < steps; t++) {
        double value = chain.step();
        listener.stepped(c, t + 1, steps, value);
        if (!(value <= bound)) {
          diverged = true;
          break;
        }
        if (t >= settings.burnIn()) {
          losses[c][t - settings.burnIn()] = value;
        }
      }
    }
    double[] perChain = new double[chains];
    double sum = 0;
    for (int c = 0; c < chains; c++) {
      double mean = 0;
      for (double x : losses[c]) {
        mean += x;
      }
      perChain[c] = nBeta * (mean / losses[c].length - center);
      sum += perChain[c];
    }
    SgldDiagnostics diagnostics = SgldDiagnostics.of(losses, center, nBeta);
    return new LlcEstimate(diverged ? Double.NaN : sum / chains, perChain, center, n, nBeta, losses, diagnostics,
        diverged, settings);
  }
}
