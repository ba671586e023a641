package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import occam.transformer.NativeArrays;
import occam.transformer.CausalSelfAttention;
import occam.transformer.DecoderTransformer;
import occam.transformer.records.ModelConfig;

/**
 * The forward pass of {@link DecoderTransformer} for K members at once, on {@link StackedParameters}.
 * Legend: K members, N sequences, T = 3 positions, d = d_model, H heads of d_h, V tokens, p classes.
 *
 * <pre>
 *   x₀ = W_E[k][tokens] + W_pos[k]                            (K, N, T, d)
 *   per layer: Q,K,V = x·W_{Q,K,V}[k]  → (K, N, H, T, d_h)
 *              A = softmax(Q·Kᵀ/√d_h + M) ,  x ← x + concat_h(A·V)·W_O[k]
 *              x ← x + ReLU(x·W_in[k]ᵀ + b_in[k])·W_out[k]ᵀ + b_out[k]
 *   logits = x[:, :, T−1, :]·W_U[k]ᵀ                           (K, N, p)
 * </pre>
 *
 * Every product with a member's weights is one batched matmul over the member axis ((K, N·T, d) by
 * (K, d, d)), so member k's logits depend on member k's parameters alone and a sum of per-member
 * losses gives each member its own gradient. The embedding is a row gather from the flattened
 * (K·V, d) table, the same values as the single model's one-hot product (one nonzero term per
 * sum) without its V-wide matmul. The last layer computes position T−1 only, as the
 * single model does. The ops follow the single model's order (scale after Q·Kᵀ, additive mask
 * −1e9, bias after the product); results agree with it up to float32 reordering in the matmuls.
 * LayerNorm is not supported yet (the quick and nanda presets have it off).
 */
public final class EnsembleTransformer {
  private final ModelConfig config;

  /**
   * Creates the forward pass of an architecture.
   *
   * @param config the shared architecture
   * @throws IllegalArgumentException if LayerNorm is on (not supported yet)
   */
  public EnsembleTransformer(ModelConfig config) {
    if (config.layerNorm()) {
      throw new IllegalArgumentException("ensembles do not support LayerNorm yet: train these runs one at a time");
    }
    this.config = config;
  }

  /** @return the architecture */
  public ModelConfig config() {
    return config;
  }

  /**
   * The last-position logits of every member on its token rows.
   *
   * @param params the members' parameters, [K, ...]
   * @param tokens (K, N, T) integer ids, or (1, N, T) shared by all members
   * @return (K, N, p) float32
   */
  public NDArray logits(StackedParameters params, NDArray tokens) {
    int k = params.members();
    long n = tokens.getShape().get(1);
    int t = config.context();
    int d = config.dModel();
    NDManager manager = tokens.getManager();
    NDArray offsets = manager.arange(0, k * config.vocab(), config.vocab(), DataType.INT64).reshape(k, 1, 1);
    NDArray rows = tokens.toType(DataType.INT64, false).add(offsets);
    NDArray x = params.get("embed.W_E").reshape((long) k * config.vocab(), d).get(rows)
        .add(params.get("embed.W_pos").reshape(k, 1, t, d));
    for (int l = 0; l < config.layers(); l++) {
      x = layer(params, "blocks." + l + ".", x, l == config.layers() - 1, manager);
    }
    NDArray last = x.get(":, :, -1, :");
    return last.matMul(params.get("unembed.W_U").transpose(0, 2, 1));
  }

  /** One decoder layer; x is (K, N, T, d), the result (K, N, T_q, d) with T_q = 1 when lastOnly. */
  private NDArray layer(StackedParameters params, String prefix, NDArray x, boolean lastOnly, NDManager manager) {
    long k = x.getShape().get(0);
    long n = x.getShape().get(1);
    int t = config.context();
    int tq = lastOnly ? 1 : t;
    int d = config.dModel();
    int h = config.heads();
    int dh = config.headDim();
    NDArray residual = lastOnly ? x.get(":, :, -1:, :") : x;
    NDArray flat = x.reshape(k, n * t, d);
    NDArray queries = residual.reshape(k, n * tq, d);
    NDArray q = heads(queries.matMul(params.get(prefix + "attn.W_Q")), k, n, tq);
    NDArray keys = heads(flat.matMul(params.get(prefix + "attn.W_K")), k, n, t);
    NDArray values = heads(flat.matMul(params.get(prefix + "attn.W_V")), k, n, t);
    NDArray scores = q.matMul(keys.transpose(0, 1, 2, 4, 3)).div(NativeArrays.scalar(manager, (float) Math.sqrt(dh)));
    NDArray attention = scores.add(CausalSelfAttention.causalMask(manager, tq, t)).softmax(-1);
    NDArray z = attention.matMul(values).transpose(0, 1, 3, 2, 4).reshape(k, n * tq, (long) h * dh);
    NDArray y = residual.add(z.matMul(params.get(prefix + "attn.W_O")).reshape(k, n, tq, d));
    NDArray hidden = Activation.relu(
        y.reshape(k, n * tq, d).matMul(params.get(prefix + "mlp.W_in").transpose(0, 2, 1))
            .add(params.get(prefix + "mlp.b_in").expandDims(1)));
    NDArray out = hidden.matMul(params.get(prefix + "mlp.W_out").transpose(0, 2, 1))
        .add(params.get(prefix + "mlp.b_out").expandDims(1));
    return y.add(out.reshape(k, n, tq, d));
  }

  /** (K, N·T, d) → (K, N, H, T, d_h). */
  private NDArray heads(NDArray y, long k, long n, int t) {
    return y.reshape(k, n, t, config.heads(), config.headDim()).transpose(0, 1, 3, 2, 4);
  }
}
