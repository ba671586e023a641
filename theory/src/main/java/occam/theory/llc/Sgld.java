package occam.theory.llc;

import java.util.SplittableRandom;

/**
 * One localized SGLD chain (the update of {@link SgldSettings}), started at w*. The sampler only moves;
 * what is recorded along the chain is the caller's business ({@link LocalLearningCoefficient} keeps the
 * loss at each step).
 *
 * <p>Not thread-safe: one chain per thread.
 */
public final class Sgld {
  private final LossFunction loss;
  private final double[] center;
  private final double nBeta;
  private final SgldSettings settings;
  private final SplittableRandom random;
  private final double[] w;
  private final double[] gradient;
  private final int[] permutation;

  /**
   * A chain at w*.
   *
   * @param loss L_n (a {@link SampleLoss} when the settings batch)
   * @param center w*, length d (copied)
   * @param nBeta n·β*, the inverse temperature that multiplies ∇L
   * @param settings ε, γ and the batch size
   * @param random this chain's noise (and batch) stream
   * @throws IllegalArgumentException if w* has the wrong length, n·β* is not finite and positive, or the
   *     settings batch a loss that is not a {@link SampleLoss} or use a batch larger than its n
   */
  public Sgld(LossFunction loss, double[] center, double nBeta, SgldSettings settings, SplittableRandom random) {
    if (center.length != loss.dimension()) {
      throw new IllegalArgumentException(
          "w* has " + center.length + " values but the loss has " + loss.dimension() + " parameters");
    }
    if (!(nBeta > 0) || !Double.isFinite(nBeta)) {
      throw new IllegalArgumentException("n·β* = " + nBeta + " is not allowed: it must be finite and > 0");
    }
    int batch = settings.batchSize();
    if (batch > 0) {
      if (!(loss instanceof SampleLoss samples)) {
        throw new IllegalArgumentException("batch size " + batch + " needs a loss over samples; this loss has none");
      }
      if (batch > samples.samples()) {
        throw new IllegalArgumentException(
            "batch size " + batch + " is not allowed: the loss has only " + samples.samples() + " samples");
      }
      permutation = new int[samples.samples()];
      for (int i = 0; i < permutation.length; i++) {
        permutation[i] = i;
      }
    } else {
      permutation = null;
    }
    this.loss = loss;
    this.center = center.clone();
    this.nBeta = nBeta;
    this.settings = settings;
    this.random = random;
    this.w = center.clone();
    this.gradient = new double[center.length];
  }

  /**
   * One update from the current point w_t.
   *
   * @return L(w_t), the (batch) loss at the point the step started from; non-finite once the chain has
   *     diverged (the point is then left as it was)
   */
  public double step() {
    double value = permutation == null
        ? loss.valueAndGradient(w, gradient)
        : ((SampleLoss) loss).valueAndGradient(w, gradient, batch());
    if (!Double.isFinite(value)) {
      return value;
    }
    double eps = settings.stepSize();
    double gamma = settings.localization();
    double noise = Math.sqrt(eps);
    double moved = 0;
    for (int i = 0; i < w.length; i++) {
      double drift = nBeta * gradient[i] + gamma * (w[i] - center[i]);
      w[i] += -0.5 * eps * drift + noise * random.nextGaussian();
      moved += w[i];
    }
    return Double.isFinite(moved) ? value : Double.NaN;
  }

  /** @return a copy of the current point */
  public double[] position() {
    return w.clone();
  }

  /** A fresh uniform batch without replacement: the first b entries of a partial Fisher–Yates shuffle. */
  private int[] batch() {
    int b = settings.batchSize();
    int n = permutation.length;
    for (int i = 0; i < b; i++) {
      int j = i + random.nextInt(n - i);
      int t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    int[] rows = new int[b];
    System.arraycopy(permutation, 0, rows, 0, b);
    return rows;
  }
}
