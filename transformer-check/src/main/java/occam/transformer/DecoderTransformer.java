package occam.transformer;

import occam.transformer.records.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder-only transformer of SPEC §6, composed from DJL blocks. On tokens (B, T):
 *
 * <pre>
 *   x₀ = onehot(tokens)·W_E + W_pos                (B, T, d); W_E is V×d, W_pos is T×d
 *   x_{l+1} = DecoderLayer_l(x_l), l = 0..L−1      (pre-norm, causal; see {@link DecoderLayer})
 *   logits = LN_final(x_L)[:, T−1, :]·W_Uᵀ          (B, p): only the last position ('=') is read
 * </pre>
 *
 * Since only position T−1 is read, the last layer is computed there alone (its keys and values
 * still come from every position); {@link #residualStream} computes every position. {@link #logits}
 * runs the same pass under a {@link Hook} that may read or replace the named activations ({@link
 * HookPoint}) and bypass layers: the one intervention path of the analyses.
 *
 * The unembedding maps straight to the p classes (no '=' class) and has no bias. Initialization
 * (Nanda et al. 2023): W_E, W_pos and every layer weight N(0, 1/d), W_U N(0, 1/V), biases 0,
 * LayerNorm γ = 1, β = 0; each parameter is drawn from its own seeded stream ({@link SeededNormal}).
 */
public final class DecoderTransformer extends AbstractBlock {
  private final ModelConfig config;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<DecoderLayer> layers = new ArrayList<>();
  private final LayerNorm finalNorm;
  private final Linear unembed;

  /**
   * Creates an uninitialized model; call {@link #initialize(NDManager, DataType, Shape...)} with
   * input shape (B, T), or use {@link #create(ModelConfig, long, NDManager)}.
   *
   * @param config the architecture
   * @param seed seed of the initialization
   */
  public DecoderTransformer(ModelConfig config, long seed) {
    this.config = config;
    double std = 1.0 / Math.sqrt(config.dModel());
    tokenEmbedding = addParameter(
        SeededNormal.weight("W_E", "embed.W_E", new Shape(config.vocab(), config.dModel()), seed, std));
    positionEmbedding = addParameter(
        SeededNormal.weight("W_pos", "embed.W_pos", new Shape(config.context(), config.dModel()), seed, std));
    for (int l = 0; l < config.layers(); l++) {
      layers.add(addChildBlock("layer" + l, new DecoderLayer(config, l, seed)));
    }
    finalNorm = config.layerNorm() ? addChildBlock("ln_final", DecoderLayer.layerNorm()) : null;
    unembed = addChildBlock("unembed", Linear.builder().setUnits(config.classes()).optBias(false).build());
    unembed.setInitializer(
        new SeededNormal(seed, "unembed.W_U", 1.0 / Math.sqrt(config.vocab())), Parameter.Type.WEIGHT);
  }

  /**
   * Creates and initializes a model on the manager's device.
   *
   * @param config the architecture
   * @param seed seed of the initialization
   * @param manager owner of the parameters
   * @return the initialized model
   */
  public static DecoderTransformer create(ModelConfig config, long seed, NDManager manager) {
    DecoderTransformer model = new DecoderTransformer(config, seed);
    model.initialize(manager, DataType.FLOAT32, new Shape(1, config.context()));
    return model;
  }

  /** @return the architecture */
  public ModelConfig config() {
    return config;
  }

  /**
   * All parameters under canonical names, in a fixed order: {@code embed.W_E}, {@code embed.W_pos},
   * then per layer i {@code blocks.i.ln1.gamma/beta} (LayerNorm on), {@code blocks.i.attn.W_Q/W_K/W_V/W_O},
   * {@code blocks.i.ln2.gamma/beta}, {@code blocks.i.mlp.W_in/b_in/W_out/b_out}, then {@code
   * ln_final.gamma/beta} and {@code unembed.W_U}. Shapes: W_E V×d, W_pos T×d, attention d×d
   * (x·W), W_in d_mlp×d and W_out d×d_mlp (DJL's Linear layout, W·x), W_U p×d.
   *
   * @return an unmodifiable name → parameter map
   */
  public Map<String, Parameter> namedParameters() {
    Map<String, Parameter> named = new LinkedHashMap<>();
    named.put("embed.W_E", tokenEmbedding);
    named.put("embed.W_pos", positionEmbedding);
    for (DecoderLayer layer : layers) {
      named.putAll(layer.namedParameters());
    }
    if (finalNorm != null) {
      DecoderLayer.putNorm(named, "ln_final.", finalNorm);
    }
    named.put("unembed.W_U", unembed.getParameters().get("weight"));
    return Collections.unmodifiableMap(named);
  }

  /**
   * The residual stream after the last layer (and the final LayerNorm when on), at every position.
   *
   * @param store parameter store
   * @param tokens (B, T) integer token ids
   * @param training whether gradients will be taken
   * @return (B, T, d)
   */
  public NDArray residualStream(ParameterStore store, NDArray tokens, boolean training) {
    return residualStream(store, tokens, training, false, Hook.NONE);
  }

  /**
   * The last-position logits of a forward pass (no gradients) whose activations a hook may read or
   * replace and whose layers it may bypass; with {@link Hook#NONE} these are the logits of {@link
   * #forward}, bit for bit (the same operations run).
   *
   * @param store parameter store
   * @param tokens (B, T) integer token ids
   * @param hook the intervention
   * @return (B, p)
   */
  public NDArray logits(ParameterStore store, NDArray tokens, Hook hook) {
    return lastLogits(store, tokens, false, hook);
  }

  /**
   * Copies of every weight, the inverse of {@link #load}.
   *
   * @return one tensor per entry of {@link #namedParameters()}, in that order
   */
  public List<NamedTensor> tensors() {
    List<NamedTensor> tensors = new ArrayList<>();
    namedParameters().forEach((name, p) -> tensors.add(new NamedTensor(name,
        Arrays.stream(p.getArray().getShape().getShape()).mapToInt(Math::toIntExact).toArray(),
        p.getArray().toFloatArray())));
    return tensors;
  }

  /**
   * Replaces every weight by the tensor of its name, e.g. a {@link Checkpoint}'s parameters.
   *
   * @param tensors one tensor per entry of {@link #namedParameters()}, in any order
   * @throws IllegalArgumentException if a parameter has no tensor, or a tensor has no parameter or
   *     another shape
   */
  public void load(List<NamedTensor> tensors) {
    Map<String, Parameter> params = namedParameters();
    Map<String, NamedTensor> byName = new LinkedHashMap<>();
    for (NamedTensor t : tensors) {
      Parameter p = params.get(t.name());
      if (p == null || !Arrays.equals(p.getArray().getShape().getShape(), Arrays.stream(t.shape()).asLongStream().toArray())) {
        throw new IllegalArgumentException("tensor " + t.name() + " of shape " + Arrays.toString(t.shape())
            + " does not fit this model");
      }
      byName.put(t.name(), t);
    }
    params.forEach((name, p) -> {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("parameter " + name + " has no tensor");
      }
      AdamW.assign(p.getArray(), byName.get(name).data());
    });
  }

  /**
   * The residual stream, at every position or (lastOnly) at the last one: the last layer then
   * skips the queries, attention outputs and MLPs of the other positions, which nothing reads.
   */
  private NDArray residualStream(ParameterStore store, NDArray tokens, boolean training, boolean lastOnly, Hook hook) {
    NDArray oneHot = tokens.oneHot(config.vocab(), DataType.FLOAT32);
    NDArray x =
        oneHot
            .matMul(store.getValue(tokenEmbedding, tokens.getDevice(), training))
            .add(store.getValue(positionEmbedding, tokens.getDevice(), training));
    for (int l = 0; l < layers.size(); l++) {
      if (!hook.bypasses(l)) {
        x = layers.get(l).forwardStream(store, x, training, lastOnly && l == layers.size() - 1, hook);
      }
    }
    return DecoderLayer.apply(finalNorm, store, x, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(lastLogits(store, inputs.singletonOrThrow(), training, Hook.NONE));
  }

  private NDArray lastLogits(ParameterStore store, NDArray tokens, boolean training, Hook hook) {
    NDArray last = residualStream(store, tokens, training, true, hook).get(new NDIndex(":, -1, :"));
    return unembed.forward(store, new NDList(last), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.classes())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape residual = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.dModel());
    for (DecoderLayer layer : layers) {
      layer.initialize(manager, dataType, residual);
    }
    if (finalNorm != null) {
      finalNorm.initialize(manager, dataType, residual);
    }
    unembed.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.dModel()));
  }
}
