package occam.complexity.ctm;

/**
 * Open-addressing map from positive long keys to long counts, for the enumerator's inner loop (no
 * boxing, no allocation per update). Key 0 marks an empty slot, so keys must be non-zero.
 */
final class LongCounter {

  /** Receives one key and its count. */
  @FunctionalInterface
  interface EntryConsumer {
    void accept(long key, long count);
  }

  private long[] keys = new long[1024];
  private long[] counts = new long[1024];
  private int size;

  /**
   * Adds to the count of a key.
   *
   * @param key non-zero key
   * @param amount amount to add
   */
  void add(long key, long amount) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i] += amount;
        return;
      }
      if (k == 0) {
        keys[i] = key;
        counts[i] = amount;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Calls {@code action} with every key and its count.
   *
   * @param action receives (key, count)
   */
  void forEach(EntryConsumer action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(keys[i], counts[i]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
