package occam.transformer;

import occam.transformer.records.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention without biases (Nanda et al.'s layout), on a (B, T, d) residual
 * stream x:
 *
 * <pre>
 *   Q = x·W_Q, K = x·W_K, V = x·W_V          each (B, T, d), split into H heads of d_h = d/H
 *   A = softmax(Q_h·K_hᵀ/√d_h + M)           (B, H, T, T), M[i,j] = 0 for j ≤ i, −1e9 for j &gt; i
 *   out = concat_h(A·V_h)·W_O                (B, T, d)
 * </pre>
 *
 * The mask M makes position i read only positions 0..i, so changing a later token leaves earlier
 * positions' outputs unchanged. {@link #attend} can compute the output for the last positions only
 * (keys and values still from all T): the rows the model's last layer needs. A masked score −1e9 gives exp(·) = 0 in float32, exactly as −∞
 * would, without risking ∞ − ∞. All four matrices are d×d and act from the right.
 */
public final class CausalSelfAttention extends AbstractBlock {
  /** Added to the scores of future positions. */
  static final float MASKED_SCORE = -1e9f;

  private final int dModel;
  private final int heads;
  private final Parameter wq;
  private final Parameter wk;
  private final Parameter wv;
  private final Parameter wo;

  /**
   * Creates the block with N(0, 1/d) weights.
   *
   * @param dModel d
   * @param heads H (d divisible by H, checked by {@link ModelConfig})
   * @param seed run seed
   * @param prefix canonical name prefix, e.g. {@code blocks.0.attn.}
   */
  CausalSelfAttention(int dModel, int heads, long seed, String prefix) {
    this.dModel = dModel;
    this.heads = heads;
    double std = 1.0 / Math.sqrt(dModel);
    Shape square = new Shape(dModel, dModel);
    wq = addParameter(SeededNormal.weight("W_Q", prefix + "W_Q", square, seed, std));
    wk = addParameter(SeededNormal.weight("W_K", prefix + "W_K", square, seed, std));
    wv = addParameter(SeededNormal.weight("W_V", prefix + "W_V", square, seed, std));
    wo = addParameter(SeededNormal.weight("W_O", prefix + "W_O", square, seed, std));
  }

  /** @return W_Q, W_K, W_V, W_O in that order */
  Parameter[] weights() {
    return new Parameter[] {wq, wk, wv, wo};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    return new NDList(attend(store, x, x, training, Hook.NONE, 0));
  }

  /**
   * Attention output at the last T_q positions of a sequence.
   *
   * @param store parameter store
   * @param queries (B, T_q, d): the last T_q positions of {@code x}
   * @param x (B, T, d): the whole sequence, source of keys and values
   * @param training whether gradients will be taken
   * @param hook sees the per-head outputs z, (B, H, T_q, d_h), as {@link HookPoint.Kind#HEAD_Z} of {@code layer}
   * @param layer this block's layer, for the hook
   * @return (B, T_q, d)
   */
  NDArray attend(ParameterStore store, NDArray queries, NDArray x, boolean training, Hook hook, int layer) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    long tq = queries.getShape().get(1);
    int dh = dModel / heads;
    NDArray q = splitHeads(queries.matMul(store.getValue(wq, x.getDevice(), training)), b, tq, dh);
    NDArray k = splitHeads(x.matMul(store.getValue(wk, x.getDevice(), training)), b, t, dh);
    NDArray v = splitHeads(x.matMul(store.getValue(wv, x.getDevice(), training)), b, t, dh);
    // the divisor is saved for the backward pass, so it must own its memory (see NativeArrays)
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(NativeArrays.scalar(x.getManager(), (float) Math.sqrt(dh)));
    NDArray attention = scores.add(causalMask(x.getManager(), (int) tq, (int) t)).softmax(-1);
    NDArray z = hook.at(new HookPoint(HookPoint.Kind.HEAD_Z, layer), attention.matMul(v));
    return z.transpose(0, 2, 1, 3).reshape(b, tq, dModel).matMul(store.getValue(wo, x.getDevice(), training));
  }

  private NDArray splitHeads(NDArray y, long b, long t, int dh) {
    return y.reshape(b, t, heads, dh).transpose(0, 2, 1, 3);
  }

  /**
   * The last T_q rows of the additive mask M of the class comment: query row i is position
   * T − T_q + i and may read keys 0..T − T_q + i.
   *
   * @param manager where to create it
   * @param tq number of query positions (the last ones)
   * @param t sequence length
   * @return a (T_q, T) float array
   */
  public static NDArray causalMask(NDManager manager, int tq, int t) {
    float[] mask = new float[tq * t];
    for (int i = 0; i < tq; i++) {
      for (int j = t - tq + i + 1; j < t; j++) {
        mask[i * t + j] = MASKED_SCORE;
      }
    }
    return NativeArrays.of(manager, mask, new Shape(tq, t));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // no child blocks: the four weights are direct parameters with known shapes
  }
}
