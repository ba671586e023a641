package occam.results.prediction;

import java.util.List;
import java.util.OptionalInt;
import occam.results.compare.SfmTimes;
import occam.sfm.SfmResult;

/**
 * A fitted SFM ({@link SfmFit}) with the runner that answers its queries (cached per p, op, split and
 * β, so a query asked twice costs one SFM run).
 *
 * @param fit the fitted mapping and time scale
 * @param sfm the runner, of the fit's gate and budget
 */
public record SfmPredictor(SfmFit fit, SfmTimes sfm) implements Predictor {

  /**
   * Checks that the runner matches the fit.
   *
   * @throws IllegalArgumentException if an argument is null or the runner's gate or budget differs
   */
  public SfmPredictor {
    if (fit == null || sfm == null) {
      throw new IllegalArgumentException("an SFM predictor needs its fit and a runner");
    }
    if (!sfm.gate().cliName().equals(fit.gate()) || sfm.iters() != fit.sfmIters()) {
      throw new IllegalArgumentException("the SFM runner (" + sfm.gate().cliName() + ", " + sfm.iters()
          + " iterations) does not match the fit (" + fit.gate() + ", " + fit.sfmIters() + ")");
    }
  }

  @Override
  public String name() {
    return fit.name();
  }

  @Override
  public boolean theory() {
    return true;
  }

  /**
   * Runs the SFM for many queries in one batch, so later {@link #predict} calls hit the cache.
   *
   * @param queries the queries
   */
  public void prepare(List<Query> queries) {
    if (fitted()) {
      sfm.prepare(queries.stream().map(q -> SfmFit.config(sfm, q, fit.k(), fit.a())).toList());
    }
  }

  /** @return whether the time scale was fitted (otherwise the predictor abstains) */
  public boolean fitted() {
    return Double.isFinite(fit.lnScale());
  }

  /**
   * The SFM's run for a query at the fitted β = k·wd^a, on the query's split.
   *
   * @param q the query
   * @return the SFM result (cached)
   */
  public SfmResult result(Query q) {
    return sfm.result(SfmFit.config(sfm, q, fit.k(), fit.a()));
  }

  @Override
  public Prediction predict(Query q) {
    if (!fitted()) {
      return Prediction.ABSTAIN;
    }
    OptionalInt t = result(q).tGen();
    return t.isPresent() ? Prediction.ofSteps(fit.steps(t.getAsInt(), q.lr())) : Prediction.NONE;
  }
}
