package occam.results.prediction;

import java.util.OptionalInt;
import occam.modular.ModularTask;
import occam.modular.TrainSplit;

/**
 * What a predictor is asked about: the settings of one training run and, for in-run predictors, what
 * the run has shown so far.
 *
 * @param task the task (p, op)
 * @param wd AdamW's weight decay ≥ 0
 * @param frac α in (0, 1]
 * @param lr peak learning rate &gt; 0
 * @param seed seed of the split (the SFM runs on the same split)
 * @param trainSize n = |S|
 * @param model the architecture
 * @param tMem t_mem, if the run has memorized (in-run predictors need it)
 * @param vMem V_mem = ‖θ‖² at t_mem (NaN when unknown)
 */
public record Query(ModularTask task, double wd, double frac, double lr, long seed, int trainSize, Architecture model,
    OptionalInt tMem, double vMem) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming a value out of range
   */
  public Query {
    if (task == null || model == null || tMem == null) {
      throw new IllegalArgumentException("task, model and t_mem (possibly empty) must be given");
    }
    if (!(wd >= 0) || Double.isInfinite(wd)) {
      throw new IllegalArgumentException("wd = " + wd + " is not allowed: it must be finite and >= 0");
    }
    if (!(frac > 0 && frac <= 1)) {
      throw new IllegalArgumentException("frac = " + frac + " is not allowed: it must be in (0, 1]");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("lr = " + lr + " is not allowed: it must be positive and finite");
    }
    if (trainSize < 1) {
      throw new IllegalArgumentException("n = " + trainSize + " is not allowed: it must be >= 1");
    }
  }

  /**
   * A query before training: n from the seeded split (SPEC §1), no in-run data.
   *
   * @param task the task
   * @param wd weight decay
   * @param frac α
   * @param lr learning rate
   * @param seed split seed
   * @param model the architecture
   * @return the query
   */
  public static Query of(ModularTask task, double wd, double frac, double lr, long seed, Architecture model) {
    return new Query(task, wd, frac, lr, seed, TrainSplit.of(task, frac, seed).trainSize(), model, OptionalInt.empty(),
        Double.NaN);
  }

  /**
   * The same query with what a run showed at memorization.
   *
   * @param tMemStep t_mem
   * @param vAtMem ‖θ‖² at t_mem
   * @return the query with them
   */
  public Query withMemorization(int tMemStep, double vAtMem) {
    return new Query(task, wd, frac, lr, seed, trainSize, model, OptionalInt.of(tMemStep), vAtMem);
  }
}
