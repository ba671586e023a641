package occam.results;

import com.google.gson.annotations.SerializedName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.scan.ScalingFit;
import occam.sfm.scan.ScanCell;

/**
 * The {@code summary.json} of a scan: settings, phase counts and the t_gen scaling fit per gate, the
 * theory beside the simulation, and every cell. Serialized by {@link occam.io.Json}.
 *
 * @param command the producing command
 * @param engine engine name
 * @param seconds wall time of the runs
 * @param p prime modulus
 * @param op operation
 * @param m group order
 * @param domainSize m² pairs
 * @param idealSupport |supp W*|
 * @param eta drift step η
 * @param wd ℓ2 decay γ
 * @param labelNoise label-noise std
 * @param iters iteration budget
 * @param accThreshold accuracy threshold of t_mem and t_gen
 * @param seeds seeds per cell
 * @param gates one block per gate
 * @param theory the theory beside the scan
 * @param cells every cell, gate by gate
 */
public record ScanSummary(String command, String engine, double seconds, int p, String op, int m, int domainSize,
    int idealSupport, double eta, double wd, double labelNoise, int iters, double accThreshold, int seeds,
    List<PerGate> gates, TheoryBeside theory, List<PhaseRow> cells) {

  /** The law every fit states. */
  public static final String LAW = "t_gen = A * beta^b * n^c (OLS in log space)";

  /**
   * One gate's phase counts and t_gen scaling fits.
   *
   * @param gate the gate
   * @param phaseCounts cells per majority phase, in {@link Phase} order, phases with no cell left out
   * @param fitGrokking the law fitted to the grokking cells
   * @param fitGeneralizing the law fitted to every cell with a t_gen
   * @param fitText one line describing the grokking fit
   */
  public record PerGate(String gate, Map<String, Integer> phaseCounts, Fit fitGrokking, Fit fitGeneralizing,
      String fitText) {}

  /**
   * A {@link ScalingFit} as JSON.
   *
   * @param law the fitted law
   * @param cells cells fitted
   * @param lnA intercept ln A
   * @param betaExponent b
   * @param betaExponentSe standard error of b
   * @param nExponent c
   * @param nExponentSe standard error of c
   * @param rSquared R² in log space
   */
  public record Fit(String law, int cells, @SerializedName("ln_A") double lnA, double betaExponent,
      double betaExponentSe, double nExponent, double nExponentSe, double rSquared) {

    /**
     * The JSON form of a fit.
     *
     * @param f the fit
     * @return its record
     */
    public static Fit of(ScalingFit f) {
      return new Fit(LAW, f.count(), f.lnA(), f.betaExponent(), f.betaStdErr(), f.nExponent(), f.nStdErr(),
          f.rSquared());
    }
  }

  /**
   * Builds the summary of a finished scan.
   *
   * @param report the scan
   * @return its summary
   */
  public static ScanSummary of(ScanReport report) {
    SfmConfig base = report.plan().base();
    List<ScanCell> cells = report.cells();
    double bits = report.bitsPerCoefficient();
    List<PerGate> gates = report.plan().gates().stream().map(g -> perGate(g.cliName(), report.cellsOf(g))).toList();
    return new ScanSummary(report.command(), report.engine(), report.seconds(), base.task().p(),
        base.task().op().cliName(), base.task().groupOrder(), base.task().domainSize(),
        cells.get(0).runs().get(0).idealSupport(), base.eta(), base.wd(), base.labelNoise(), base.iters(),
        base.accThreshold(), report.plan().seeds(), gates, TheoryBeside.of(cells, report.plan().gates(), base.task()),
        cells.stream().map(c -> PhaseRow.of(c, bits)).toList());
  }

  private static PerGate perGate(String gate, List<ScanCell> mine) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Phase ph : Phase.values()) {
      int k = (int) mine.stream().filter(c -> c.phase() == ph).count();
      if (k > 0) {
        counts.put(ph.label(), k);
      }
    }
    ScalingFit grok = ScalingFit.of(mine, true);
    return new PerGate(gate, counts, Fit.of(grok), Fit.of(ScalingFit.of(mine, false)), fitText(grok));
  }

  /**
   * One line describing a fit.
   *
   * @param f the fit
   * @return e.g. "t_gen ~ beta^-0.45(3) n^-1.2(1), R^2 = 0.97 over 21 grokking cells"
   */
  static String fitText(ScalingFit f) {
    if (Double.isNaN(f.rSquared())) {
      return "too few grokking cells to fit (" + f.count() + ")";
    }
    return String.format(Locale.ROOT, "t_gen ~ beta^%s n^%s, R^2 = %.3f over %d grokking cells",
        exp(f.betaExponent(), f.betaStdErr()), exp(f.nExponent(), f.nStdErr()), f.rSquared(), f.count());
  }

  private static String exp(double e, double se) {
    return Double.isNaN(e) ? "(fixed)" : String.format(Locale.ROOT, "%.3f±%.3f", e, se);
  }
}
