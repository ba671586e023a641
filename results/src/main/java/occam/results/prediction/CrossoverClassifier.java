package occam.results.prediction;

import java.util.List;
import occam.theory.Crossover;

/**
 * The theory's free-energy crossover as a grok/no-grok classifier (SPEC §4, {@link Crossover}): at β =
 * k·wd the generalizing solution has the lower objective exactly for n between the two roots of
 * n·ε = β(p² − p)·ln n, so the classifier says "groks" iff lower &lt; n &lt; n*. Without real roots (ε/c
 * &gt; 1/e) or with wd = 0 the memorizing solution is always cheaper: "does not grok". The theory has no
 * time scale, so the classifier gives no step.
 *
 * <p>ε: the transformer has no label noise, so ε_gen is not measured; it is a stated choice ({@code
 * --eps}, 0.5 by default, as in {@code occam compare}). k is fitted on the calibration runs alone: the
 * value of the grid with the highest accuracy (grokked within the budget or not), ties to the smallest.
 *
 * @param k k in β = k·wd
 * @param epsilon ε_gen
 * @param accuracy the calibration accuracy at k
 * @param points calibration runs it was fitted on
 */
public record CrossoverClassifier(double k, double epsilon, double accuracy, int points) implements Predictor {

  /** Name in reports. */
  public static final String NAME = "n_star";

  /**
   * Fits k.
   *
   * @param calibration the calibration runs
   * @param kGrid the k values tried (positive, finite)
   * @param epsilon ε_gen &gt; 0
   * @return the classifier
   * @throws IllegalArgumentException if the grid is empty or ε is not positive and finite
   */
  public static CrossoverClassifier fit(List<GridRun> calibration, double[] kGrid, double epsilon) {
    if (kGrid.length == 0) {
      throw new IllegalArgumentException("no k value to try for the n* classifier");
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("eps = " + epsilon + " is not allowed: it must be positive and finite");
    }
    double[] sorted = kGrid.clone();
    java.util.Arrays.sort(sorted);
    CrossoverClassifier best = null;
    for (double k : sorted) {
      CrossoverClassifier c = new CrossoverClassifier(k, epsilon, Double.NaN, calibration.size());
      long right = calibration.stream().filter(r -> c.predict(r.query()).groksWithin(r.steps()) == r.grokked()).count();
      double acc = calibration.isEmpty() ? Double.NaN : (double) right / calibration.size();
      if (best == null || acc > best.accuracy()) {
        best = new CrossoverClassifier(k, epsilon, acc, calibration.size());
      }
    }
    return best;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean timed() {
    return false;
  }

  @Override
  public boolean theory() {
    return true;
  }

  @Override
  public Prediction predict(Query q) {
    if (!(q.wd() > 0)) {
      return Prediction.NONE;
    }
    Crossover x = Crossover.of(q.task().p(), k * q.wd(), epsilon);
    return x.exists() && q.trainSize() > x.lower() && q.trainSize() < x.upper() ? Prediction.GROKS_UNTIMED : Prediction.NONE;
  }
}
