package occam.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
final class NativeArrays {
  private NativeArrays() {}

  /**
   * A float32 scalar allocated by libtorch ({@code torch::full}).
   *
   * @param manager owner
   * @param value the value
   * @return a 0-dimensional array
   */
  static NDArray scalar(NDManager manager, float value) {
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
  static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }
}
