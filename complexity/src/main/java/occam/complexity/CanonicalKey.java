package occam.complexity;

import java.util.Arrays;

/**
 * Canonical block keys: symbols relabelled 0, 1, 2, … in order of first appearance (row-major for 2D
 * blocks), as the published CTM tables store them. Blocks that differ only by a permutation of the
 * alphabet share a key, e.g. {@code 2213 → 0012}.
 */
public final class CanonicalKey {

  private CanonicalKey() {}

  /**
   * The canonical key of a digit string.
   *
   * @param digits symbols as the characters '0'..'9'
   * @return the relabelled string
   * @throws IllegalArgumentException if a character is not a digit
   */
  public static String of(String digits) {
    char[] out = new char[digits.length()];
    int[] label = new int[10];
    Arrays.fill(label, -1);
    int used = 0;
    for (int i = 0; i < out.length; i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException(
            "key '" + digits + "' has '" + digits.charAt(i) + "': only digits 0-9 are allowed");
      }
      if (label[d] < 0) {
        label[d] = used++;
      }
      out[i] = (char) ('0' + label[d]);
    }
    return new String(out);
  }

  /**
   * Whether a digit string is already canonical.
   *
   * @param digits symbols as digits
   * @return true if {@link #of} leaves it unchanged
   */
  public static boolean isCanonical(String digits) {
    return of(digits).equals(digits);
  }

  /**
   * Number of distinct symbols in a key.
   *
   * @param digits symbols as digits
   * @return the count of distinct digits
   */
  public static int symbolCount(String digits) {
    int seen = 0;
    for (int i = 0; i < digits.length(); i++) {
      seen |= 1 << (digits.charAt(i) - '0');
    }
    return Integer.bitCount(seen);
  }

  /**
   * How many strings over an alphabet of b symbols share a canonical key with k distinct symbols: the
   * falling factorial b!/(b − k)! (0 when k &gt; b).
   *
   * @param alphabet b
   * @param symbols k
   * @return b·(b−1)·…·(b−k+1)
   */
  public static long variants(int alphabet, int symbols) {
    long v = 1;
    for (int i = 0; i < symbols; i++) {
      v *= alphabet - i;
    }
    return Math.max(v, 0);
  }
}
