package occam.modular;

import java.util.OptionalInt;

/**
 * The first steps at which a run reaches the accuracy threshold (SPEC §3): t_mem, the first step with
 * train accuracy ≥ thr, and t_gen, the first step with train and test accuracy ≥ thr. One tracker for
 * both legs (SFM iterations and optimizer steps); the OpenCL kernel keeps a device-side twin of the same
 * rule, tested against the CPU engine.
 *
 * <p>Mutable: feed it every measured step in increasing order with {@link #observe}.
 */
public final class Milestones {
  /** The accuracy threshold both legs use unless told otherwise. */
  public static final double DEFAULT_ACC_THRESHOLD = 0.99;

  private final double threshold;
  private int tMem = -1;
  private int tGen = -1;

  /**
   * A tracker that has seen nothing yet.
   *
   * @param threshold accuracy threshold in (0, 1]
   * @throws IllegalArgumentException if threshold is outside (0, 1] or NaN
   */
  public Milestones(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("accuracy threshold = " + threshold + " is not allowed: it must be in (0, 1]");
    }
    this.threshold = threshold;
  }

  /**
   * Records one measured step.
   *
   * @param step the step (iteration or optimizer step)
   * @param trainAcc train accuracy at that step
   * @param testAcc test accuracy at that step, or NaN when it was not measured (then only t_mem can move)
   * @return whether t_mem or t_gen was reached at this step
   */
  public boolean observe(int step, double trainAcc, double testAcc) {
    boolean fitted = trainAcc >= threshold;
    boolean reachedNow = false;
    if (tMem < 0 && fitted) {
      tMem = step;
      reachedNow = true;
    }
    if (tGen < 0 && fitted && testAcc >= threshold) {
      tGen = step;
      reachedNow = true;
    }
    return reachedNow;
  }

  /** @return the threshold */
  public double threshold() {
    return threshold;
  }

  /**
   * Whether the train accuracy reaches the threshold.
   *
   * @param accuracy an accuracy
   * @return accuracy ≥ threshold
   */
  public boolean reached(double accuracy) {
    return accuracy >= threshold;
  }

  /** @return t_mem, if reached */
  public OptionalInt tMem() {
    return tMem < 0 ? OptionalInt.empty() : OptionalInt.of(tMem);
  }

  /** @return t_gen, if reached */
  public OptionalInt tGen() {
    return tGen < 0 ? OptionalInt.empty() : OptionalInt.of(tGen);
  }

  /**
   * The phase of the run so far.
   *
   * @param diverged whether the run diverged
   * @return {@link Phase#classify}
   */
  public Phase phase(boolean diverged) {
    return Phase.classify(diverged, tMem(), tGen());
  }
}
