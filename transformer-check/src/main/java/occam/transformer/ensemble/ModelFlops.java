package occam.transformer.ensemble;

import occam.transformer.records.ModelConfig;

/**
 * Floating-point operations of one full-batch training step of the decoder transformer, counted
 * from the architecture (multiply and add as two operations; element-wise ops, softmax and the
 * optimizer not counted). Per sequence, with T = 3, T_q = T in every layer but the last (T_q = 1):
 *
 * <pre>
 *   forward = 2·T·V·d                                  one-hot embedding (a V-wide matmul)
 *           + Σ_layers [ 4·T·d²                        keys and values
 *                      + 4·T_q·d²                      queries and W_O
 *                      + 4·T_q·T·d                     Q·Kᵀ and A·V over all heads
 *                      + 4·T_q·d·d_mlp ]               W_in and W_out
 *           + 2·d·p                                    unembedding at the last position
 *   step    = 3 · N · forward                          backward ≈ twice the forward
 * </pre>
 *
 * The embedding is counted as the model defines it (one-hot times W_E, 12 % of the quick size's
 * count) although {@link EnsembleTransformer} gathers rows instead.
 *
 * <p>Quick preset (p = 47, d = 64, d_mlp = 256, one layer, N = 1,104): 156,288 per sequence forward,
 * 0.518 GFLOP per step.
 */
public final class ModelFlops {
  /** Backward ≈ 2 × forward, so a step costs three forwards. */
  static final int PASSES_PER_STEP = 3;

  private ModelFlops() {}

  /**
   * Forward FLOPs of one sequence.
   *
   * @param model the architecture
   * @return the count
   */
  public static double forwardPerSequence(ModelConfig model) {
    double t = model.context();
    double d = model.dModel();
    double flops = 2 * t * model.vocab() * d + 2 * d * model.classes();
    for (int l = 0; l < model.layers(); l++) {
      double tq = l == model.layers() - 1 ? 1 : t;
      flops += 4 * t * d * d + 4 * tq * d * d + 4 * tq * t * d + 4 * tq * d * model.dMlp();
    }
    return flops;
  }

  /**
   * FLOPs of one training step (forward and backward) of one model.
   *
   * @param model the architecture
   * @param sequences N, the training sequences per step
   * @return 3 · N · {@link #forwardPerSequence}
   */
  public static double perStep(ModelConfig model, int sequences) {
    return PASSES_PER_STEP * (double) sequences * forwardPerSequence(model);
  }
}
