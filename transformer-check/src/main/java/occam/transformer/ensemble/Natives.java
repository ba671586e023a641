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

  /**
   * A copy in libtorch memory of an array that wraps Java data; the wrapper is closed.
   *
   * @param javaBacked e.g. {@code manager.create(values, shape)}
   * @return the owned copy, on the same manager
   */
  static NDArray owned(NDArray javaBacked) {
    try (NDArray wrapper = javaBacked) {
      return wrapper.duplicate();
    }
  }
}
