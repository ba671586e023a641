package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * N(0, std²) initialization drawn in Java from a {@link SplittableRandom} seeded by (run seed,
 * parameter name), so that a parameter's initial value depends on neither the engine's RNG nor the
 * order in which parameters are initialized.
 */
final class SeededNormal implements Initializer {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final double std;

  /**
   * Creates the initializer of one parameter.
   *
   * @param runSeed the run's seed
   * @param name the parameter's canonical name (e.g. {@code blocks.0.attn.W_Q})
   * @param std standard deviation ≥ 0
   */
  SeededNormal(long runSeed, String name, double std) {
    this.seed = runSeed ^ (name.hashCode() * GOLDEN_GAMMA);
    this.std = std;
  }

  /**
   * A weight parameter drawn from N(0, std²) by this initializer.
   *
   * @param name the DJL parameter name (e.g. {@code W_Q})
   * @param canonicalName the name that seeds it (e.g. {@code blocks.0.attn.W_Q})
   * @param shape its shape
   * @param runSeed the run's seed
   * @param std standard deviation
   * @return the uninitialized parameter
   */
  static Parameter weight(String name, String canonicalName, Shape shape, long runSeed, double std) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.WEIGHT)
        .optShape(shape)
        .optInitializer(new SeededNormal(runSeed, canonicalName, std))
        .build();
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    long size = shape.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter of shape " + shape + " is too large");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    float[] values = new float[(int) size];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (std * rng.nextGaussian());
    }
    // parameters are saved by every matMul's backward pass: their memory must be libtorch's own
    return NativeArrays.of(manager, values, shape).toType(dataType, false);
  }
}
