package occam.transformer.ensemble;

/**
 * How the members' different training sets (their own seed and frac) enter one batched forward pass.
 *
 * <p>With N_k training cells for member k and the domain of D = p² (or p(p−1)) cells:
 *
 * <ul>
 *   <li>{@link #GATHER}: each member's own cells, gathered into (K, N_max, 3) token rows; rows past
 *       N_k are padding with weight 0. Work per step ∝ K·N_max.
 *   <li>{@link #MASK}: every member reads the whole domain, one shared (1, D, 3) token array; a
 *       (K, D) 0/1 weight keeps each member's own training cells in its loss. Work per step ∝ K·D
 *       (1/frac times more), but no per-member token rows, and the test logits come with the
 *       training pass.
 * </ul>
 */
public enum SetLayout {
  /** Per-member index tensors: each member's training cells, padded to the longest. */
  GATHER,
  /** Masks over the whole domain: one shared token array, a 0/1 training weight per member. */
  MASK
}
