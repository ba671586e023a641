package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays whose memory libtorch owns, for constants that enter the autograd graph: the same reason
 * and the same two lines as {@code occam.transformer.NativeArrays} (package-private there; to be
 * de-duplicated once the training loop is split).
 */
final class Natives {
  private Natives() {}

  /**
   * Takes a long-lived array out of any open {@link NDScope}, so that state built inside a step's
   * scope (e.g. when members are dropped) outlives it; its manager still closes it.
   */
  static NDArray keep(NDArray array) {
    NDScope.unregister(array);
    return array;
  }

  /** A float32 scalar allocated by libtorch. */
  static NDArray scalar(NDManager manager, float value) {
    return manager.full(new Shape(), value, DataType.FLOAT32);
  }

  /** A float32 array with the given values, copied into libtorch memory. */
  static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }

  /** A float64 array with the given values, copied into libtorch memory. */
  static NDArray of(NDManager manager, double[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }

  /** An int32 array with the given values, copied into libtorch memory. */
  static NDArray of(NDManager manager, int[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }

  /** An int64 array with the given values, copied into libtorch memory. */
  static NDArray of(NDManager manager, long[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }
}
