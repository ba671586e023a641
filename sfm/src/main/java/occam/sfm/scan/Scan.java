package occam.sfm.scan;

import java.util.ArrayList;
import java.util.List;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;

/**
 * A (β, frac, seed) grid of SFM runs (SPEC §3): every cell of β × frac is run for each seed, and
 * the seeds are aggregated per cell ({@link ScanCell}).
 *
 * @param base the run whose β, frac and seed are replaced per cell
 * @param betas β axis
 * @param fracs frac axis
 * @param seeds seeds 0..seeds−1 are added to the base seed
 */
public record Scan(SfmConfig base, Grid betas, Grid fracs, int seeds) {

  /**
   * Validates the scan.
   *
   * @throws IllegalArgumentException if seeds &lt; 1 or any grid point makes an invalid config
   */
  public Scan {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds = " + seeds + " is not allowed: seeds must be >= 1");
    }
    for (double b : betas.values()) {
      base.withBeta(b);
    }
    for (double f : fracs.values()) {
      base.withFrac(f);
    }
  }

  /** @return every run of the scan, β-major, then frac, then seed */
  public List<SfmConfig> configs() {
    List<SfmConfig> out = new ArrayList<>();
    for (double b : betas.values()) {
      for (double f : fracs.values()) {
        for (int s = 0; s < seeds; s++) {
          out.add(base.withBeta(b).withFrac(f).withSeed(base.seed() + s));
        }
      }
    }
    return out;
  }

  /**
   * Runs the scan.
   *
   * @param engine the engine
   * @param listener progress receiver
   * @return cells in β-major order
   */
  public List<ScanCell> run(SfmEngine engine, SfmListener listener) {
    return cells(engine.run(configs(), listener));
  }

  /**
   * Groups results into cells.
   *
   * @param results one result per run, in {@link #configs()} order
   * @return cells in β-major order
   * @throws IllegalArgumentException if the count differs from the runs of the scan
   */
  public List<ScanCell> cells(List<SfmResult> results) {
    int runs = betas.size() * fracs.size() * seeds;
    if (results.size() != runs) {
      throw new IllegalArgumentException("the scan has " + runs + " runs, got " + results.size() + " results");
    }
    List<ScanCell> cells = new ArrayList<>();
    int i = 0;
    for (double b : betas.values()) {
      for (double f : fracs.values()) {
        cells.add(new ScanCell(b, f, results.subList(i, i + seeds)));
        i += seeds;
      }
    }
    return cells;
  }
}
