package occam.transformer.records;

/**
 * Hyperparameters of AdamW with decoupled weight decay (Loshchilov &amp; Hutter 2019, Algorithm 2, in
 * PyTorch's form) and a linear learning-rate warm-up.
 *
 * <p>Update t = 1, 2, … of a parameter θ with gradient g (all element-wise):
 *
 * <pre>
 *   η_t = lr · f_t,  f_t = min(1, t / warmup)            (warmup = 0: η_t = lr; see {@link WarmupRule})
 *   θ  ← θ · (1 − η_t·λ_t)                               decoupled decay, not added to g
 *   m  ← β₁·m + (1 − β₁)·g
 *   v  ← β₂·v + (1 − β₂)·g²
 *   θ  ← θ − η_t · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * λ_t is λ unless {@link DecayChanges} change it from a step on. The warm-up is linear from lr/warmup
 * at the first update to lr at update {@code warmup} ({@link WarmupRule#LINEAR}); {@link
 * WarmupRule#LAMBDA_LR} starts it one update later, at 0. Decay
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
 * @param decayChanges steps from which λ takes other values ({@link DecayChanges}; {@link
 *     DecayChanges#NONE}: λ throughout)
 */
public record AdamWConfig(
    double lr, double beta1, double beta2, double eps, double weightDecay, int warmupSteps, WarmupRule warmupRule,
    DecayChanges decayChanges) {

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
    if (decayChanges == null) {
      throw new IllegalArgumentException("the weight-decay changes must be given (DecayChanges.NONE for none)");
    }
  }

  /**
   * The hyperparameters with the {@link WarmupRule#LINEAR} warm-up and a constant weight decay.
   *
   * @param lr peak learning rate
   * @param beta1 β₁
   * @param beta2 β₂
   * @param eps ε
   * @param weightDecay λ throughout
   * @param warmupSteps number of warm-up updates
   * @throws IllegalArgumentException as the canonical constructor
   */
  public AdamWConfig(double lr, double beta1, double beta2, double eps, double weightDecay, int warmupSteps) {
    this(lr, beta1, beta2, eps, weightDecay, warmupSteps, WarmupRule.LINEAR, DecayChanges.NONE);
  }

  /**
   * These hyperparameters with another warm-up rule.
   *
   * @param rule where the warm-up starts
   * @return the changed configuration
   * @throws IllegalArgumentException if rule is null
   */
  public AdamWConfig withWarmupRule(WarmupRule rule) {
    return new AdamWConfig(lr, beta1, beta2, eps, weightDecay, warmupSteps, rule, decayChanges);
  }

  /**
   * These hyperparameters with other weight-decay changes.
   *
   * @param changes steps from which λ takes other values
   * @return the changed configuration
   * @throws IllegalArgumentException if changes is null
   */
  public AdamWConfig withDecayChanges(DecayChanges changes) {
    return new AdamWConfig(lr, beta1, beta2, eps, weightDecay, warmupSteps, warmupRule, changes);
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

  /**
   * The weight decay λ_t of update t (θ_{t−1} → θ_t): {@link #weightDecay()} until the first of
   * {@link #decayChanges()}, then as they say for step t − 1.
   *
   * @param t update number, 1-based
   * @return λ_t
   * @throws IllegalArgumentException if t &lt; 1
   */
  public double weightDecay(long t) {
    if (t < 1) {
      throw new IllegalArgumentException("update number t = " + t + " is not allowed: t starts at 1");
    }
    return decayChanges.valueAt(t - 1, weightDecay);
  }
}
