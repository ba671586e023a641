package occam.fourier;

/** Argument checks shared by the transforms, with the messages STYLE.md asks for. */
final class Args {
  private Args() {}

  /**
   * Checks the side of a square transform.
   *
   * @param m side
   * @return m
   * @throws IllegalArgumentException if m &lt; 1
   */
  static int side(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("m = " + m + " is not allowed: m must be >= 1");
    }
    return m;
  }

  /**
   * Checks that a normalization was given.
   *
   * @param normalization the convention
   * @return it
   * @throws IllegalArgumentException if it is null
   */
  static DftNormalization normalization(DftNormalization normalization) {
    if (normalization == null) {
      throw new IllegalArgumentException("normalization must be one of " + java.util.Arrays.toString(DftNormalization.values()));
    }
    return normalization;
  }

  /**
   * Checks that a direction was given.
   *
   * @param direction forward or inverse
   * @return it
   * @throws IllegalArgumentException if it is null
   */
  static TransformDirection direction(TransformDirection direction) {
    if (direction == null) {
      throw new IllegalArgumentException("direction must be FORWARD or INVERSE");
    }
    return direction;
  }

  /**
   * Checks an array's length.
   *
   * @param a the array
   * @param expected its required length
   * @param what what the array should hold, for the message
   * @throws IllegalArgumentException if a is null or has another length
   */
  static void length(double[] a, int expected, String what) {
    if (a == null || a.length != expected) {
      throw new IllegalArgumentException(
          "array length " + (a == null ? "null" : String.valueOf(a.length)) + " does not hold " + what
              + " (expected " + expected + ")");
    }
  }
}
