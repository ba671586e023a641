package occam.fourier;

/**
 * An in-place 2D DFT of a square m×m complex matrix stored row-major as interleaved re/im
 * ({@code a[2(r·m + c)]} real, {@code a[2(r·m + c) + 1]} imaginary — the JTransforms layout).
 *
 * <p>Implementations are not required to be thread-safe: use one instance per thread.
 */
public interface Dft2 {
  /** @return m, the side of the matrices this transform takes */
  int size();

  /** @return where the 1/m factors go */
  DftNormalization normalization();

  /**
   * Transforms {@code a} in place.
   *
   * @param a interleaved m×m complex matrix, length 2m²
   * @param direction forward or inverse
   * @throws IllegalArgumentException if {@code a.length != 2m²}
   */
  void transform(double[] a, TransformDirection direction);

  /**
   * Forward transform in place.
   *
   * @param a interleaved m×m complex matrix
   */
  default void forward(double[] a) {
    transform(a, TransformDirection.FORWARD);
  }

  /**
   * Inverse transform in place.
   *
   * @param a interleaved m×m complex matrix
   */
  default void inverse(double[] a) {
    transform(a, TransformDirection.INVERSE);
  }

  /**
   * Checks an argument's length against 2m².
   *
   * @param a the array
   * @param m the side
   * @throws IllegalArgumentException on mismatch
   */
  static void checkLength(double[] a, int m) {
    if (a.length != 2 * m * m) {
      throw new IllegalArgumentException(
          "array length " + a.length + " does not hold an interleaved " + m + "x" + m
              + " complex matrix (expected " + 2 * m * m + ")");
    }
  }
}
