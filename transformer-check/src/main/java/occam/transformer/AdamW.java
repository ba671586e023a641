package occam.transformer;

import occam.transformer.records.AdamWConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay and linear warm-up, applied in place on NDArrays; the formulas
 * are in {@link AdamWConfig}.
 *
 * <p>Written out rather than taken from DJL: DJL's Adam adds weight decay to the gradient (ℓ2, not
 * decoupled), has no warm-up of its own decay, and keeps its moments where a checkpoint cannot reach
 * them. Here the moments m, v and the update count t are plain state that {@link Checkpoint} saves
 * and restores, so a resumed run continues bit for bit.
 *
 * <p>Gradients are read from the parameters' arrays after {@code backward} and zeroed after the
 * update (the PyTorch engine accumulates gradients across backward passes).
 */
public final class AdamW implements AutoCloseable {
  private final AdamWConfig config;
  private final NDManager manager;
  private final List<String> names;
  private final List<Parameter> parameters;
  private final List<NDArray> firstMoments = new ArrayList<>();
  private final List<NDArray> secondMoments = new ArrayList<>();
  private long updates;

  /**
   * Creates the optimizer with zero moments.
   *
   * @param config hyperparameters
   * @param parameters the initialized parameters to update, by canonical name
   * @param parent manager under which the moments are kept (same device as the parameters)
   */
  public AdamW(AdamWConfig config, Map<String, Parameter> parameters, NDManager parent) {
    this.config = config;
    this.manager = parent.newSubManager();
    this.names = List.copyOf(parameters.keySet());
    this.parameters = List.copyOf(parameters.values());
    for (Parameter p : this.parameters) {
      NDArray w = p.getArray();
      firstMoments.add(manager.zeros(w.getShape(), w.getDataType()));
      secondMoments.add(manager.zeros(w.getShape(), w.getDataType()));
    }
  }

  /** @return the hyperparameters */
  public AdamWConfig config() {
    return config;
  }

  /** @return t, the number of updates applied so far */
  public long updates() {
    return updates;
  }

  /** @return the learning rate the next update will use */
  public double nextLearningRate() {
    return config.learningRate(updates + 1);
  }

  /**
   * Applies update t + 1 to every parameter from its current gradient, then zeroes the gradients.
   *
   * @throws IllegalStateException if a parameter has no gradient
   */
  public void step() {
    long t = updates + 1;
    double lr = config.learningRate(t);
    double decay = 1 - lr * config.weightDecay(t);
    double b1 = config.beta1();
    double b2 = config.beta2();
    double stepSize = lr / (1 - Math.pow(b1, t));
    double sqrtBias2 = Math.sqrt(1 - Math.pow(b2, t));
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (int i = 0; i < parameters.size(); i++) {
        NDArray w = parameters.get(i).getArray();
        if (!w.hasGradient()) {
          throw new IllegalStateException("parameter " + names.get(i) + " has no gradient");
        }
        NDArray g = w.getGradient();
        NDArray m = firstMoments.get(i);
        NDArray v = secondMoments.get(i);
        w.muli(decay);
        m.muli(b1).addi(g.mul(1 - b1));
        v.muli(b2).addi(g.square().muli(1 - b2));
        NDArray denominator = v.sqrt().divi(sqrtBias2).addi(config.eps());
        w.subi(m.div(denominator).muli(stepSize));
        g.muli(0);
      }
    }
    updates = t;
  }

  /** @return name → first moment m (copied to Java) */
  public Map<String, float[]> firstMoments() {
    return toJava(firstMoments);
  }

  /** @return name → second moment v (copied to Java) */
  public Map<String, float[]> secondMoments() {
    return toJava(secondMoments);
  }

  private Map<String, float[]> toJava(List<NDArray> arrays) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), arrays.get(i).toFloatArray());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Restores the state saved by {@link #firstMoments()}, {@link #secondMoments()} and {@link
   * #updates()}.
   *
   * @param t updates applied so far
   * @param m name → first moment
   * @param v name → second moment
   * @throws IllegalArgumentException if a parameter is missing or has another size
   */
  public void restore(long t, Map<String, float[]> m, Map<String, float[]> v) {
    if (t < 0) {
      throw new IllegalArgumentException("update count " + t + " is not allowed: it must be >= 0");
    }
    for (int i = 0; i < names.size(); i++) {
      set(firstMoments.get(i), m.get(names.get(i)), "first moment of " + names.get(i));
      set(secondMoments.get(i), v.get(names.get(i)), "second moment of " + names.get(i));
    }
    updates = t;
  }

  private static void set(NDArray target, float[] values, String what) {
    if (values == null || values.length != target.size()) {
      throw new IllegalArgumentException(
          what + " has " + (values == null ? "no values" : values.length + " values")
              + ", expected " + target.size());
    }
    assign(target, values);
  }

  /**
   * Overwrites a finite array in place with exactly the given values. Written as target·0 + values
   * rather than {@link NDArray#set(float[])}, which makes libtorch print a deprecation warning on
   * stderr; for finite targets the two are bit-identical.
   *
   * @param target array to overwrite (its values must be finite)
   * @param values new values, row-major, as many as the target holds
   */
  public static void assign(NDArray target, float[] values) {
    try (NDArray source = target.getManager().create(values, target.getShape())) {
      target.muli(0).addi(source);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
