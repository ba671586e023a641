package occam.theory;

/**
 * The SFM's description length of a weight matrix, K_SFM = |supp W|·(2⌈log₂ m⌉ + C_float) bits
 * (SPEC §3–§4; the SFM paper, {@code ../shared/seeds/004_…}, §5: K_SFM ∝ λ·(2 log₂ p + C_float)).
 *
 * <p>Each non-zero weight costs its position (k, l) ∈ [0, m)², two indices of ⌈log₂ m⌉ bits each,
 * plus its value, C_float bits ({@value #DEFAULT_C_FLOAT} by default: a complex number as two 32-bit
 * floats). The gap between the memorizing (m² weights) and generalizing (|supp W*|) solutions is ΔK
 * = (m² − |supp W*|)·(2⌈log₂ m⌉ + C_float), which is (m² − m)(2⌈log₂ m⌉ + C_float) for add and sub.
 */
public final class DescriptionLength {

  /** Default bits per weight value, C_float (SPEC §3). */
  public static final int DEFAULT_C_FLOAT = 64;

  private DescriptionLength() {}

  /**
   * K_SFM = support·(2⌈log₂ m⌉ + C_float) bits.
   *
   * @param support number of non-zero weights, ≥ 0
   * @param m group order (side of W), ≥ 1
   * @param cFloat bits per weight value, ≥ 0
   * @return the description length in bits (exact while below 2^53)
   * @throws IllegalArgumentException if support &lt; 0, m &lt; 1 or cFloat &lt; 0
   */
  public static double value(long support, int m, int cFloat) {
    if (support < 0) {
      throw new IllegalArgumentException("support = " + support + " is not allowed: support must be >= 0");
    }
    return (double) support * bitsPerWeight(m, cFloat);
  }

  /**
   * Bits per non-zero weight, 2⌈log₂ m⌉ + C_float (⌈log₂ 1⌉ = 0).
   *
   * @param m group order, ≥ 1
   * @param cFloat bits per weight value, ≥ 0
   * @return 2⌈log₂ m⌉ + C_float
   * @throws IllegalArgumentException if m &lt; 1 or cFloat &lt; 0
   */
  public static int bitsPerWeight(int m, int cFloat) {
    if (m < 1) {
      throw new IllegalArgumentException("m = " + m + " is not allowed: the group order m must be >= 1");
    }
    if (cFloat < 0) {
      throw new IllegalArgumentException("C_float = " + cFloat + " is not allowed: C_float must be >= 0");
    }
    int ceilLog2 = 32 - Integer.numberOfLeadingZeros(m - 1);
    return 2 * ceilLog2 + cFloat;
  }
}
