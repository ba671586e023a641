package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The floating-point rate of this machine's engine, measured on a few float32 matrix products in well
 * under a second: what a step of a large model costs here ({@link occam.transformer.records.TrainingCost}).
 */
public final class MatmulRate {
  /** Side of the square matrices multiplied. */
  static final int N = 384;

  /** Products timed (after one untimed warm-up). */
  static final int PRODUCTS = 8;

  private MatmulRate() {}

  /**
   * Measures the rate on the engine's default device.
   *
   * @return floating-point operations per second (2N³ per product)
   */
  public static double measure() {
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device())) {
      NDArray a = manager.randomUniform(0f, 1f, new Shape(N, N));
      NDArray b = manager.randomUniform(0f, 1f, new Shape(N, N));
      a.matMul(b).toFloatArray();
      long t0 = System.nanoTime();
      NDArray c = a;
      for (int i = 0; i < PRODUCTS; i++) {
        c = a.matMul(b);
      }
      c.toFloatArray();
      double seconds = Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
      return 2.0 * N * N * N * PRODUCTS / seconds;
    }
  }
}
