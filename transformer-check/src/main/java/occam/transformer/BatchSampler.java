package occam.transformer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeded mini-batches of a run: the batch of update s + 1 is a partial Fisher–Yates shuffle of the
 * n training rows seeded by (seed, s) alone, so a resumed run draws the same batches as an
 * uninterrupted one.
 */
final class BatchSampler {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private BatchSampler() {}

  /**
   * The rows of one batch.
   *
   * @param seed the run's seed
   * @param step updates applied so far (the batch is for update step + 1)
   * @param n training rows
   * @param b batch size, 1 ≤ b ≤ n
   * @return b distinct rows in [0, n)
   */
  static int[] rows(long seed, int step, int n, int b) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed * GOLDEN_GAMMA + step);
    for (int j = 0; j < b; j++) {
      int k = j + rng.nextInt(n - j);
      int t = rows[j];
      rows[j] = rows[k];
      rows[k] = t;
    }
    return Arrays.copyOf(rows, b);
  }
}
