package occam.theory.llc;

/**
 * The knobs of localized SGLD (Lau et al. 2023, "Quantifying degeneracy in singular models via the
 * learning coefficient", eq. 14; devinterp's {@code SGLD} optimizer):
 *
 * <pre>
 *   w_{t+1} = w_t − (ε/2)·(n·β*·∇L_B(w_t) + γ·(w_t − w*)) + √ε·ξ_t,   ξ_t ~ N(0, I_d)
 * </pre>
 *
 * with β* = 1/ln n, L_B the loss on a batch B (the whole data set by default) and the chain started at
 * w*. The loss is recorded at every step after the burn-in; λ̂ averages those draws. Its stationary law
 * is ∝ exp(−nβ*·L_n(w) − (γ/2)·‖w − w*‖²) up to the O(ε) discretization bias: on a quadratic direction
 * of curvature h with precision P = nβ*·h + γ the stationary variance is 1/(P·(1 − εP/4)), so λ̂ is
 * inflated by about εP/4 there, and relaxes in about 2/(εP) steps.
 *
 * @param stepSize ε &gt; 0
 * @param localization γ ≥ 0, the pull back towards w*
 * @param chains independent chains ≥ 1, each from w* (two or more for the chain-agreement diagnostics)
 * @param burnIn steps per chain before the first recorded draw, ≥ 0
 * @param draws recorded steps per chain, ≥ 2
 * @param batchSize samples per gradient, 0 for the full batch (the loss must be a {@link SampleLoss}
 *     otherwise)
 * @param seed seed of the noise (and of the batches): the same seed gives the same estimate
 */
public record SgldSettings(
    double stepSize, double localization, int chains, int burnIn, int draws, int batchSize, long seed) {

  /**
   * Default ε for a loss whose curvature is O(1) per sample, e.g. the SFM's mean squared error (whose
   * largest Hessian eigenvalue is 2): εP/4 ≈ 1% bias at P = nβ*·2 for n ≈ 500 (see results/llc).
   */
  public static final double DEFAULT_STEP_SIZE = 1e-4;

  /**
   * Default γ: weak against n·β*·h on every direction the loss sees (so it biases λ̂ by γ/(nβ*h) there),
   * and strong enough to keep the flat directions within 1/√γ of w*.
   */
  public static final double DEFAULT_LOCALIZATION = 1.0;

  /** Default number of chains (devinterp's default is 10; 4 already give R̂ and a spread). */
  public static final int DEFAULT_CHAINS = 4;

  /**
   * Default burn-in steps per chain: about five relaxation times 2/(εP) of the stiffest-to-mix direction
   * the SFM calibration met (P ≈ 66 on supp W* at p = 31, 2/(εP) ≈ 300 steps at the default ε).
   */
  public static final int DEFAULT_BURN_IN = 2000;

  /** Default recorded draws per chain. */
  public static final int DEFAULT_DRAWS = 2000;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if ε is not finite and positive, γ is negative or not finite, or a
   *     count is outside its range
   */
  public SgldSettings {
    if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
      throw new IllegalArgumentException("SGLD step size ε = " + stepSize + " is not allowed: it must be finite and > 0");
    }
    if (!(localization >= 0) || !Double.isFinite(localization)) {
      throw new IllegalArgumentException(
          "SGLD localization γ = " + localization + " is not allowed: it must be finite and >= 0");
    }
    if (chains < 1) {
      throw new IllegalArgumentException("chains = " + chains + " is not allowed: it must be >= 1");
    }
    if (burnIn < 0) {
      throw new IllegalArgumentException("burn-in = " + burnIn + " is not allowed: it must be >= 0");
    }
    if (draws < 2) {
      throw new IllegalArgumentException("draws = " + draws + " is not allowed: it must be >= 2");
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("batch size = " + batchSize + " is not allowed: it must be >= 0 (0: full batch)");
    }
  }

  /**
   * The default settings with a seed.
   *
   * @param seed the seed
   * @return ε, γ, chains, burn-in and draws at their defaults, full batch
   */
  public static SgldSettings defaults(long seed) {
    return new SgldSettings(DEFAULT_STEP_SIZE, DEFAULT_LOCALIZATION, DEFAULT_CHAINS, DEFAULT_BURN_IN, DEFAULT_DRAWS,
        0, seed);
  }

  /** @return steps per chain: burn-in + draws */
  public int stepsPerChain() {
    return burnIn + draws;
  }
}
