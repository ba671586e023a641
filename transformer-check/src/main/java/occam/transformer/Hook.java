package occam.transformer;

import ai.djl.ndarray.NDArray;

/**
 * Reads or replaces the named activations ({@link HookPoint}) of one forward pass of {@link
 * DecoderTransformer#logits}, and may bypass whole layers; the one intervention mechanism that
 * causal mediation, skip-ablation and the progress measures share. {@link #NONE} leaves the pass
 * as it is: the training path runs through it and computes exactly what it computed without hooks.
 */
public interface Hook {
  /** Changes nothing: every activation passes as it is, no layer is bypassed. */
  Hook NONE = (point, value) -> value;

  /**
   * Called with each activation as the pass reaches it.
   *
   * @param point which activation
   * @param value its value (shapes in {@link HookPoint})
   * @return the value the pass continues with: {@code value} itself, or a replacement of its shape
   */
  NDArray at(HookPoint point, NDArray value);

  /**
   * Whether a layer is bypassed: its input then passes on unchanged (x_{l+1} = x_l) and none of its
   * hook points is visited.
   *
   * @param layer the layer, 0-based
   * @return true to skip it
   */
  default boolean bypasses(int layer) {
    return false;
  }
}
