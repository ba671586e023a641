package occam.results.compare;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import occam.transformer.records.StepMetrics;

/**
 * Where a logged observable makes its move: a rise (test accuracy, Gini, IPR) or a fall (BDM).
 *
 * <p>For a rise, with lo the minimum of the series and hi its maximum after the minimum: {@code mid}
 * is the first logged step after the minimum with value ≥ (lo + hi)/2; {@code steepest} is the end
 * step of the log interval with the largest increase. A fall is the same on the negated series (the
 * maximum, then the first step at or below the midpoint between the maximum and the lowest value
 * after it). Non-finite values are skipped; with fewer than two finite points, or no movement (hi =
 * lo), both are empty. Steps are those of the log, so they are exact only to {@code --log-every}.
 *
 * @param mid the step at which the move is half done
 * @param steepest the end of the steepest log interval
 * @param from the series' starting extreme (lo for a rise, the maximum for a fall)
 * @param to the other extreme after it
 */
public record Transition(OptionalInt mid, OptionalInt steepest, double from, double to) {

  /** No movement measured. */
  public static final Transition NONE = new Transition(OptionalInt.empty(), OptionalInt.empty(), Double.NaN, Double.NaN);

  /**
   * The rise of an observable.
   *
   * @param log metrics lines in step order
   * @param value the observable
   * @return its transition
   */
  public static Transition rise(List<StepMetrics> log, ToDoubleFunction<StepMetrics> value) {
    return of(log, value, 1);
  }

  /**
   * The fall of an observable.
   *
   * @param log metrics lines in step order
   * @param value the observable
   * @return its transition, with from = the maximum and to = the lowest value after it
   */
  public static Transition fall(List<StepMetrics> log, ToDoubleFunction<StepMetrics> value) {
    return of(log, value, -1);
  }

  private static Transition of(List<StepMetrics> log, ToDoubleFunction<StepMetrics> value, int sign) {
    int[] steps = new int[log.size()];
    double[] v = new double[log.size()];
    int k = 0;
    for (StepMetrics m : log) {
      double x = value.applyAsDouble(m);
      if (Double.isFinite(x)) {
        steps[k] = m.step();
        v[k++] = sign * x;
      }
    }
    if (k < 2) {
      return NONE;
    }
    int lo = 0;
    for (int i = 1; i < k; i++) {
      if (v[i] < v[lo]) {
        lo = i;
      }
    }
    int hi = lo;
    for (int i = lo + 1; i < k; i++) {
      if (v[i] > v[hi]) {
        hi = i;
      }
    }
    if (!(v[hi] > v[lo])) {
      return new Transition(OptionalInt.empty(), OptionalInt.empty(), sign * v[lo], sign * v[hi]);
    }
    double half = 0.5 * (v[lo] + v[hi]);
    OptionalInt mid = OptionalInt.empty();
    for (int i = lo + 1; i <= hi; i++) {
      if (v[i] >= half) {
        mid = OptionalInt.of(steps[i]);
        break;
      }
    }
    int steep = 1;
    for (int i = 2; i < k; i++) {
      if (v[i] - v[i - 1] > v[steep] - v[steep - 1]) {
        steep = i;
      }
    }
    return new Transition(mid, OptionalInt.of(steps[steep]), sign * v[lo], sign * v[hi]);
  }
}
