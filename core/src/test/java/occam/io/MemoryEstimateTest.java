package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryEstimateTest {
  /** m = p² cells of one complex double (16 B) each: the SFM's dominant array. */
  private static final IntToLongFunction COMPLEX_SQUARE = p -> MemoryEstimate.times((long) p * p, 16);

  private static final long FOUR_GIB = 4L << 30;

  @Test
  void tooLargeIsRefusedInOneLineWithEstimateLimitAndTheLargestThatFits() {
    MemoryEstimate e = MemoryEstimate.of("p² complex doubles", 10007L * 10007, 16);
    assertEquals(1_602_240_784L, e.bytes());
    long p = MemoryEstimate.largest(COMPLEX_SQUARE, 2, Integer.MAX_VALUE, FOUR_GIB / 4);
    assertEquals(8192, p, "16 p² ≤ 2^30 exactly at p = 2^13");
    UsageException u = assertThrows(UsageException.class,
        () -> e.requireFits("p = 10007", "p ≤ " + p, FOUR_GIB / 4));
    assertEquals("needs ~1.5 GiB for p = 10007 (p² complex doubles: 100140049 × 16 B); the JVM may use 1.0 GiB;"
        + " raise -Xmx via OCCAM_JAVA_OPTS or choose p ≤ 8192", u.getMessage());
  }

  @Test
  void exactlyTheLimitFits() {
    new MemoryEstimate(FOUR_GIB, "x").requireFits("s", "t", FOUR_GIB);
    assertThrows(UsageException.class, () -> new MemoryEstimate(FOUR_GIB + 1, "x").requireFits("s", "t", FOUR_GIB));
    new MemoryEstimate(1, "x").requireFits("s", "t"); // the real heap holds a byte
  }

  @ParameterizedTest
  @CsvSource({"1, 2, 100, 1", "16, 2, 100, 1", "64, 2, 100, 2", "1000000, 2, 100, 100", "1600, 2, 100, 10"})
  void largestIsTheLastSizeThatFits(long limit, int lo, int hi, long expected) {
    long n = MemoryEstimate.largest(COMPLEX_SQUARE, lo, hi, limit);
    assertEquals(expected, n);
    if (n >= lo) {
      assertTrue(COMPLEX_SQUARE.applyAsLong((int) n) <= limit);
    }
    if (n < hi) {
      assertTrue(COMPLEX_SQUARE.applyAsLong((int) n + 1) > limit);
    }
  }

  @Test
  void productsSaturateInsteadOfOverflowing() {
    assertEquals(Long.MAX_VALUE, MemoryEstimate.times(2_147_483_647L * 2_147_483_647L, 16));
    assertEquals(Long.MAX_VALUE, MemoryEstimate.times(Long.MAX_VALUE / 2 + 1, 2));
    assertEquals(Long.MAX_VALUE - 1, MemoryEstimate.times(Long.MAX_VALUE / 2, 2));
    assertEquals(Long.MAX_VALUE, new MemoryEstimate(Long.MAX_VALUE - 1, "x").plus(5).bytes());
    assertEquals(30, new MemoryEstimate(10, "x").plus(20).bytes());
    UsageException u = assertThrows(UsageException.class,
        () -> MemoryEstimate.of("cells", Long.MAX_VALUE, 8).requireFits("p = 2147483647", "p ≤ 1", FOUR_GIB));
    assertTrue(u.getMessage().startsWith("needs ~8.0 EiB for p = 2147483647"), u.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|0 B", "1023|1023 B", "1024|1.0 KiB", "1536|1.5 KiB", "6549825536|6.1 GiB",
      "4294967296|4.0 GiB"})
  void humanSizes(long bytes, String text) {
    assertEquals(text, MemoryEstimate.human(bytes));
  }

  @Test
  void invalidArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MemoryEstimate(-1, "x"));
    assertThrows(IllegalArgumentException.class, () -> new MemoryEstimate(1, " "));
    assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.times(-1, 8));
    assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.largest(COMPLEX_SQUARE, 5, 4, 1));
  }
}
