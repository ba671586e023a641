package occam.sfm;

/** Why an SFM run stopped. */
public enum StopReason {
  /** Ran the full iteration budget. */
  BUDGET,
  /** ‖W_t − W_{t−1}‖_F ≤ tol·max(‖W_t‖_F, 1) held for the whole window. */
  CONVERGED,
  /** Non-finite values, or training loss past the divergence bound. */
  DIVERGED
}
