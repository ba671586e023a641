package occam.results.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import occam.modular.ModularTask;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;

/**
 * The SFM's t_gen for the transformer runs' tasks: one SFM run per distinct (task, frac, seed, β),
 * each on the same seeded split as the transformer (SPEC §1), cached so that a k_β grid costs one
 * batch of runs.
 */
public final class SfmTimes {
  private final SfmEngine engine;
  private final Gate gate;
  private final int iters;
  private final Map<String, SfmResult> cache = new LinkedHashMap<>();

  /**
   * Prepares the runner.
   *
   * @param engine the SFM engine
   * @param gate the Occam Gate
   * @param iters iteration budget per run
   * @throws IllegalArgumentException if iters &lt; 1 or an argument is null
   */
  public SfmTimes(SfmEngine engine, Gate gate, int iters) {
    if (engine == null || gate == null) {
      throw new IllegalArgumentException("engine and gate must be given");
    }
    if (iters < 1) {
      throw new IllegalArgumentException("sfm iters = " + iters + " is not allowed: it must be >= 1");
    }
    this.engine = engine;
    this.gate = gate;
    this.iters = iters;
  }

  /** @return the gate */
  public Gate gate() {
    return gate;
  }

  /** @return the iteration budget */
  public int iters() {
    return iters;
  }

  /**
   * The configuration the SFM runs for a transformer run at a β.
   *
   * @param run the transformer run
   * @param beta β
   * @return SPEC §3's defaults (η = 1, no ℓ2, W₀ = 0) on the run's task, frac and seed
   */
  public SfmConfig config(TrainingRecord run, double beta) {
    return config(run.task(), run.frac(), run.seed(), beta);
  }

  /**
   * The configuration the SFM runs for a task's seeded split at a β.
   *
   * @param task the task
   * @param frac the training fraction
   * @param seed the seed of the split
   * @param beta β
   * @return SPEC §3's defaults (η = 1, no ℓ2, W₀ = 0) on that split
   */
  public SfmConfig config(ModularTask task, double frac, long seed, double beta) {
    return SfmConfig.of(task, frac, beta, gate, iters, seed);
  }

  /**
   * Runs (in one batch) every configuration not yet cached.
   *
   * @param configs the configurations
   */
  public void prepare(List<SfmConfig> configs) {
    List<SfmConfig> todo = new ArrayList<>();
    for (SfmConfig c : configs) {
      if (!cache.containsKey(key(c)) && todo.stream().noneMatch(t -> key(t).equals(key(c)))) {
        todo.add(c);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    List<SfmResult> results = engine.run(todo, SfmListener.NONE);
    for (SfmResult r : results) {
      cache.put(key(r.config()), r);
    }
  }

  /**
   * The SFM result for a configuration (running it if needed).
   *
   * @param c the configuration
   * @return its result
   */
  public SfmResult result(SfmConfig c) {
    prepare(List.of(c));
    return cache.get(key(c));
  }

  /**
   * t_gen of a configuration.
   *
   * @param c the configuration
   * @return t_gen, empty when the SFM does not generalize within the budget
   */
  public OptionalInt tGen(SfmConfig c) {
    return result(c).tGen();
  }

  /** @return every result run so far, in run order */
  public List<SfmResult> results() {
    return List.copyOf(cache.values());
  }

  private static String key(SfmConfig c) {
    ModularTask t = c.task();
    return t.p() + "/" + t.op().cliName() + "/" + c.frac() + "/" + c.seed() + "/" + c.beta();
  }
}
