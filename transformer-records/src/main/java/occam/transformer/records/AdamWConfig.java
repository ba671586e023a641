package occam.transformer.records;

/**
 * Hyperparameters of AdamW with decoupled weight decay (Loshchilov &amp; Hutter 2019, Algorithm 2, in
 * PyTorch's form) and a linear learning-rate warm-up.
 *
 * <p>Update t = 1, 2, … of a parameter θ with gradient g (all element-wise):
 *
 * <pre>
 *   η_t = lr · f_t,  f_t = min(1, t / warmup)            (warmup = 0: η_t = lr; see {@link WarmupRule})
 *   θ  ← θ · (1 − η_t·λ)                                 decoupled decay, not added to g
 *   m  ← β₁·m + (1 − β₁)·g
 *   v  ← β₂·v + (1 − β₂)·g²
 *   θ  ← θ − η_t · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * The warm-up is linear from lr/warmup at the first update to lr at update {@code warmup} ({@link
 * WarmupRule#LINEAR}); {@link WarmupRule#LAMBDA_LR} starts it one update later, at 0. Decay
 * applies to every parameter (embeddings, biases and LayerNorm included), as PyTorch's AdamW does
 * for {@code model.parameters()} and as Nanda et al.'s grokking runs do.
 *
 * @param lr peak learning rate, &gt; 0
 * @param beta1 β₁ in [0, 1)
 * @param beta2 β₂ in [0, 1)
 * @param eps ε &gt; 0
 * @param weightDecay λ ≥ 0
 * @param warmupSteps number of warm-up updates, ≥ 0
 * @param warmupRule where the warm-up starts
 */
public record AdamWConfig(
    double lr, double beta1, double beta2, double eps, double weightDecay, int warmupSteps, WarmupRule warmupRule) {

  /** PyTorch's default ε. */
  public static final double DEFAULT_EPS = 1e-8;

  /**
   * Validates the hyperparameters.
   *
   * @throws IllegalArgumentException for a value outside the ranges above
   */
  public AdamWConfig {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("lr = " + lr + " is not allowed: it must be finite and > 0");
    }
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("beta1 = " + beta1 + " is not allowed: it must be in [0, 1)");
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("beta2 = " + beta2 + " is not allowed: it must be in [0, 1)");
    }
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("eps = " + eps + " is not allowed: it must be finite and > 0");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException(
          "weight decay = " + weightDecay + " is not allowed: it must be finite and >= 0");
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warm-up = " + warmupSteps + " is not allowed: it must be >= 0");
    }
    if (warmupRule == null) {
      throw new IllegalArgumentException("warm-up rule must be given");
    }
  }

  /**
   * The hyperparameters with the {@link WarmupRule#LINEAR} warm-up.
   *
   * @param lr peak learning rate
   * @param beta1 β₁
   * @param beta2 β₂
   * @param eps ε
   * @param weightDecay λ
   * @param warmupSteps number of warm-up updates
   * @throws IllegalArgumentException as the canonical constructor
   */
  public AdamWConfig(double lr, double beta1, double beta2, double eps, double weightDecay, int warmupSteps) {
    this(lr, beta1, beta2, eps, weightDecay, warmupSteps, WarmupRule.LINEAR);
  }

  /**
   * SPEC §6's optimizer with a given learning rate and decay: betas 0.9/0.98, ε = 1e-8, 10-step warm-up.
   *
   * @param lr peak learning rate
   * @param weightDecay λ
   * @return the configuration
   */
  public static AdamWConfig of(double lr, double weightDecay) {
    return new AdamWConfig(lr, 0.9, 0.98, DEFAULT_EPS, weightDecay, 10);
  }

  /**
   * The scheduled learning rate η_t of update t.
   *
   * @param t update number, 1-based
   * @return lr · f_t ({@link WarmupRule#factor})
   * @throws IllegalArgumentException if t &lt; 1
   */
  public double learningRate(long t) {
    if (t < 1) {
      throw new IllegalArgumentException("update number t = " + t + " is not allowed: t starts at 1");
    }
    return lr * warmupRule.factor(t, warmupSteps);
  }
}
