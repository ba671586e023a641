package occam.results.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The settings the calibration runs covered: a query outside them is an extrapolation, which {@code
 * occam predict} answers with a warning.
 *
 * @param ops the ops of the calibration runs
 * @param primes their primes
 * @param wdMin the smallest weight decay
 * @param wdMax the largest
 * @param fracMin the smallest frac
 * @param fracMax the largest
 * @param lrMin the smallest learning rate
 * @param lrMax the largest
 * @param models their architectures
 */
public record CalibratedRange(List<String> ops, List<Integer> primes, double wdMin, double wdMax, double fracMin,
    double fracMax, double lrMin, double lrMax, List<Architecture> models) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if a list is missing or empty, or a bound is not a number
   */
  public CalibratedRange {
    if (ops == null || primes == null || models == null || ops.isEmpty() || primes.isEmpty() || models.isEmpty()) {
      throw new IllegalArgumentException("a calibrated range needs its ops, primes and models");
    }
    for (double v : new double[] {wdMin, wdMax, fracMin, fracMax, lrMin, lrMax}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("a calibrated range needs finite bounds, not " + v);
      }
    }
    ops = List.copyOf(ops);
    primes = List.copyOf(primes);
    models = List.copyOf(models);
  }

  /**
   * The range of some runs.
   *
   * @param runs the calibration runs (at least one)
   * @return their range
   * @throws IllegalArgumentException if there are none
   */
  public static CalibratedRange of(List<GridRun> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no calibration run: nothing to calibrate on");
    }
    return new CalibratedRange(runs.stream().map(r -> r.task().op().cliName()).distinct().sorted().toList(),
        runs.stream().map(r -> r.task().p()).distinct().sorted().toList(), min(runs, GridRun::wd), max(runs, GridRun::wd),
        min(runs, GridRun::frac), max(runs, GridRun::frac), min(runs, GridRun::lr), max(runs, GridRun::lr),
        runs.stream().map(GridRun::model).distinct().toList());
  }

  private static double min(List<GridRun> runs, ToDoubleFunction<GridRun> f) {
    return runs.stream().mapToDouble(f).min().orElseThrow();
  }

  private static double max(List<GridRun> runs, ToDoubleFunction<GridRun> f) {
    return runs.stream().mapToDouble(f).max().orElseThrow();
  }

  /**
   * What of a query lies outside the range.
   *
   * @param q the query
   * @return one phrase per setting outside, empty when the query is inside
   */
  public List<String> outside(Query q) {
    List<String> out = new ArrayList<>();
    if (!ops.contains(q.task().op().cliName())) {
      out.add("op " + q.task().op().cliName() + " not in " + ops);
    }
    if (!primes.contains(q.task().p())) {
      out.add("p " + q.task().p() + " not in " + primes);
    }
    interval(out, "wd", q.wd(), wdMin, wdMax);
    interval(out, "frac", q.frac(), fracMin, fracMax);
    interval(out, "lr", q.lr(), lrMin, lrMax);
    if (!models.contains(q.model())) {
      out.add("model (" + q.model() + ") not calibrated");
    }
    return out;
  }

  private static void interval(List<String> out, String name, double v, double lo, double hi) {
    if (v < lo || v > hi) {
      out.add(String.format(Locale.ROOT, "%s %s outside [%s, %s]", name, GridRun.plain(v), GridRun.plain(lo),
          GridRun.plain(hi)));
    }
  }
}
