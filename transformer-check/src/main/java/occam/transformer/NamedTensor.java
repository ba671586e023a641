package occam.transformer;

import java.util.Arrays;

/**
 * A copy of one parameter tensor, row-major, under its canonical name (see {@link
 * DecoderTransformer#namedParameters()}); what the engine-free measurements take.
 *
 * @param name canonical name, e.g. {@code blocks.0.mlp.W_in}
 * @param shape dimensions, outermost first
 * @param data values, row-major, length = product of the shape
 */
public record NamedTensor(String name, int[] shape, float[] data) {

  /**
   * Validates the tensor.
   *
   * @throws IllegalArgumentException if the name is empty, a dimension is negative or the data
   *     length is not the product of the shape
   */
  public NamedTensor {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("tensor name must not be empty");
    }
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("tensor " + name + " has negative dimension " + dim);
      }
      size *= dim;
    }
    if (data.length != size) {
      throw new IllegalArgumentException(
          "tensor " + name + " of shape " + Arrays.toString(shape) + " needs " + size
              + " values, got " + data.length);
    }
  }

  /** @return true for a matrix (two dimensions) */
  public boolean isMatrix() {
    return shape.length == 2;
  }

  /** @return the number of values */
  public int size() {
    return data.length;
  }
}
