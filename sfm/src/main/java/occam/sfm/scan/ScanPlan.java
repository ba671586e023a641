package occam.sfm.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import occam.io.CellJournal;
import occam.io.MemoryEstimate;
import occam.sfm.SfmResult;
import occam.sfm.SfmSolver;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;

/**
 * What {@code occam scan} runs: one {@link Scan} of the β × frac × seed grid per Occam Gate, all
 * sharing the task and dynamics of a base run.
 *
 * @param base the run whose gate, β, frac and seed are replaced per cell
 * @param gates the gates, in output order
 * @param betas β axis
 * @param fracs frac axis
 * @param seeds seeds per cell
 */
public record ScanPlan(SfmConfig base, List<Gate> gates, Grid betas, Grid fracs, int seeds) {

  /**
   * Validates the plan.
   *
   * @throws IllegalArgumentException if an argument is missing, the gates are empty or repeated, or
   *     any grid point makes an invalid config (see {@link Scan})
   */
  public ScanPlan {
    if (base == null || betas == null || fracs == null) {
      throw new IllegalArgumentException("a scan plan needs a base run and both grids");
    }
    if (gates == null || gates.isEmpty() || gates.stream().distinct().count() != gates.size()) {
      throw new IllegalArgumentException("gates = " + gates + " is not allowed: give each gate at most once, at least one");
    }
    gates = List.copyOf(gates);
    scans(base, gates, betas, fracs, seeds);
  }

  /** @return one scan per gate, in {@link #gates} order */
  public List<Scan> scans() {
    return scans(base, gates, betas, fracs, seeds);
  }

  /** @return the number of SFM runs of the plan */
  public long runs() {
    return (long) gates.size() * betas.values().length * fracs.values().length * seeds;
  }

  /**
   * Runs every scan of the plan.
   *
   * @param engine the engine
   * @param listener progress receiver
   * @return cells gate by gate, each gate β-major
   */
  public List<ScanCell> run(SfmEngine engine, SfmListener listener) {
    return run(engine, listener, Map.of());
  }

  /**
   * Runs the runs of the plan not yet done, all in one call of the engine, and assembles every cell in
   * grid order from the done and the new results: the cells equal those of an uninterrupted run, since
   * a run's result depends on its config only.
   *
   * @param engine the engine
   * @param listener progress receiver (called for the new runs only)
   * @param done results already finished, by {@link #key}
   * @return cells gate by gate, each gate β-major
   */
  public List<ScanCell> run(SfmEngine engine, SfmListener listener, Map<String, SfmResult> done) {
    List<SfmConfig> todo = configs().stream().filter(c -> !done.containsKey(key(c))).toList();
    Map<String, SfmResult> results = new HashMap<>(done);
    if (!todo.isEmpty()) {
      for (SfmResult r : engine.run(todo, listener)) {
        results.put(key(r.config()), r);
      }
    }
    List<ScanCell> cells = new ArrayList<>();
    for (Scan s : scans()) {
      cells.addAll(s.cells(s.configs().stream().map(c -> results.get(key(c))).toList()));
    }
    return cells;
  }

  /** @return every run of the plan, gate by gate, each β-major, then frac, then seed */
  public List<SfmConfig> configs() {
    return scans().stream().flatMap(s -> s.configs().stream()).toList();
  }

  /**
   * The key of a run in a scan journal: its coordinates (gate, β, frac, seed).
   *
   * @param c the run
   * @return {@code ["soft",1.0E-5,0.2,0]}-style canonical text ({@link CellJournal#key})
   */
  public static String key(SfmConfig c) {
    return CellJournal.key(c.gate().cliName(), c.beta(), c.frac(), c.seed());
  }

  /** Bytes a finished run's result takes while a scan holds it (config, metrics, journal entry). */
  public static final int BYTES_PER_RESULT = 2048;

  /**
   * The memory a scan of this many runs needs before its grid is built: the results it keeps, plus
   * the runs the engine holds at once.
   *
   * @param m the group order
   * @param runs the number of runs (gates × β × frac × seeds)
   * @param inFlight runs held at once
   * @return the estimate
   */
  public static MemoryEstimate memory(int m, long runs, int inFlight) {
    MemoryEstimate results = new MemoryEstimate(MemoryEstimate.times(runs, BYTES_PER_RESULT),
        runs + " runs × " + BYTES_PER_RESULT + " B per result");
    MemoryEstimate solvers = SfmSolver.memory(m, inFlight);
    return results.bytes() >= solvers.bytes() ? results.plus(solvers.bytes()) : solvers.plus(results.bytes());
  }

  private static List<Scan> scans(SfmConfig base, List<Gate> gates, Grid betas, Grid fracs, int seeds) {
    return gates.stream().map(g -> new Scan(base.withGate(g), betas, fracs, seeds)).toList();
  }
}
