package occam.transformer.analysis;

import static occam.transformer.records.Settings.D_MLP;
import static occam.transformer.records.Settings.D_MODEL;
import static occam.transformer.records.Settings.FRAC;
import static occam.transformer.records.Settings.HEADS;
import static occam.transformer.records.Settings.LAYERS;
import static occam.transformer.records.Settings.P;

import java.util.ArrayList;
import java.util.List;
import occam.transformer.NamedTensor;
import occam.transformer.records.TrainingConfig;

/**
 * A transformer for u + v mod 5 whose weights are set by hand, so that attention head 0 of layer 0
 * alone carries the operands to the answer position and every domain cell is answered right:
 *
 * <pre>
 *   W_E = [I₆ | 0] (token t ↦ e_t, '=' ↦ e₅), W_pos = 0, W_Q = W_K = 0 (uniform causal attention)
 *   head 0: W_V copies e₀..e₄ into its 5 dims, W_O maps them ×3 onto e₆..e₁₀, so at '=' the stream
 *           holds the counts c_i = [u = i] + [v = i] in e₆..e₁₀
 *   head 1: W_V copies e₀..e₄ too (its z differs between inputs) but W_O ignores it; head 2: all 0
 *   MLP:    T_ij = ReLU(c_i + c_j − 1) for i &lt; j, S_i = ReLU(c_i − 1); W_out writes
 *           L_y = Σ_{i+j≡y} T_ij + Σ_i S_i·([2i ≡ y] − [2i ≢ y]) into e₀..e₄, which is 1 at y = u + v, 0 elsewhere
 *   W_U = SCALE·[I₅ | 0]: logits SCALE on the answer, 0 on the other classes
 * </pre>
 *
 * Further layers are all zero, so they add nothing to the stream. No LayerNorm.
 */
final class HandBuiltModel {
  static final int P_MOD = 5;
  static final int D = 15;
  static final int H = 3;
  static final int D_HEAD = D / H;
  static final int NEURONS = P_MOD * (P_MOD + 1) / 2;
  static final float SCALE = 4;
  /** Residual coordinate of count c_0. */
  private static final int COUNTS = 6;

  private HandBuiltModel() {}

  static TrainingConfig config(int layers) {
    return TrainingConfig.builder().set(P, P_MOD).set(FRAC, 0.6).set(LAYERS, layers).set(D_MODEL, D)
        .set(HEADS, H).set(D_MLP, NEURONS).build();
  }

  static List<NamedTensor> weights(int layers) {
    int v = P_MOD + 1;
    List<NamedTensor> w = new ArrayList<>();
    float[] embed = new float[v * D];
    for (int t = 0; t < v; t++) {
      embed[t * D + t] = 1;
    }
    w.add(new NamedTensor("embed.W_E", new int[] {v, D}, embed));
    w.add(new NamedTensor("embed.W_pos", new int[] {3, D}, new float[3 * D]));
    for (int l = 0; l < layers; l++) {
      boolean active = l == 0;
      String prefix = "blocks." + l + ".";
      float[] wv = new float[D * D];
      float[] wo = new float[D * D];
      float[] win = new float[NEURONS * D];
      float[] bin = new float[NEURONS];
      float[] wout = new float[D * NEURONS];
      if (active) {
        for (int i = 0; i < P_MOD; i++) {
          wv[i * D + i] = 1;                  // head 0, dim i
          wv[i * D + D_HEAD + i] = 1;         // head 1, dim i (never read by W_O)
          wo[i * D + COUNTS + i] = 3;         // head 0 dim i -> count c_i
        }
        int n = 0;
        for (int i = 0; i < P_MOD; i++) {
          for (int j = i; j < P_MOD; j++, n++) {
            // neuron n: T_ij for i < j, S_i for i == j; both have bias -1
            win[n * D + COUNTS + i] = 1;
            win[n * D + COUNTS + j] += i < j ? 1 : 0;
            bin[n] = -1;
            for (int y = 0; y < P_MOD; y++) {
              float out = i < j ? ((i + j) % P_MOD == y ? 1 : 0) : ((2 * i) % P_MOD == y ? 1 : -1);
              wout[y * NEURONS + n] = out;
            }
          }
        }
      }
      w.add(new NamedTensor(prefix + "attn.W_Q", new int[] {D, D}, new float[D * D]));
      w.add(new NamedTensor(prefix + "attn.W_K", new int[] {D, D}, new float[D * D]));
      w.add(new NamedTensor(prefix + "attn.W_V", new int[] {D, D}, wv));
      w.add(new NamedTensor(prefix + "attn.W_O", new int[] {D, D}, wo));
      w.add(new NamedTensor(prefix + "mlp.W_in", new int[] {NEURONS, D}, win));
      w.add(new NamedTensor(prefix + "mlp.b_in", new int[] {NEURONS}, bin));
      w.add(new NamedTensor(prefix + "mlp.W_out", new int[] {D, NEURONS}, wout));
      w.add(new NamedTensor(prefix + "mlp.b_out", new int[] {D}, new float[D]));
    }
    float[] unembed = new float[P_MOD * D];
    for (int y = 0; y < P_MOD; y++) {
      unembed[y * D + y] = SCALE;
    }
    w.add(new NamedTensor("unembed.W_U", new int[] {P_MOD, D}, unembed));
    return w;
  }

  static ModelInternals open(int layers) {
    return new ModelInternals(config(layers), weights(layers));
  }
}
