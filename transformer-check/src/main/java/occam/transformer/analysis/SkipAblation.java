package occam.transformer.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import occam.transformer.Hook;
import occam.transformer.HookPoint;

/**
 * Skip-ablation (seed 004, §4 and its ablation table): the accuracy of the model when a contiguous
 * range of layers [from, to) is bypassed, the residual stream passing it unchanged (x_to = x_from;
 * {@link Hook#bypasses}), for every range of length 1..maxLength.
 *
 * <p>A range is <em>bypassable</em> when skipping it costs at most {@code tolerance} of train and of
 * test accuracy (Table 1's "leaves train and test accuracy nearly unchanged"): a₀ − a([from, to)) ≤
 * tolerance for a the train accuracy and for a the test accuracy (when the split holds test cells),
 * a₀ the model's own. Judging train accuracy too keeps the layers a memorizing model needs from
 * counting as bypassable merely because its test accuracy is at chance. A layer is bypassable when
 * [l, l+1) is; the longest bypassable range is the longest one measured (the first such, by from,
 * among equals).
 *
 * @param layers L, the model's layers
 * @param maxLength the longest range measured
 * @param tolerance the largest accuracy drop that counts as bypassable
 * @param trainAccuracy a₀ on the training cells
 * @param testAccuracy a₀ on the test cells (NaN without test cells)
 * @param ranges every range measured, by length then start
 * @param bypassable the bypassable layers, ascending
 * @param longestBypassable the longest bypassable range, or null if none is
 */
public record SkipAblation(int layers, int maxLength, double tolerance, double trainAccuracy, double testAccuracy,
    List<SkippedRange> ranges, List<Integer> bypassable, SkippedRange longestBypassable) {

  /** Accuracy drop that still counts as bypassable by default: one point in a hundred. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  /** Copies the lists. */
  public SkipAblation {
    ranges = List.copyOf(ranges);
    bypassable = List.copyOf(bypassable);
  }

  /**
   * One skipped range and the accuracies without it.
   *
   * @param from first layer skipped
   * @param to one past the last layer skipped
   * @param trainAccuracy accuracy on the training cells
   * @param testAccuracy accuracy on the test cells (NaN without test cells)
   */
  public record SkippedRange(int from, int to, double trainAccuracy, double testAccuracy) {
    /** @return to − from */
    public int length() {
      return to - from;
    }
  }

  /**
   * Measures every range.
   *
   * @param internals the model
   * @param maxLength longest range, 1..L
   * @param tolerance largest drop counted as bypassable, in [0, 1]
   * @return the ablation
   * @throws IllegalArgumentException if maxLength is outside 1..L or tolerance outside [0, 1]
   */
  static SkipAblation measure(ModelInternals internals, int maxLength, double tolerance) {
    int layers = internals.config().model().layers();
    if (maxLength < 1 || maxLength > layers) {
      throw new IllegalArgumentException(
          "skip length = " + maxLength + " is not allowed: it must be in [1, " + layers + "] (the layers)");
    }
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new IllegalArgumentException("tolerance = " + tolerance + " is not allowed: it must be in [0, 1]");
    }
    int[] train = internals.data().trainCells();
    int[] test = internals.data().testCells();
    double trainAccuracy = accuracy(internals, train, skipping(0, 0));
    double testAccuracy = accuracy(internals, test, skipping(0, 0));
    List<SkippedRange> ranges = new ArrayList<>();
    List<Integer> bypassable = new ArrayList<>();
    SkippedRange longest = null;
    for (int length = 1; length <= maxLength; length++) {
      for (int from = 0; from + length <= layers; from++) {
        Hook skip = skipping(from, from + length);
        SkippedRange r = new SkippedRange(from, from + length, accuracy(internals, train, skip),
            accuracy(internals, test, skip));
        ranges.add(r);
        if (within(trainAccuracy, testAccuracy, r, tolerance)) {
          if (length == 1) {
            bypassable.add(from);
          }
          if (longest == null || length > longest.length()) {
            longest = r;
          }
        }
      }
    }
    return new SkipAblation(layers, maxLength, tolerance, trainAccuracy, testAccuracy, ranges, bypassable, longest);
  }

  /**
   * The hook that bypasses layers [from, to) and changes nothing else.
   *
   * @param from first layer skipped
   * @param to one past the last; from = to skips nothing
   * @return the hook
   */
  static Hook skipping(int from, int to) {
    return new Hook() {
      @Override
      public NDArray at(HookPoint point, NDArray value) {
        return value;
      }

      @Override
      public boolean bypasses(int layer) {
        return layer >= from && layer < to;
      }
    };
  }

  /** Share of the cells whose argmax logit (the first, among ties) is the label; NaN for no cells. */
  private static double accuracy(ModelInternals internals, int[] cells, Hook hook) {
    if (cells.length == 0) {
      return Double.NaN;
    }
    int p = internals.config().task().p();
    int[] labels = internals.data().labels(cells);
    long correct = 0;
    int chunk = internals.chunkCells();
    for (int from = 0; from < cells.length; from += chunk) {
      int[] part = Arrays.copyOfRange(cells, from, Math.min(cells.length, from + chunk));
      float[] logits;
      try (NDManager scratch = internals.scratch()) {
        logits = internals.logits(internals.tokens(scratch, part), hook);
      }
      for (int i = 0; i < part.length; i++) {
        int best = 0;
        for (int c = 1; c < p; c++) {
          if (logits[i * p + c] > logits[i * p + best]) {
            best = c;
          }
        }
        correct += best == labels[from + i] ? 1 : 0;
      }
    }
    return (double) correct / cells.length;
  }

  /** Whether skipping r costs at most the tolerance of train accuracy and of test accuracy (NaN: no test cells). */
  private static boolean within(double train, double test, SkippedRange r, double tolerance) {
    return train - r.trainAccuracy() <= tolerance && (Double.isNaN(test) || test - r.testAccuracy() <= tolerance);
  }

  /**
   * The maximal bypassable ranges: the bypassable ranges that no longer bypassable range measured
   * contains (they may overlap), i.e. the layers that can be skipped together.
   *
   * @return ranges by start, then length
   */
  public List<SkippedRange> maximalBypassable() {
    List<SkippedRange> ok = ranges.stream().filter(r -> within(trainAccuracy, testAccuracy, r, tolerance)).toList();
    return ok.stream()
        .filter(r -> ok.stream().noneMatch(o -> o.length() > r.length() && o.from() <= r.from() && o.to() >= r.to()))
        .sorted(java.util.Comparator.comparingInt(SkippedRange::from).thenComparingInt(SkippedRange::length))
        .toList();
  }

  /** The accuracy of the drop matrix: test, or train without test cells. */
  private static double reference(SkippedRange r, boolean hasTest) {
    return hasTest ? r.testAccuracy() : r.trainAccuracy();
  }

  /**
   * The accuracy drop of every range as a heatmap (test accuracy, or train without test cells): rows
   * are the lengths 1..maxLength, columns the first layer skipped 0..L−1; ranges that would run past
   * the last layer are NaN.
   *
   * @return maxLength × L
   */
  public double[][] dropMatrix() {
    boolean hasTest = !Double.isNaN(testAccuracy);
    double base = hasTest ? testAccuracy : trainAccuracy;
    double[][] drop = new double[maxLength][layers];
    for (double[] row : drop) {
      Arrays.fill(row, Double.NaN);
    }
    for (SkippedRange r : ranges) {
      drop[r.length() - 1][r.from()] = base - reference(r, hasTest);
    }
    return drop;
  }
}
