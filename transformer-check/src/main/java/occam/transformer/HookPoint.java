package occam.transformer;

/**
 * A named activation of {@link DecoderTransformer} that a {@link Hook} may read or replace (the
 * TransformerLens {@code HookPoint} idiom). Legend: B batch, T positions, d = d_model, H heads of
 * width d_h, and T' the positions a point holds: T, except from the attention onward in the model's
 * last layer, which computes only the last position (T' = 1; see {@link DecoderTransformer}).
 *
 * <pre>
 *   RESID_PRE  (B, T, d)      the layer's input (layer 0: the embedding x₀)
 *   HEAD_Z     (B, H, T', d_h) each head's A·V before W_O; head h adds z_h·W_O[h·d_h..(h+1)·d_h) to the stream
 *   ATTN_OUT   (B, T', d)      the attention's output, Σ_h of the above
 *   RESID_MID  (B, T', d)      x + ATTN_OUT
 *   MLP_POST   (B, T', d_mlp)  the MLP's hidden activations, ReLU(W_in·LN₂(x) + b_in)
 *   RESID_POST (B, T', d)      the layer's output
 * </pre>
 *
 * @param kind which activation of the layer
 * @param layer the layer, 0-based
 */
public record HookPoint(Kind kind, int layer) {

  /** The activations of one decoder layer, in the order the forward pass reaches them. */
  public enum Kind {
    /** The layer's input. */
    RESID_PRE,
    /** Per-head attention output before W_O. */
    HEAD_Z,
    /** The attention's output. */
    ATTN_OUT,
    /** The stream after the attention. */
    RESID_MID,
    /** The MLP's hidden activations after the ReLU. */
    MLP_POST,
    /** The layer's output. */
    RESID_POST
  }

  /**
   * Validates the point.
   *
   * @throws IllegalArgumentException if kind is null or layer &lt; 0
   */
  public HookPoint {
    if (kind == null) {
      throw new IllegalArgumentException("hook point kind must be given");
    }
    if (layer < 0) {
      throw new IllegalArgumentException("hook point layer = " + layer + " is not allowed: it must be >= 0");
    }
  }
}
