package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import occam.transformer.NativeArrays;
import occam.transformer.DecoderTransformer;
import occam.transformer.records.ModelConfig;

/**
 * The parameters of K members stacked on a leading member axis: for each canonical name of {@link
 * DecoderTransformer#namedParameters()} one array of shape [K, ...single-model shape], member k at
 * index k. The arrays require gradients; autograd fills each member's slice from its own loss only.
 */
public final class StackedParameters implements AutoCloseable {
  private final ModelConfig model;
  private final NDManager manager;
  private final Map<String, Shape> shapes;
  private final Map<String, NDArray> arrays;
  private final int members;

  private StackedParameters(ModelConfig model, NDManager manager, Map<String, Shape> shapes, List<Map<String, float[]>> values) {
    this.model = model;
    this.manager = manager;
    this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    this.members = values.size();
    this.arrays = Collections.unmodifiableMap(stack(manager, shapes, values, true));
  }

  /**
   * Each member initialized exactly as a single {@link DecoderTransformer} with its seed: the single
   * model is built, copied into the stack and closed.
   *
   * @param model the shared architecture
   * @param seeds one initialization seed per member
   * @param parent manager under which the stacked arrays live
   * @return the stacked parameters
   * @throws IllegalArgumentException if there are no seeds
   */
  public static StackedParameters initial(ModelConfig model, long[] seeds, NDManager parent) {
    if (seeds.length == 0) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    Map<String, Shape> shapes = new LinkedHashMap<>();
    List<Map<String, float[]>> values = new ArrayList<>();
    for (long seed : seeds) {
      try (NDManager scratch = parent.newSubManager()) {
        Map<String, float[]> member = new LinkedHashMap<>();
        DecoderTransformer.create(model, seed, scratch).namedParameters().forEach((name, p) -> {
          shapes.put(name, p.getArray().getShape());
          member.put(name, p.getArray().toFloatArray());
        });
        values.add(member);
      }
    }
    return new StackedParameters(model, parent.newSubManager(), shapes, values);
  }

  /**
   * Stacks given member values (e.g. restored from checkpoints).
   *
   * @param model the shared architecture
   * @param values per member, canonical name → row-major values
   * @param parent manager under which the stacked arrays live
   * @return the stacked parameters
   * @throws IllegalArgumentException if there are no members or a tensor is missing or has another size
   */
  public static StackedParameters of(ModelConfig model, List<Map<String, float[]>> values, NDManager parent) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    Map<String, Shape> shapes = new LinkedHashMap<>();
    try (NDManager scratch = parent.newSubManager()) {
      DecoderTransformer.create(model, 0, scratch).namedParameters()
          .forEach((name, p) -> shapes.put(name, p.getArray().getShape()));
    }
    return new StackedParameters(model, parent.newSubManager(), shapes, values);
  }

  /** Stacks per-member values of the given shapes into [K, ...] arrays. */
  static Map<String, NDArray> stack(
      NDManager manager, Map<String, Shape> shapes, List<Map<String, float[]>> values, boolean gradient) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    int k = values.size();
    shapes.forEach((name, shape) -> {
      int size = Math.toIntExact(shape.size());
      float[] all = new float[k * size];
      for (int i = 0; i < k; i++) {
        float[] v = values.get(i).get(name);
        if (v == null || v.length != size) {
          throw new IllegalArgumentException("member " + i + ": tensor " + name + " has "
              + (v == null ? "no values" : v.length + " values") + ", expected " + size);
        }
        System.arraycopy(v, 0, all, i * size, size);
      }
      NDArray array = NativeArrays.keep(NativeArrays.owned(manager.create(all, new Shape(k).addAll(shape))));
      array.setRequiresGradient(gradient);
      out.put(name, array);
    });
    return out;
  }

  /** @return the shared architecture */
  public ModelConfig model() {
    return model;
  }

  /** @return K */
  public int members() {
    return members;
  }

  /** @return canonical name → single-model shape, in {@link DecoderTransformer#namedParameters()} order */
  public Map<String, Shape> shapes() {
    return shapes;
  }

  /** @return canonical name → stacked [K, ...] array */
  public Map<String, NDArray> arrays() {
    return arrays;
  }

  /**
   * The stacked array of one parameter.
   *
   * @param name canonical name
   * @return [K, ...]
   * @throws IllegalArgumentException for an unknown name
   */
  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter named " + name);
    }
    return a;
  }

  /**
   * One member's parameters, copied to Java (for checkpoints and measurements).
   *
   * @param k member index
   * @return canonical name → row-major values
   */
  public Map<String, float[]> member(int k) {
    return slice(arrays, k);
  }

  /** Member k's slice of each stacked array, copied to Java. */
  static Map<String, float[]> slice(Map<String, NDArray> stacked, int k) {
    Map<String, float[]> out = new LinkedHashMap<>();
    stacked.forEach((name, a) -> {
      try (NDArray s = a.get(k)) {
        out.put(name, s.toFloatArray());
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * A new stack holding only the given members, in the given order (this one is left as it was).
   *
   * @param keep member indices
   * @param parent manager of the new stack
   * @return the smaller stack
   */
  public StackedParameters retain(int[] keep, NDManager parent) {
    List<Map<String, float[]>> values = new ArrayList<>();
    for (int k : keep) {
      values.add(member(k));
    }
    return new StackedParameters(model, parent.newSubManager(), shapes, values);
  }

  @Override
  public void close() {
    manager.close();
  }
}
