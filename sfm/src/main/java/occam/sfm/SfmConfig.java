package occam.sfm;

import occam.modular.ModularTask;

/**
 * One SFM run (SPEC §3): task, data, prior, gate and iteration budget.
 *
 * <p>Legend: α = {@code frac}, β = {@code beta}, η = {@code eta}, γ = {@code wd} (ℓ2 decay), σ =
 * {@code labelNoise}. Stopping: at {@code iters}; on convergence, ‖W_t − W_{t−1}‖_F ≤
 * tol·max(‖W_t‖_F, 1) for {@code window} consecutive iterations; or on divergence.
 *
 * @param task the modular task
 * @param frac α in (0, 1]
 * @param beta β ≥ 0
 * @param gate hard or soft
 * @param eta step η in (0, 2)
 * @param wd ℓ2 decay γ ≥ 0 with η·γ &lt; 1
 * @param iters iteration budget ≥ 1
 * @param seed seed of the split, the label noise and the random init
 * @param labelNoise σ ≥ 0, std of the Gaussian noise added once to training targets
 * @param initScale ≥ 0, size of the optional random Hermitian init (0: W₀ = 0)
 * @param accThreshold accuracy threshold in (0, 1] for t_mem and t_gen
 * @param tol convergence tolerance ≥ 0 (0 disables convergence stopping)
 * @param window convergence window ≥ 1
 */
public record SfmConfig(
    ModularTask task,
    double frac,
    double beta,
    Gate gate,
    double eta,
    double wd,
    int iters,
    long seed,
    double labelNoise,
    double initScale,
    double accThreshold,
    double tol,
    int window) {

  /** Default accuracy threshold (SPEC §3). */
  public static final double DEFAULT_ACC_THRESHOLD = 0.99;

  /** Default relative convergence tolerance. */
  public static final double DEFAULT_TOL = 1e-12;

  /** Default convergence window. */
  public static final int DEFAULT_WINDOW = 20;

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the first value outside its allowed range
   */
  public SfmConfig {
    if (task == null) {
      throw new IllegalArgumentException("task must be given");
    }
    if (gate == null) {
      throw new IllegalArgumentException("gate must be hard or soft");
    }
    if (!(frac > 0 && frac <= 1)) {
      throw new IllegalArgumentException("frac = " + frac + " is not allowed: frac must be in (0, 1]");
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta = " + beta + " is not allowed: beta must be finite and >= 0");
    }
    if (!(eta > 0 && eta < 2)) {
      throw new IllegalArgumentException("eta = " + eta + " is not allowed: eta must be in (0, 2)");
    }
    if (!(wd >= 0 && eta * wd < 1)) {
      throw new IllegalArgumentException("wd = " + wd + " is not allowed: wd must be >= 0 with eta*wd < 1");
    }
    if (iters < 1) {
      throw new IllegalArgumentException("iters = " + iters + " is not allowed: iters must be >= 1");
    }
    if (!(labelNoise >= 0) || Double.isInfinite(labelNoise)) {
      throw new IllegalArgumentException("label noise = " + labelNoise + " is not allowed: it must be finite and >= 0");
    }
    if (!(initScale >= 0) || Double.isInfinite(initScale)) {
      throw new IllegalArgumentException("init scale = " + initScale + " is not allowed: it must be finite and >= 0");
    }
    if (!(accThreshold > 0 && accThreshold <= 1)) {
      throw new IllegalArgumentException("accuracy threshold = " + accThreshold + " is not allowed: it must be in (0, 1]");
    }
    if (!(tol >= 0)) {
      throw new IllegalArgumentException("tol = " + tol + " is not allowed: tol must be >= 0");
    }
    if (window < 1) {
      throw new IllegalArgumentException("window = " + window + " is not allowed: window must be >= 1");
    }
  }

  /**
   * A run with the defaults for everything but the scanned quantities: η = 1, γ = 0, no label noise,
   * W₀ = 0, threshold 0.99, tol 1e-12, window 20.
   *
   * @param task the task
   * @param frac α
   * @param beta β
   * @param gate gate
   * @param iters budget
   * @param seed seed
   * @return the config
   */
  public static SfmConfig of(ModularTask task, double frac, double beta, Gate gate, int iters, long seed) {
    return new SfmConfig(task, frac, beta, gate, 1.0, 0.0, iters, seed, 0.0, 0.0,
        DEFAULT_ACC_THRESHOLD, DEFAULT_TOL, DEFAULT_WINDOW);
  }

  /**
   * The same run with another β.
   *
   * @param b new β
   * @return a copy
   */
  public SfmConfig withBeta(double b) {
    return new SfmConfig(task, frac, b, gate, eta, wd, iters, seed, labelNoise, initScale, accThreshold, tol, window);
  }

  /**
   * The same run with another α.
   *
   * @param f new α
   * @return a copy
   */
  public SfmConfig withFrac(double f) {
    return new SfmConfig(task, f, beta, gate, eta, wd, iters, seed, labelNoise, initScale, accThreshold, tol, window);
  }

  /**
   * The same run with another seed.
   *
   * @param s new seed
   * @return a copy
   */
  public SfmConfig withSeed(long s) {
    return new SfmConfig(task, frac, beta, gate, eta, wd, iters, s, labelNoise, initScale, accThreshold, tol, window);
  }

  /**
   * The same run with another Occam Gate.
   *
   * @param g new gate
   * @return a copy
   * @throws IllegalArgumentException if g is null
   */
  public SfmConfig withGate(Gate g) {
    return new SfmConfig(task, frac, beta, g, eta, wd, iters, seed, labelNoise, initScale, accThreshold, tol, window);
  }
}
