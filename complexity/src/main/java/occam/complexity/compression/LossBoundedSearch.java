package occam.complexity.compression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import occam.complexity.WeightMatrix;

/**
 * Searches the coarse-grainings (ε, κ) of a grid for the most compressible one whose loss stays within
 * a bound δ of the original's (seed 002, §3.1 distortion criterion and Algorithm 1; a grid search where
 * the paper uses Bayesian optimization).
 *
 * <p>A coarse-graining θ̃ is accepted when L(θ̃) ≤ L(θ) + δ. Among accepted points the smallest
 * compressed size wins; ties go to the larger ε, then the smaller κ (the coarser description).
 */
public final class LossBoundedSearch {

  /** The training loss of a set of parameters; supplied by the caller, who owns the model. */
  @FunctionalInterface
  public interface Loss {
    /**
     * Evaluates the loss.
     *
     * @param parameters parameter groups in the order given to the search
     * @return the loss (lower is better)
     */
    double value(List<WeightMatrix> parameters);
  }

  /**
   * One evaluated grid point.
   *
   * @param result sizes and coarse-grained parameters
   * @param loss L(θ̃)
   * @param accepted whether L(θ̃) ≤ L(θ) + δ
   */
  public record Point(CompressionResult result, double loss, boolean accepted) {}

  /**
   * The search's outcome.
   *
   * @param baseLoss L(θ) of the original parameters
   * @param delta the bound δ
   * @param objective the compressor whose size is minimized
   * @param best the winning point, empty if no grid point met the bound
   * @param points every evaluated point, ε-major
   */
  public record Outcome(
      double baseLoss, double delta, Compressor objective, Optional<Point> best, List<Point> points) {

    /** Copies the list. */
    public Outcome {
      points = List.copyOf(points);
    }

    /**
     * The most compressed evaluated point within another bound, L(θ̃) ≤ L(θ) + bound (the same order
     * as {@link #best}); one search thus yields the whole rate–distortion curve over its grid.
     *
     * @param bound δ' ≥ 0
     * @return the winning point, empty if none is within the bound
     * @throws IllegalArgumentException if the bound is negative or NaN
     */
    public Optional<Point> bestWithin(double bound) {
      if (!(bound >= 0)) {
        throw new IllegalArgumentException("delta " + bound + " is not allowed: need >= 0");
      }
      return points.stream().filter(p -> p.loss() <= baseLoss + bound).min(order(objective));
    }
  }

  private LossBoundedSearch() {}

  /**
   * Runs the grid search.
   *
   * @param weights the parameter groups
   * @param loss the loss callback
   * @param delta δ ≥ 0
   * @param epsilons candidate bin widths, each &gt; 0
   * @param kappas candidate rank thresholds, each in (0, 1]
   * @param objective compressor whose size is minimized
   * @return every point and the best accepted one
   * @throws IllegalArgumentException if δ is negative or NaN, a grid is empty, or a candidate is
   *     invalid
   */
  public static Outcome search(
      List<WeightMatrix> weights,
      Loss loss,
      double delta,
      double[] epsilons,
      double[] kappas,
      Compressor objective) {
    if (!(delta >= 0)) {
      throw new IllegalArgumentException("delta " + delta + " is not allowed: need >= 0");
    }
    if (epsilons.length == 0 || kappas.length == 0) {
      throw new IllegalArgumentException("the epsilon and kappa grids must not be empty");
    }
    double base = loss.value(weights);
    List<Point> points = new ArrayList<>();
    for (double eps : epsilons) {
      for (double kappa : kappas) {
        CompressionResult r = CompressionComplexity.measure(weights, new CoarseGraining(eps, kappa), Set.of(objective));
        double l = loss.value(r.coarseGrained());
        points.add(new Point(r, l, l <= base + delta));
      }
    }
    Optional<Point> best = points.stream().filter(Point::accepted).min(order(objective));
    return new Outcome(base, delta, objective, best, points);
  }

  /** Smallest compressed size first; ties to the larger ε, then the smaller κ (the coarser description). */
  private static Comparator<Point> order(Compressor objective) {
    return Comparator.<Point>comparingInt(p -> p.result().bytes(objective))
        .thenComparing(p -> -p.result().coarseGraining().epsilon())
        .thenComparing(p -> p.result().coarseGraining().kappa());
  }

  /**
   * k log-spaced values from lo to hi inclusive.
   *
   * @param lo first value &gt; 0
   * @param hi last value ≥ lo
   * @param k number of values ≥ 1 (k = 1 gives lo)
   * @return the grid
   * @throws IllegalArgumentException if the range or k is invalid
   */
  public static double[] logSpaced(double lo, double hi, int k) {
    if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi) || k < 1) {
      throw new IllegalArgumentException(
          "log grid " + lo + ":" + hi + ":" + k + " is not allowed: need 0 < lo <= hi and k >= 1");
    }
    double[] g = new double[k];
    for (int i = 0; i < k; i++) {
      g[i] = k == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (k - 1));
    }
    return g;
  }
}
