package occam.transformer.analysis;

/** Where causal mediation grafts a head's output from s₂ into s₁. */
public enum PatchSite {
  /**
   * At every position: the head's whole output on s₂, so later layers also read s₂'s head output at
   * the operand positions (the seed's "graft the activation of a certain head").
   */
  EVERY_POSITION,
  /** At the answer position ('=', the last) only, the one position the logits are read from. */
  ANSWER_POSITION
}
