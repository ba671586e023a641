package occam.io;

import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * The memory a command will allocate, estimated from its settings before it allocates, so a size that
 * cannot fit the heap is refused in one line (exit 2) instead of ending in an {@link OutOfMemoryError}
 * after minutes. Estimates per command live with the command; this record carries one and checks it.
 *
 * @param bytes the bytes needed (saturated at {@link Long#MAX_VALUE})
 * @param dominant what dominates, for the message, e.g. "m² complex doubles: 100140049 × 16 B"
 */
public record MemoryEstimate(long bytes, String dominant) {
  /** Checks the values. */
  public MemoryEstimate {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes " + bytes + " is not allowed: it must be at least 0");
    }
    if (dominant == null || dominant.isBlank()) {
      throw new IllegalArgumentException("dominant must name what the memory is for");
    }
  }

  /**
   * The estimate for {@code count} elements of {@code bytesEach} bytes each.
   *
   * @param what the elements, e.g. "m² complex doubles"
   * @param count how many
   * @param bytesEach bytes per element
   * @return count × bytesEach bytes (saturated), dominated by "what: count × bytesEach B"
   * @throws IllegalArgumentException if count or bytesEach is negative
   */
  public static MemoryEstimate of(String what, long count, long bytesEach) {
    return new MemoryEstimate(times(count, bytesEach), what + ": " + count + " × " + bytesEach + " B");
  }

  /**
   * count × bytesEach, saturated at {@link Long#MAX_VALUE} instead of overflowing.
   *
   * @param count how many
   * @param bytesEach bytes per element
   * @return the product
   * @throws IllegalArgumentException if either is negative
   */
  public static long times(long count, long bytesEach) {
    if (count < 0 || bytesEach < 0) {
      throw new IllegalArgumentException("count " + count + " and bytesEach " + bytesEach + " must be at least 0");
    }
    long hi = Math.multiplyHigh(count, bytesEach);
    long lo = count * bytesEach;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /**
   * The estimate plus other memory, the dominant part kept.
   *
   * @param moreBytes further bytes (buffers, a second copy)
   * @return the sum (saturated)
   */
  public MemoryEstimate plus(long moreBytes) {
    long sum = bytes + moreBytes;
    return new MemoryEstimate(moreBytes < 0 || sum < 0 ? Long.MAX_VALUE : sum, dominant);
  }

  /** The most memory this JVM's heap may use ({@link Runtime#maxMemory()}, set by -Xmx). */
  public static long heapLimit() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * Checks the estimate against the heap limit ({@link #heapLimit()}).
   *
   * @param subject what is sized, e.g. "p = 10007"
   * @param smaller the size that fits, e.g. "p ≤ 4093" (from {@link #largest})
   * @throws UsageException if the estimate exceeds the limit
   */
  public void requireFits(String subject, String smaller) {
    requireFits(subject, smaller, heapLimit());
  }

  /**
   * Checks the estimate against a limit: "needs ~6.1 GiB for p = 10007 (m² complex doubles: 100140049 × 16
   * B); the JVM may use 3.9 GiB; raise -Xmx via OCCAM_JAVA_OPTS or choose p ≤ 4093".
   *
   * @param subject what is sized
   * @param smaller the size that fits
   * @param limitBytes the bytes available
   * @throws UsageException if the estimate exceeds the limit
   */
  public void requireFits(String subject, String smaller, long limitBytes) {
    if (bytes > limitBytes) {
      throw new UsageException("needs ~" + human(bytes) + " for " + subject + " (" + dominant + "); the JVM may use "
          + human(limitBytes) + "; raise -Xmx via OCCAM_JAVA_OPTS or choose " + smaller);
    }
  }

  /**
   * The largest size whose estimate fits a limit, by bisection; the estimate must not decrease with
   * the size.
   *
   * @param bytesFor the estimated bytes for a size
   * @param lo the smallest size considered
   * @param hi the largest size considered (at least lo)
   * @param limitBytes the bytes available
   * @return the largest n in [lo, hi] with bytesFor(n) ≤ limitBytes, or lo − 1 if even lo does not fit
   * @throws IllegalArgumentException if hi &lt; lo
   */
  public static long largest(IntToLongFunction bytesFor, int lo, int hi, long limitBytes) {
    if (hi < lo) {
      throw new IllegalArgumentException("hi " + hi + " is below lo " + lo);
    }
    if (bytesFor.applyAsLong(hi) <= limitBytes) {
      return hi;
    }
    long a = lo - 1L; // fits, or lies below the range
    long b = hi; // does not fit
    while (b - a > 1) {
      long mid = a + (b - a) / 2;
      if (bytesFor.applyAsLong((int) mid) <= limitBytes) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /**
   * Bytes in binary units with one decimal: "512 B", "1.5 KiB", "6.1 GiB".
   *
   * @param bytes a byte count
   * @return its text
   */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** "needs ~6.1 GiB (m² complex doubles: …)", for a line announcing a large run. */
  @Override
  public String toString() {
    return "~" + human(bytes) + " (" + dominant + ")";
  }
}
