package occam.modular;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeded train/test split of SPEC §1: n = round(α·N) domain cells drawn without replacement.
 *
 * <p>Rule (shared by the simulator and the transformer check): start from the cells 0..N−1 in
 * domain order ({@link ModularTask}), run the first n steps of a Fisher–Yates shuffle driven by
 * {@code new SplittableRandom(seed)} (step j swaps j with j + nextInt(N − j)), and take the first n
 * cells as the training set. The same (p, op, frac, seed) therefore gives the same set everywhere.
 *
 * <p>n is clamped to [1, N], so a fraction too small to round to one cell still trains on one.
 */
public final class TrainSplit {
  private final ModularTask task;
  private final double frac;
  private final long seed;
  private final int[] train;
  private final int[] test;
  private final boolean[] mask;

  private TrainSplit(ModularTask task, double frac, long seed) {
    if (task == null) {
      throw new IllegalArgumentException("task must not be null");
    }
    if (!(frac > 0 && frac <= 1)) {
      throw new IllegalArgumentException("frac = " + frac + " is not allowed: frac must be in (0, 1]");
    }
    this.task = task;
    this.frac = frac;
    this.seed = seed;
    int total = task.domainSize();
    int n = (int) Math.max(1, Math.min(total, Math.round(frac * total)));
    int[] cells = new int[total];
    for (int i = 0; i < total; i++) {
      cells[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int j = 0; j < n; j++) {
      int k = j + rng.nextInt(total - j);
      int t = cells[j];
      cells[j] = cells[k];
      cells[k] = t;
    }
    this.mask = new boolean[total];
    this.train = Arrays.copyOf(cells, n);
    Arrays.sort(train);
    for (int c : train) {
      mask[c] = true;
    }
    this.test = new int[total - n];
    int t = 0;
    for (int i = 0; i < total; i++) {
      if (!mask[i]) {
        test[t++] = i;
      }
    }
  }

  /**
   * Draws the split.
   *
   * @param task the task whose domain is split
   * @param frac α in (0, 1]
   * @param seed RNG seed
   * @return the split
   * @throws IllegalArgumentException if task is null or frac is outside (0, 1] (NaN included)
   */
  public static TrainSplit of(ModularTask task, double frac, long seed) {
    return new TrainSplit(task, frac, seed);
  }

  /** @return the task */
  public ModularTask task() {
    return task;
  }

  /** @return α */
  public double frac() {
    return frac;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /** @return n = |S| */
  public int trainSize() {
    return train.length;
  }

  /** @return the number of held-out cells N − n */
  public int testSize() {
    return test.length;
  }

  /** @return the training cells, ascending (a copy) */
  public int[] train() {
    return train.clone();
  }

  /** @return the held-out cells, ascending (a copy) */
  public int[] test() {
    return test.clone();
  }

  /**
   * Whether a cell is in the training set.
   *
   * @param cell domain index in [0, N)
   * @return true if cell ∈ S
   * @throws IllegalArgumentException if cell is outside [0, N)
   */
  public boolean isTrain(int cell) {
    if (cell < 0 || cell >= mask.length) {
      throw new IllegalArgumentException("domain cell " + cell + " is outside [0, " + mask.length + ")");
    }
    return mask[cell];
  }

  /** @return the training mask M over the domain (a copy) */
  public boolean[] mask() {
    return mask.clone();
  }
}
