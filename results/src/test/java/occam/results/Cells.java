package occam.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.fourier.RealDft2Backend;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.modular.Phase;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;
import occam.sfm.StopReason;
import occam.sfm.scan.Grid;
import occam.sfm.scan.ScanCell;
import occam.sfm.scan.ScanPlan;

/** Scan cells for the tests: synthetic ones with chosen phases and times, and a tiny real scan. */
final class Cells {
  private Cells() {}

  static final ModularTask TASK = ModularTask.of(7, Op.ADD);

  /**
   * A synthetic cell of one seed per given phase; each generalizing seed gets the given t_gen, the others none.
   *
   * @param gate gate
   * @param beta β
   * @param frac frac
   * @param tGen t_gen of the seeds that generalize
   * @param phases one phase per seed
   * @return the cell (support 10, Gini 0.5, IPR 0.25, eps_gen as given by {@link #epsGen})
   */
  static ScanCell cell(Gate gate, double beta, double frac, int tGen, Phase... phases) {
    return cell(gate, beta, frac, tGen, 0, phases);
  }

  static ScanCell cell(Gate gate, double beta, double frac, int tGen, double epsGen, Phase... phases) {
    List<SfmResult> runs = new ArrayList<>();
    SfmConfig c = SfmConfig.of(TASK, frac, beta, gate, 100, 0);
    int n = (int) Math.round(frac * TASK.domainSize());
    for (Phase ph : phases) {
      boolean gen = ph.generalizes();
      SfmMetrics last = new SfmMetrics(100, 0.1, gen ? 0.01 : 5, 1, gen ? 1 : 0.1, 10, 7, 0.9, 5, 10 * 70, 3, 0.5,
          0.25, 2, 1);
      runs.add(new SfmResult(c, ph, OptionalInt.of(1), gen ? OptionalInt.of(tGen) : OptionalInt.empty(),
          StopReason.BUDGET, n, 7, epsGen, last));
    }
    return new ScanCell(beta, frac, runs);
  }

  /** @return a real scan: p = 7 add, both gates, β ∈ {1e-3, 1}, frac ∈ {0.3, 0.6, 0.9}, 3 seeds, 300 iterations */
  static ScanPlan tinyPlan() {
    return new ScanPlan(SfmConfig.of(TASK, 0.3, 1e-3, Gate.HARD, 300, 0), List.of(Gate.HARD, Gate.SOFT),
        Grid.parse("--betas", "1e-3:1:2", true), Grid.parse("--fracs", "0.3:0.9:3", false), 3);
  }

  static CpuEngine engine() {
    return new CpuEngine(RealDft2Backend.JTRANSFORMS, 1, 100);
  }

  static ScanReport tinyReport() {
    return ScanReport.run(tinyPlan(), engine(), SfmListener.NONE, "occam scan --p 7 (test)");
  }
}
