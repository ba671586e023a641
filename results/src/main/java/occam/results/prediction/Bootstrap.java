package occam.results.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals: the statistic on B resamples (with replacement, same size) of the
 * sample, drawn by a seeded {@link SplittableRandom}, and its 2.5 % and 97.5 % quantiles (linear
 * interpolation between order statistics). Resamples on which the statistic is NaN (e.g. Spearman
 * with fewer than 3 pairs) are left out; with none left, the bounds are NaN.
 */
public final class Bootstrap {
  private Bootstrap() {}

  /** Default number of resamples. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /**
   * A point estimate and its 95 % interval.
   *
   * @param point the statistic on the sample
   * @param lo the 2.5 % quantile over resamples
   * @param hi the 97.5 % quantile
   */
  public record Interval(double point, double lo, double hi) {}

  /**
   * The statistic's bootstrap interval.
   *
   * @param <T> the sample's element type
   * @param sample the sample
   * @param statistic the statistic of a sample
   * @param resamples B ≥ 1
   * @param seed the seed of the resampling
   * @return the point estimate and the interval
   * @throws IllegalArgumentException if resamples &lt; 1
   */
  public static <T> Interval interval(List<T> sample, ToDoubleFunction<List<T>> statistic, int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples = " + resamples + " is not allowed: it must be >= 1");
    }
    double point = statistic.applyAsDouble(sample);
    if (sample.isEmpty()) {
      return new Interval(point, Double.NaN, Double.NaN);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[resamples];
    int k = 0;
    List<T> draw = new ArrayList<>(sample.size());
    for (int b = 0; b < resamples; b++) {
      draw.clear();
      for (int i = 0; i < sample.size(); i++) {
        draw.add(sample.get(rng.nextInt(sample.size())));
      }
      double v = statistic.applyAsDouble(draw);
      if (!Double.isNaN(v)) {
        values[k++] = v;
      }
    }
    if (k == 0) {
      return new Interval(point, Double.NaN, Double.NaN);
    }
    double[] sorted = Arrays.copyOf(values, k);
    Arrays.sort(sorted);
    return new Interval(point, quantile(sorted, 0.025), quantile(sorted, 0.975));
  }

  /**
   * A quantile of sorted values, linear between order statistics (type 7 of Hyndman and Fan 1996).
   *
   * @param sorted ascending values (at least one)
   * @param q the level in [0, 1]
   * @return the quantile
   */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int i = (int) Math.floor(h);
    return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  }
}
