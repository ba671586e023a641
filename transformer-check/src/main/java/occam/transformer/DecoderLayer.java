package occam.transformer;

import occam.transformer.records.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pre-norm decoder layer on a (B, T, d) residual stream:
 *
 * <pre>
 *   x ← x + Attn(LN₁(x))
 *   x ← x + W_out·ReLU(W_in·LN₂(x) + b_in) + b_out
 * </pre>
 *
 * LN is DJL's {@link LayerNorm} over axis 2 when LayerNorm is on, the identity otherwise (SPEC §6
 * default: off). W_in (d_mlp×d) and W_out (d×d_mlp) are DJL {@link Linear} blocks with N(0, 1/d)
 * weights and zero biases (Nanda et al.'s initialization).
 */
final class DecoderLayer extends AbstractBlock {
  private final LayerNorm norm1;
  private final CausalSelfAttention attention;
  private final LayerNorm norm2;
  private final Linear mlpIn;
  private final Linear mlpOut;
  private final int dMlp;
  private final int index;
  private final String prefix;

  /**
   * Creates layer {@code index} of a model.
   *
   * @param config the architecture
   * @param index layer number, 0-based
   * @param seed run seed
   */
  DecoderLayer(ModelConfig config, int index, long seed) {
    this.index = index;
    this.prefix = "blocks." + index + ".";
    this.dMlp = config.dMlp();
    double std = 1.0 / Math.sqrt(config.dModel());
    norm1 = config.layerNorm() ? addChildBlock("ln1", layerNorm()) : null;
    attention =
        addChildBlock(
            "attn", new CausalSelfAttention(config.dModel(), config.heads(), seed, prefix + "attn."));
    norm2 = config.layerNorm() ? addChildBlock("ln2", layerNorm()) : null;
    mlpIn = addChildBlock("mlp_in", Linear.builder().setUnits(config.dMlp()).build());
    mlpIn.setInitializer(new SeededNormal(seed, prefix + "mlp.W_in", std), Parameter.Type.WEIGHT);
    mlpOut = addChildBlock("mlp_out", Linear.builder().setUnits(config.dModel()).build());
    mlpOut.setInitializer(new SeededNormal(seed, prefix + "mlp.W_out", std), Parameter.Type.WEIGHT);
  }

  static LayerNorm layerNorm() {
    return LayerNorm.builder().axis(2).build();
  }

  /**
   * The layer's parameters under their canonical names ({@code blocks.i.attn.W_Q}, {@code
   * blocks.i.mlp.W_in}, {@code blocks.i.ln1.gamma}, …), in a fixed order.
   *
   * @return name → parameter
   */
  Map<String, Parameter> namedParameters() {
    Map<String, Parameter> named = new LinkedHashMap<>();
    if (norm1 != null) {
      putNorm(named, prefix + "ln1.", norm1);
    }
    String[] attn = {"W_Q", "W_K", "W_V", "W_O"};
    Parameter[] weights = attention.weights();
    for (int i = 0; i < attn.length; i++) {
      named.put(prefix + "attn." + attn[i], weights[i]);
    }
    if (norm2 != null) {
      putNorm(named, prefix + "ln2.", norm2);
    }
    named.put(prefix + "mlp.W_in", mlpIn.getParameters().get("weight"));
    named.put(prefix + "mlp.b_in", mlpIn.getParameters().get("bias"));
    named.put(prefix + "mlp.W_out", mlpOut.getParameters().get("weight"));
    named.put(prefix + "mlp.b_out", mlpOut.getParameters().get("bias"));
    return named;
  }

  static void putNorm(Map<String, Parameter> named, String prefix, LayerNorm norm) {
    named.put(prefix + "gamma", norm.getParameters().get("gamma"));
    named.put(prefix + "beta", norm.getParameters().get("beta"));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forwardStream(store, inputs.singletonOrThrow(), training, false, Hook.NONE));
  }

  /**
   * The layer on a residual stream, at every position or at the last one only.
   *
   * <p>The last position's output needs every position's keys and values but no other position's
   * query, attention output or MLP; the model's last layer is run this way, which computes the same
   * logits with about half the work of a one-layer model.
   *
   * @param store parameter store
   * @param x (B, T, d)
   * @param training whether gradients will be taken
   * @param lastOnly compute only position T − 1
   * @param hook reads or replaces this layer's {@link HookPoint}s
   * @return (B, T, d), or (B, 1, d) when lastOnly
   */
  NDArray forwardStream(ParameterStore store, NDArray x, boolean training, boolean lastOnly, Hook hook) {
    x = hook.at(point(HookPoint.Kind.RESID_PRE), x);
    NDArray normed = apply(norm1, store, x, training);
    NDArray residual = x;
    NDArray queries = normed;
    if (lastOnly) {
      NDIndex last = new NDIndex(":, -1:, :");
      residual = x.get(last);
      queries = normed.get(last);
    }
    NDArray attended = hook.at(point(HookPoint.Kind.ATTN_OUT),
        attention.attend(store, queries, normed, training, hook, index));
    NDArray y = hook.at(point(HookPoint.Kind.RESID_MID), residual.add(attended));
    NDArray h = hook.at(point(HookPoint.Kind.MLP_POST),
        Activation.relu(apply(mlpIn, store, apply(norm2, store, y, training), training)));
    return hook.at(point(HookPoint.Kind.RESID_POST), y.add(apply(mlpOut, store, h, training)));
  }

  private HookPoint point(HookPoint.Kind kind) {
    return new HookPoint(kind, index);
  }

  /** Runs a single-input block, or returns x when the block is absent (LayerNorm off). */
  static NDArray apply(Block block, ParameterStore store, NDArray x, boolean training) {
    return block == null ? x : block.forward(store, new NDList(x), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = inputShapes[0];
    if (norm1 != null) {
      norm1.initialize(manager, dataType, x);
      norm2.initialize(manager, dataType, x);
    }
    attention.initialize(manager, dataType, x);
    mlpIn.initialize(manager, dataType, x);
    mlpOut.initialize(manager, dataType, new Shape(x.get(0), x.get(1), dMlp));
  }
}
