package occam.theory;

import occam.modular.ModularTask;

/**
 * The SFM theory's predictions for one task and one (β, ε_gen) (SPEC §4), gathered for reports:
 * learning coefficients and description lengths of the memorizing and generalizing solutions, the
 * free-energy crossover, and the compressed-sensing data thresholds.
 *
 * <p>Legend: m = group order, N = m² = the domain size, s = |supp W*| (computed by {@link
 * occam.fourier.GeneralizingSolution}), λ_mem = m²/2, λ_gen = s/2, K = support·(2⌈log₂ m⌉ + C_float) bits,
 * ΔK = K_mem − K_gen, c = β(p² − p), n* = the larger crossover root.
 */
public final class Prediction {

  private final ModularTask task;
  private final double beta;
  private final double epsilon;
  private final int cFloat;
  private final int generalizingSupport;
  private final Crossover crossover;

  private Prediction(ModularTask task, double beta, double epsilon, int cFloat) {
    this.task = task;
    this.beta = beta;
    this.epsilon = epsilon;
    this.cFloat = cFloat;
    this.generalizingSupport = occam.fourier.GeneralizingSolution.supportSize(task);
    this.crossover = Crossover.of(task.p(), beta, epsilon);
  }

  /**
   * Computes the predictions.
   *
   * @param task the task (p, op)
   * @param beta β &gt; 0 and finite
   * @param epsilon ε_gen &gt; 0 and finite
   * @param cFloat bits per weight value, ≥ 0 (default {@link DescriptionLength#DEFAULT_C_FLOAT})
   * @return the predictions
   * @throws IllegalArgumentException if task is null, β or ε is not positive and finite, or cFloat
   *     &lt; 0
   */
  public static Prediction of(ModularTask task, double beta, double epsilon, int cFloat) {
    if (task == null) {
      throw new IllegalArgumentException("task is null: need a task (p, op)");
    }
    DescriptionLength.bitsPerWeight(task.groupOrder(), cFloat); // validates cFloat
    return new Prediction(task, beta, epsilon, cFloat);
  }

  /** @return the task */
  public ModularTask task() {
    return task;
  }

  /** @return β */
  public double beta() {
    return beta;
  }

  /** @return ε_gen */
  public double epsilon() {
    return epsilon;
  }

  /** @return C_float, bits per weight value */
  public int cFloat() {
    return cFloat;
  }

  /** @return m, the group order */
  public int m() {
    return task.groupOrder();
  }

  /** @return N = m², the domain size */
  public int domainSize() {
    return task.domainSize();
  }

  /** @return |supp W*|, the generalizing support */
  public int generalizingSupport() {
    return generalizingSupport;
  }

  /** @return λ_mem = m²/2 */
  public double lambdaMem() {
    return LearningCoefficient.memorizing(m());
  }

  /** @return λ_gen = |supp W*|/2 */
  public double lambdaGen() {
    return LearningCoefficient.value(generalizingSupport);
  }

  /** @return λ_mem/λ_gen = m²/|supp W*| */
  public double lambdaRatio() {
    return lambdaMem() / lambdaGen();
  }

  /** @return K_mem = m²·(2⌈log₂ m⌉ + C_float) bits */
  public double kMem() {
    return DescriptionLength.value(domainSize(), m(), cFloat);
  }

  /** @return K_gen = |supp W*|·(2⌈log₂ m⌉ + C_float) bits */
  public double kGen() {
    return DescriptionLength.value(generalizingSupport, m(), cFloat);
  }

  /** @return ΔK = K_mem − K_gen bits */
  public double deltaK() {
    return kMem() - kGen();
  }

  /** @return the crossover n·ε = β(p² − p)·ln n */
  public Crossover crossover() {
    return crossover;
  }

  /** @return n* divided by N, the crossover as a fraction of the domain (NaN without a crossover) */
  public double nStarFraction() {
    return crossover.nStar() / domainSize();
  }

  /** @return 2s·ln(N/s), s = |supp W*| ({@link CompressedSensingThreshold}) */
  public double compressedSensingThreshold() {
    return CompressedSensingThreshold.value(generalizingSupport, domainSize());
  }

  /** @return 2s·W₀(N/(2s)), s = |supp W*| ({@link DonohoTannerThreshold}) */
  public double donohoTannerThreshold() {
    return DonohoTannerThreshold.value(generalizingSupport, domainSize());
  }
}
