package occam.results.prediction;

import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * One run and one predictor's answer for it, and the league's statistics over such pairs.
 *
 * <p>Over a set of runs: coverage = share answered; accuracy = share of answered runs where "groks
 * within the run's budget" ({@link Prediction#groksWithin}) equals "grokked"; and over the runs that
 * grokked and got a step: mean |ln(t̂/t)|, MAPE = mean |t̂ − t|/t, and Spearman's ρ (NaN below 3 pairs).
 *
 * @param run the run
 * @param prediction the answer
 */
public record Scored(GridRun run, Prediction prediction) {

  /** @return whether the run grokked and the predictor gave a step */
  public boolean paired() {
    return run.grokked() && prediction.timed();
  }

  /** @return ln(t̂/t) (NaN unless paired) */
  public double logRatio() {
    return paired() ? Math.log(prediction.steps() / run.measured()) : Double.NaN;
  }

  /** @return whether the grok/no-grok call was right (false when not covered) */
  public boolean right() {
    return prediction.covered() && prediction.groksWithin(run.steps()) == run.grokked();
  }

  /**
   * Coverage.
   *
   * @param s pairs
   * @return the share answered (NaN when empty)
   */
  public static double coverage(List<Scored> s) {
    return s.isEmpty() ? Double.NaN : (double) s.stream().filter(x -> x.prediction().covered()).count() / s.size();
  }

  /**
   * Grok/no-grok accuracy.
   *
   * @param s pairs
   * @return the share of answered runs called right (NaN when none answered)
   */
  public static double accuracy(List<Scored> s) {
    long answered = s.stream().filter(x -> x.prediction().covered()).count();
    return answered == 0 ? Double.NaN : (double) s.stream().filter(Scored::right).count() / answered;
  }

  /**
   * Mean |ln ratio|.
   *
   * @param s pairs
   * @return over the paired runs (NaN when none)
   */
  public static double meanAbsLogRatio(List<Scored> s) {
    return s.stream().filter(Scored::paired).mapToDouble(x -> Math.abs(x.logRatio())).average().orElse(Double.NaN);
  }

  /**
   * MAPE.
   *
   * @param s pairs
   * @return mean |t̂ − t|/t over the paired runs (NaN when none)
   */
  public static double mape(List<Scored> s) {
    return s.stream().filter(Scored::paired)
        .mapToDouble(x -> Math.abs(x.prediction().steps() - x.run().measured()) / x.run().measured()).average()
        .orElse(Double.NaN);
  }

  /**
   * Spearman's ρ.
   *
   * @param s pairs
   * @return ρ of predicted vs measured over the paired runs (NaN below 3, or when either side is constant)
   */
  public static double spearman(List<Scored> s) {
    List<Scored> p = s.stream().filter(Scored::paired).toList();
    return spearman(p.stream().mapToDouble(x -> x.prediction().steps()).toArray(),
        p.stream().mapToDouble(x -> x.run().measured()).toArray());
  }

  /**
   * Spearman's ρ of two samples (average ranks for ties).
   *
   * @param a one sample
   * @param b the other, of the same length
   * @return ρ (NaN below 3 pairs, or when either side is constant)
   */
  static double spearman(double[] a, double[] b) {
    if (a.length < 3 || constant(a) || constant(b)) {
      return Double.NaN;
    }
    return new SpearmansCorrelation().correlation(a, b);
  }

  private static boolean constant(double[] v) {
    return java.util.Arrays.stream(v).allMatch(x -> x == v[0]);
  }
}
