package occam.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import occam.io.Numbers;
import occam.modular.ModularTask;
import occam.sfm.Gate;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;
import occam.sfm.scan.ScanCell;
import occam.theory.CompressedSensingThreshold;
import occam.theory.Crossover;
import occam.theory.DonohoTannerThreshold;
import occam.theory.Prediction;

/**
 * Puts the theory of SPEC §4 beside a scan, so agreement and disagreement are visible at once: the
 * free-energy crossover n*(β) (finite only when ε_gen &gt; 0, i.e. with label noise), the
 * compressed-sensing data thresholds for recovering the |supp W*|-sparse solution from n samples of
 * N = m² coefficients, and the simulated generalization boundary per β and gate: the smallest frac
 * from which every larger frac of the grid generalizes (majority over seeds). The {@code theory}
 * block of {@code summary.json}; NaN fields are JSON nulls.
 *
 * @param lambdaMem λ of the memorizing solution
 * @param lambdaGen λ of the generalizing solution
 * @param lambdaRatio λ_mem/λ_gen
 * @param kMemBits K of the memorizing solution in bits
 * @param kGenBits K of the generalizing solution in bits
 * @param deltaKBits K_mem − K_gen
 * @param nCs compressed-sensing threshold 2s·ln(N/s)
 * @param fracCs n_cs / N
 * @param nDonohoTanner Donoho–Tanner threshold 2s·W₀(N/2s)
 * @param fracDonohoTanner n_DT / N
 * @param epsGen median ε_gen of the runs
 * @param crossoverNote how n* was computed, or why it is infinite
 * @param perBeta one row per β of the grid
 */
public record TheoryBeside(double lambdaMem, double lambdaGen, double lambdaRatio, double kMemBits, double kGenBits,
    double deltaKBits, double nCs, double fracCs, double nDonohoTanner, double fracDonohoTanner, double epsGen,
    String crossoverNote, List<PerBeta> perBeta) {

  /**
   * The crossover and the simulated boundaries at one β; a gate that was not scanned has NaN boundaries.
   *
   * @param beta β
   * @param nStar crossover n* (NaN when none or infinite)
   * @param fracStar n* / N
   * @param crossover "exists", or why not
   * @param simBoundaryFracHard smallest generalizing frac of the hard gate (NaN if the largest frac did not)
   * @param simBoundaryNHard its n
   * @param simBoundaryFracSoft smallest generalizing frac of the soft gate
   * @param simBoundaryNSoft its n
   */
  public record PerBeta(double beta, double nStar, double fracStar, String crossover, double simBoundaryFracHard,
      double simBoundaryNHard, double simBoundaryFracSoft, double simBoundaryNSoft) {

    /**
     * The simulated boundary frac of a gate.
     *
     * @param g the gate
     * @return its boundary frac, NaN if none
     */
    public double boundaryFrac(Gate g) {
      return g == Gate.HARD ? simBoundaryFracHard : simBoundaryFracSoft;
    }
  }

  /**
   * The smallest grid frac from which this β generalizes at every larger frac.
   *
   * @param cells cells of one gate
   * @param beta β
   * @return that cell, or null if the largest frac does not generalize
   */
  public static ScanCell boundary(List<ScanCell> cells, double beta) {
    List<ScanCell> row = new ArrayList<>(cells.stream().filter(c -> c.beta() == beta).toList());
    row.sort((a, b) -> Double.compare(b.frac(), a.frac()));
    ScanCell edge = null;
    for (ScanCell c : row) {
      if (!c.phase().generalizes()) {
        break;
      }
      edge = c;
    }
    return edge;
  }

  /**
   * The theory beside a scan.
   *
   * @param cells all cells
   * @param gates gates scanned
   * @param task the task
   * @return the theory block
   */
  public static TheoryBeside of(List<ScanCell> cells, List<Gate> gates, ModularTask task) {
    double eps = epsGen(cells);
    double[] betas = cells.stream().mapToDouble(ScanCell::beta).distinct().sorted().toArray();
    Prediction pr = Prediction.of(task, betas[0], eps > 0 ? eps : 1, SfmMetrics.C_FLOAT);
    int total = task.domainSize();
    int s = cells.get(0).runs().get(0).idealSupport();
    double ncs = CompressedSensingThreshold.value(s, total);
    double ndt = DonohoTannerThreshold.value(s, total);
    String note = eps > 0 ? "n* = -(c/eps) W_-1(-eps/c), c = beta (p^2 - p), eps = median eps_gen of the runs"
        : "eps_gen = 0 (no label noise): the crossover n* is infinite; run with --label-noise to make it finite";
    List<PerBeta> rows = new ArrayList<>();
    for (double b : betas) {
      double nStar = Double.NaN;
      String crossover = "infinite (eps_gen = 0)";
      if (eps > 0) {
        Crossover x = Crossover.of(task.p(), b, eps);
        nStar = x.exists() ? x.nStar() : Double.NaN;
        crossover = x.exists() ? "exists" : String.format(Locale.ROOT, "none: eps/c = %.4g > 1/e", x.ratio());
      }
      ScanCell hard = gates.contains(Gate.HARD) ? boundary(cellsOf(cells, Gate.HARD), b) : null;
      ScanCell soft = gates.contains(Gate.SOFT) ? boundary(cellsOf(cells, Gate.SOFT), b) : null;
      rows.add(new PerBeta(b, nStar, nStar / total, crossover, fracOf(hard), sizeOf(hard), fracOf(soft), sizeOf(soft)));
    }
    return new TheoryBeside(pr.lambdaMem(), pr.lambdaGen(), pr.lambdaRatio(), pr.kMem(), pr.kGen(), pr.deltaK(), ncs,
        ncs / total, ndt, ndt / total, eps, note, List.copyOf(rows));
  }

  /**
   * The same as a Markdown section.
   *
   * @param gates the gates to show boundaries for
   * @return Markdown text
   */
  public String markdown(List<Gate> gates) {
    StringBuilder md = new StringBuilder("\n## Theory beside the simulation\n\n");
    md.append(String.format(Locale.ROOT, "- λ_mem/λ_gen = %s; ΔK = %s bits (K_mem %s, K_gen %s).%n",
        Numbers.table(lambdaRatio), Numbers.table(deltaKBits), Numbers.table(kMemBits), Numbers.table(kGenBits)));
    md.append(String.format(Locale.ROOT, "- Compressed sensing: n_cs = 2s·ln(N/s) = %s (frac %s); Donoho–Tanner 2s·W₀(N/2s) = %s (frac %s).%n",
        Numbers.table(nCs), Numbers.table(fracCs), Numbers.table(nDonohoTanner), Numbers.table(fracDonohoTanner)));
    md.append("- Crossover: ").append(crossoverNote).append(".\n\n");
    md.append("| β | n* | frac* |");
    for (Gate g : gates) {
      md.append(" simulated boundary frac (").append(g.cliName()).append(") |");
    }
    md.append("\n|---|---|---|");
    md.append("---|".repeat(gates.size()));
    md.append('\n');
    for (PerBeta r : perBeta) {
      md.append("| ").append(Numbers.table(r.beta())).append(" | ").append(Numbers.table(r.nStar())).append(" | ")
          .append(Numbers.table(r.fracStar())).append(" |");
      for (Gate g : gates) {
        md.append(' ').append(Numbers.table(r.boundaryFrac(g))).append(" |");
      }
      md.append('\n');
    }
    md.append("\nThe simulated boundary is the smallest frac of the grid from which every larger frac generalizes"
        + " (majority over seeds); – means the largest frac did not generalize.\n");
    return md.toString();
  }

  private static List<ScanCell> cellsOf(List<ScanCell> cells, Gate g) {
    return cells.stream().filter(c -> c.gate() == g).toList();
  }

  private static double fracOf(ScanCell edge) {
    return edge == null ? Double.NaN : edge.frac();
  }

  private static double sizeOf(ScanCell edge) {
    return edge == null ? Double.NaN : edge.trainSize();
  }

  private static double epsGen(List<ScanCell> cells) {
    double[] e = cells.stream().flatMap(c -> c.runs().stream()).mapToDouble(SfmResult::epsGen).sorted().toArray();
    return e[e.length / 2];
  }
}
