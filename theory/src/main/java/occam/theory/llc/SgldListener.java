package occam.theory.llc;

/**
 * Observes the SGLD chains as they run (progress, ETA), read-only: it sees a step's loss, never the
 * weights, so no observer can change a chain.
 */
@FunctionalInterface
public interface SgldListener {
  /** A listener that ignores everything. */
  SgldListener NONE = (chain, step, steps, loss) -> {};

  /**
   * Called after each SGLD step.
   *
   * @param chain chain index, from 0
   * @param step steps done in this chain, from 1
   * @param steps steps per chain (burn-in + draws)
   * @param loss L(w_t) at the point the step started from (the batch loss when batching)
   */
  void stepped(int chain, int step, int steps, double loss);
}
