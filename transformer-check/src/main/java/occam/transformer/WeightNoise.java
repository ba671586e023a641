package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Noisy weights (DeMoss et al., seed 002 §4.1, eq. 10; {@code --weight-noise σ}): at each forward pass
 * of training every parameter θ becomes θ + ε with ε ~ N(0, σ²) element-wise, the loss's gradient is
 * taken at θ + ε, and that gradient is applied to the clean θ (the optimizer never sees ε).
 *
 * <p>ε of step s and parameter name is drawn in Java from a {@link SplittableRandom} seeded by (run
 * seed, name, s), as {@link SeededNormal} draws the initialization: reproducible, independent of the
 * engine's RNG, and the same for a run resumed at any step. The clean values are put back exactly
 * (θ·0 + θ from a copy, as {@link AdamW#assign}), so σ = 0 is today's training bit for bit (the loop
 * then does not call this class at all).
 */
public final class WeightNoise {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final double sigma;

  /**
   * The noise of a run.
   *
   * @param seed the run's seed
   * @param sigma σ ≥ 0
   * @throws IllegalArgumentException if σ is negative or not finite
   */
  public WeightNoise(long seed, double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("weight-noise = " + sigma + " is not allowed: it must be finite and >= 0");
    }
    this.seed = seed;
    this.sigma = sigma;
  }

  /** @return σ */
  public double sigma() {
    return sigma;
  }

  /** @return whether σ &gt; 0 */
  public boolean isOn() {
    return sigma > 0;
  }

  /**
   * ε of one parameter at one step.
   *
   * @param name canonical parameter name
   * @param size number of values
   * @param step the step s whose gradient pass it perturbs
   * @return size draws of N(0, σ²), rounded to float32
   */
  public float[] draw(String name, int size, long step) {
    SplittableRandom rng = new SplittableRandom(seed ^ (name.hashCode() * GOLDEN_GAMMA) ^ (step * 0xBF58476D1CE4E5B9L));
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = (float) (sigma * rng.nextGaussian());
    }
    return out;
  }

  /**
   * Runs a gradient pass at θ + ε: adds step s's noise to every parameter, runs the pass (whose
   * gradients land on the parameters), then puts the clean values back; the gradients stay.
   *
   * @param <T> what the pass returns
   * @param params name → parameter, in canonical order
   * @param step s
   * @param pass the forward and backward pass
   * @return the pass's result
   */
  public <T> T atNoisyPoint(Map<String, Parameter> params, long step, Supplier<T> pass) {
    List<NDArray> clean = new ArrayList<>();
    List<NDArray> arrays = new ArrayList<>();
    params.forEach((name, p) -> {
      NDArray w = p.getArray();
      clean.add(w.duplicate());
      arrays.add(w);
      try (NDArray eps = w.getManager().create(draw(name, Math.toIntExact(w.size()), step), w.getShape())) {
        w.addi(eps);
      }
    });
    try {
      return pass.get();
    } finally {
      for (int i = 0; i < arrays.size(); i++) {
        arrays.get(i).muli(0).addi(clean.get(i));
        clean.get(i).close();
      }
    }
  }
}
