package occam.sfm.scan;

import java.util.ArrayList;
import java.util.List;
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
    List<ScanCell> cells = new ArrayList<>();
    for (Scan s : scans()) {
      cells.addAll(s.run(engine, listener));
    }
    return cells;
  }

  private static List<Scan> scans(SfmConfig base, List<Gate> gates, Grid betas, Grid fracs, int seeds) {
    return gates.stream().map(g -> new Scan(base.withGate(g), betas, fracs, seeds)).toList();
  }
}
