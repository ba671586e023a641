package occam.transformer.records;

/**
 * Architecture of the decoder-only transformer of SPEC §6.
 *
 * @param vocab V, the number of input tokens (p residues plus '=')
 * @param context T, the sequence length (3: u, v, '=')
 * @param classes the number of output classes (p)
 * @param layers L ≥ 1
 * @param dModel d, the residual width
 * @param heads H, with d divisible by H
 * @param dMlp the hidden width of each MLP
 * @param layerNorm whether each sublayer (and the final residual) is pre-normalized by LayerNorm
 */
public record ModelConfig(
    int vocab, int context, int classes, int layers, int dModel, int heads, int dMlp, boolean layerNorm) {

  /** Sequence length of the modular tasks: tokens [u, v, =]. */
  public static final int TASK_CONTEXT = 3;

  /**
   * Validates the architecture.
   *
   * @throws IllegalArgumentException if a size is not positive or d_model is not divisible by heads
   */
  public ModelConfig {
    positive("vocab", vocab);
    positive("context", context);
    positive("classes", classes);
    positive("layers", layers);
    positive("d_model", dModel);
    positive("heads", heads);
    positive("d_mlp", dMlp);
    if (dModel % heads != 0) {
      throw new IllegalArgumentException(
          "d_model = " + dModel + " is not divisible by heads = " + heads
              + ": d_model must be a multiple of the number of heads");
    }
  }

  /**
   * The architecture for a modular task mod p: V = p + 1 tokens, T = 3, p classes.
   *
   * @param p the prime modulus (validated by the task, not here)
   * @param layers L
   * @param dModel d
   * @param heads H
   * @param dMlp MLP width
   * @param layerNorm pre-LayerNorm on or off
   * @return the configuration
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ModelConfig forModulus(
      int p, int layers, int dModel, int heads, int dMlp, boolean layerNorm) {
    return new ModelConfig(p + 1, TASK_CONTEXT, p, layers, dModel, heads, dMlp, layerNorm);
  }

  /** @return d_h = d / H, the width of one attention head */
  public int headDim() {
    return dModel / heads;
  }

  /** @return the token id of '=' (the last token of the vocabulary) */
  public int equalsToken() {
    return vocab - 1;
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + " is not allowed: it must be >= 1");
    }
  }
}
