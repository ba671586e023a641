package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * NDArrays whose memory libtorch owns, for constants that enter the autograd graph.
 *
 * <p>Why: on the CPU, DJL 0.35's PyTorch engine wraps Java data without copying ({@code
 * torch::from_blob} on a direct {@code ByteBuffer} that only the Java wrapper keeps alive), and its
 * scalar overloads ({@code div(Number)}, {@code mul(Number)}, …) build such a tensor and close it
 * right after the operation. When autograd saves that operand for the backward pass (a division
 * saves its divisor), the backward pass may read it after the garbage collector has freed the
 * buffer: a use-after-free that surfaced here as rare NaN gradients of W_Q, W_K and W_E, and that a
 * test provokes deterministically ({@code DecoderTransformerTest}). Java-backed arrays stay safe as
 * inputs consumed at once (token ids) and as long-lived wrappers; constants of the graph are made
 * here instead.
 */
public final class NativeArrays {
  private NativeArrays() {}

  /**
   * A float32 scalar allocated by libtorch ({@code torch::full}).
   *
   * @param manager owner
   * @param value the value
   * @return a 0-dimensional array
   */
  public static NDArray scalar(NDManager manager, float value) {
    return manager.full(new Shape(), value, DataType.FLOAT32);
  }

  /**
   * A float32 array with the given values, copied into memory libtorch owns.
   *
   * @param manager owner
   * @param values row-major values
   * @param shape the shape
   * @return the array
   */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    return owned(manager.create(values, shape));
  }

  /**
   * A copy in libtorch memory of an array that wraps Java data; the wrapper is closed.
   *
   * @param javaBacked e.g. {@code manager.create(values, shape)}
   * @return the owned copy, on the same manager
   */
  public static NDArray owned(NDArray javaBacked) {
    try (NDArray wrapper = javaBacked) {
      return wrapper.duplicate();
    }
  }

  /**
   * Takes a long-lived array out of any open {@link NDScope}, so that state built inside a step's
   * scope (e.g. when ensemble members are dropped) outlives it; its manager still closes it.
   *
   * @param array the array
   * @return the same array
   */
  public static NDArray keep(NDArray array) {
    NDScope.unregister(array);
    return array;
  }
}
