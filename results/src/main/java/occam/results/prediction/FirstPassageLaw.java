package occam.results.prediction;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The first-passage norm law (arXiv 2605.18845): after memorization, AdamW's decoupled decay shrinks
 * V = ‖θ‖² at rate 2κ·lr·wd until it reaches the generalizing solution's V*, so
 *
 * <pre>
 *   T_grok − T_mem = ln(V_mem / V*) / (2κ·lr·wd)
 * </pre>
 *
 * with V_mem = V at t_mem, read from the run (an in-run predictor: it answers once the run has
 * memorized). V_mem ≤ V* predicts T_grok = T_mem; wd = 0 never groks.
 *
 * <p>Fit: with x = ln V_mem and y = 2·lr·wd·(T_grok − T_mem), the law is the line y = (x − ln V*)/κ;
 * least squares over the calibration runs that grokked (wd &gt; 0, V_mem known), with κ &gt; 0 and V* ≥
 * {@link #V_STAR_FLOOR}·min V_mem. The unconstrained line (slope s, intercept b) gives κ = 1/s and ln V*
 * = −b/s when s &gt; 0 and V* is above the floor. Otherwise the constrained optimum lies on the floor
 * (a slope ≤ 0 is best approached by a flat line, i.e. V* → 0): V* is held there and 1/κ is the
 * least-squares slope through it, Σ y·(x − ln V*)/Σ (x − ln V*)². The report says when V* sits on the
 * floor: then the law is t − t_mem ∝ 1/(lr·wd) with a weak ln V_mem factor.
 *
 * @param kappa κ
 * @param vStar V*
 * @param points calibration runs it was fitted on
 */
public record FirstPassageLaw(double kappa, double vStar, int points) implements Predictor {

  /** Name in reports. */
  public static final String NAME = "first_passage";

  /** The smallest V* fitted, as a share of the smallest calibration V_mem. */
  public static final double V_STAR_FLOOR = 1e-4;

  /**
   * Fits κ and V*.
   *
   * @param calibration the calibration runs
   * @return the law
   */
  public static FirstPassageLaw fit(List<GridRun> calibration) {
    List<GridRun> runs = calibration.stream()
        .filter(r -> r.grokked() && r.wd() > 0 && r.tMem().isPresent() && r.vMem() > 0).toList();
    if (runs.size() < 2) {
      return new FirstPassageLaw(Double.NaN, Double.NaN, runs.size());
    }
    double[] x = runs.stream().mapToDouble(r -> Math.log(r.vMem())).toArray();
    double[] y = runs.stream().mapToDouble(r -> 2 * r.lr() * r.wd() * (r.measured() - r.tMem().getAsInt())).toArray();
    SimpleRegression line = new SimpleRegression(true);
    for (int i = 0; i < x.length; i++) {
      line.addData(x[i], y[i]);
    }
    double floor = java.util.Arrays.stream(x).min().orElseThrow() + Math.log(V_STAR_FLOOR);
    double s = line.getSlope();
    if (s > 0 && Double.isFinite(s) && -line.getIntercept() / s >= floor) {
      return new FirstPassageLaw(1 / s, Math.exp(-line.getIntercept() / s), runs.size());
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      num += y[i] * (x[i] - floor);
      den += (x[i] - floor) * (x[i] - floor);
    }
    return num > 0 ? new FirstPassageLaw(den / num, Math.exp(floor), runs.size())
        : new FirstPassageLaw(Double.NaN, Double.NaN, runs.size());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean inRun() {
    return true;
  }

  @Override
  public boolean theory() {
    return true;
  }

  @Override
  public Prediction predict(Query q) {
    if (q.tMem().isEmpty() || !(q.vMem() > 0) || !(kappa > 0)) {
      return Prediction.ABSTAIN;
    }
    double lag = Math.max(0, Math.log(q.vMem() / vStar)) / (2 * kappa * q.lr() * q.wd());
    return Prediction.ofSteps(q.tMem().getAsInt() + lag);
  }
}
