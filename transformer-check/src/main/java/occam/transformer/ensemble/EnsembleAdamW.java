package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import occam.transformer.NativeArrays;
import occam.transformer.AdamW;
import occam.transformer.records.AdamWConfig;

/**
 * {@link AdamW} for K stacked members, each with its own {@link AdamWConfig} and update count t_k:
 * the same element-wise update as the single-model optimizer (decoupled decay on every parameter,
 * bias-corrected moments, linear warm-up), with the per-member scalars as [K, 1, …] tensors so that
 * one set of array ops updates all members of a parameter:
 *
 * <pre>
 *   θ ← θ·(1 − η_k·λ_k(t));  m ← β₁·m + (1−β₁)·g;  v ← β₂·v + (1−β₂)·g²
 *   θ ← θ − (η_k/(1−β₁^{t_k}))·m / (√v/√(1−β₂^{t_k}) + ε)
 * </pre>
 *
 * Each scalar is rounded to float32 before it multiplies a float32 array, as the single optimizer's
 * {@code mul(double)} does, so a member's update is bit-identical to {@link AdamW}'s given the same
 * gradient. A frozen member gets η = 0, λ·η = 0, β₁ = β₂ = 1: its θ, m, v (and t) stay exactly as
 * they are while the others move on, as long as its gradient is finite (a diverged member's NaN
 * gradient still reaches its own m and v: drop it with {@link #retain} instead).
 */
public final class EnsembleAdamW implements AutoCloseable {
  private final List<AdamWConfig> configs;
  private final StackedParameters params;
  private final NDManager manager;
  private final Map<String, NDArray> firstMoments;
  private final Map<String, NDArray> secondMoments;
  private final long[] updates;
  private final boolean[] frozen;

  /**
   * Creates the optimizer with zero moments.
   *
   * @param configs one configuration per member, in member order
   * @param params the stacked parameters it updates
   * @param parent manager under which the moments are kept
   * @throws IllegalArgumentException if the number of configurations is not K
   */
  public EnsembleAdamW(List<AdamWConfig> configs, StackedParameters params, NDManager parent) {
    if (configs.size() != params.members()) {
      throw new IllegalArgumentException(
          configs.size() + " optimizer configurations for " + params.members() + " members");
    }
    this.configs = List.copyOf(configs);
    this.params = params;
    this.manager = parent.newSubManager();
    this.firstMoments = zeros(params, manager);
    this.secondMoments = zeros(params, manager);
    this.updates = new long[configs.size()];
    this.frozen = new boolean[configs.size()];
  }

  private static Map<String, NDArray> zeros(StackedParameters params, NDManager manager) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    params.arrays().forEach((name, w) -> out.put(name, NativeArrays.keep(manager.zeros(w.getShape(), w.getDataType()))));
    return out;
  }

  /** @return t_k per member (a copy) */
  public long[] updates() {
    return updates.clone();
  }

  /** @return the members' configurations */
  public List<AdamWConfig> configs() {
    return configs;
  }

  /**
   * Stops updating member k: its parameters, moments and t stay as they are.
   *
   * @param k member index
   */
  public void freeze(int k) {
    frozen[k] = true;
  }

  /** @return whether member k is frozen */
  public boolean isFrozen(int k) {
    return frozen[k];
  }

  /**
   * Applies update t_k + 1 to every active member from its gradient, then zeroes all gradients.
   *
   * @throws IllegalStateException if a parameter has no gradient
   */
  public void step() {
    int k = updates.length;
    float[][] scalars = new float[7][k];
    for (int i = 0; i < k; i++) {
      AdamWConfig c = configs.get(i);
      if (frozen[i]) {
        scalars[0][i] = 1; // decay
        scalars[1][i] = 1; // beta1
        scalars[2][i] = 0; // 1 - beta1
        scalars[3][i] = 1; // beta2
        scalars[4][i] = 0; // 1 - beta2
        scalars[5][i] = 1; // sqrt(1 - beta2^t)
        scalars[6][i] = 0; // step size
        continue;
      }
      long t = updates[i] + 1;
      double lr = c.learningRate(t);
      scalars[0][i] = (float) (1 - lr * c.weightDecay(t));
      scalars[1][i] = (float) c.beta1();
      scalars[2][i] = (float) (1 - c.beta1());
      scalars[3][i] = (float) c.beta2();
      scalars[4][i] = (float) (1 - c.beta2());
      scalars[5][i] = (float) Math.sqrt(1 - Math.pow(c.beta2(), t));
      scalars[6][i] = (float) (lr / (1 - Math.pow(c.beta1(), t)));
    }
    float eps = (float) configs.get(0).eps();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray all = NativeArrays.owned(manager.create(flatten(scalars), new Shape(scalars.length, k)));
      Map<Integer, NDArray[]> byRank = new LinkedHashMap<>();
      params.arrays().forEach((name, w) -> {
        if (!w.hasGradient()) {
          throw new IllegalStateException("parameter " + name + " has no gradient");
        }
        NDArray[] s = byRank.computeIfAbsent(w.getShape().dimension(), rank -> broadcast(all, rank));
        NDArray g = w.getGradient();
        NDArray m = firstMoments.get(name);
        NDArray v = secondMoments.get(name);
        w.muli(s[0]);
        m.muli(s[1]).addi(g.mul(s[2]));
        v.muli(s[3]).addi(g.square().muli(s[4]));
        NDArray denominator = v.sqrt().divi(s[5]).addi(eps);
        w.subi(m.div(denominator).muli(s[6]));
        g.muli(0);
      });
    }
    for (int i = 0; i < k; i++) {
      if (!frozen[i]) {
        updates[i]++;
      }
    }
  }

  /** Row r of the (7, K) scalar table as a (K, 1, …, 1) array of the given rank. */
  private static NDArray[] broadcast(NDArray all, int rank) {
    long k = all.getShape().get(1);
    long[] shape = new long[rank];
    Arrays.fill(shape, 1);
    shape[0] = k;
    NDArray[] out = new NDArray[(int) all.getShape().get(0)];
    for (int r = 0; r < out.length; r++) {
      out[r] = all.get(r).reshape(shape);
    }
    return out;
  }

  private static float[] flatten(float[][] rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * rows[r].length, rows[r].length);
    }
    return out;
  }

  /** @return member k's first moments m, copied to Java */
  public Map<String, float[]> firstMoments(int k) {
    return StackedParameters.slice(firstMoments, k);
  }

  /** @return member k's second moments v, copied to Java */
  public Map<String, float[]> secondMoments(int k) {
    return StackedParameters.slice(secondMoments, k);
  }

  /**
   * Restores every member's state (as saved by {@link #firstMoments}, {@link #secondMoments} and
   * {@link #updates}).
   *
   * @param t update count per member
   * @param m per member, name → first moment
   * @param v per member, name → second moment
   * @throws IllegalArgumentException if a count is negative or a tensor is missing or has another size
   */
  public void restore(long[] t, List<Map<String, float[]>> m, List<Map<String, float[]>> v) {
    if (t.length != updates.length || m.size() != updates.length || v.size() != updates.length) {
      throw new IllegalArgumentException("restore needs the state of all " + updates.length + " members");
    }
    for (long x : t) {
      if (x < 0) {
        throw new IllegalArgumentException("update count " + x + " is not allowed: it must be >= 0");
      }
    }
    replace(firstMoments, m);
    replace(secondMoments, v);
    System.arraycopy(t, 0, updates, 0, t.length);
  }

  private void replace(Map<String, NDArray> target, List<Map<String, float[]>> values) {
    Map<String, NDArray> fresh = StackedParameters.stack(manager, params.shapes(), values, false);
    target.values().forEach(NDArray::close);
    target.putAll(fresh);
  }

  /**
   * A new optimizer for {@link StackedParameters#retain} of the same members: their configurations,
   * moments, counts and frozen flags carried over.
   *
   * @param keep member indices, as given to {@code retain}
   * @param retained the retained parameters
   * @param parent manager of the new optimizer
   * @return the smaller optimizer
   */
  public EnsembleAdamW retain(int[] keep, StackedParameters retained, NDManager parent) {
    List<AdamWConfig> c = new ArrayList<>();
    List<Map<String, float[]>> m = new ArrayList<>();
    List<Map<String, float[]>> v = new ArrayList<>();
    long[] t = new long[keep.length];
    for (int i = 0; i < keep.length; i++) {
      c.add(configs.get(keep[i]));
      m.add(firstMoments(keep[i]));
      v.add(secondMoments(keep[i]));
      t[i] = updates[keep[i]];
    }
    EnsembleAdamW out = new EnsembleAdamW(c, retained, parent);
    out.restore(t, m, v);
    for (int i = 0; i < keep.length; i++) {
      out.frozen[i] = frozen[keep[i]];
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
