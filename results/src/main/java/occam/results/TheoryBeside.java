package occam.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import occam.modular.ModularTask;
import occam.sfm.Gate;
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
 * from which every larger frac of the grid generalizes (majority over seeds).
 */
public final class TheoryBeside {
  private TheoryBeside() {}

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
   * The theory block of {@code summary.json}.
   *
   * @param cells all cells
   * @param gates gates scanned
   * @param task the task
   * @return the JSON object
   */
  public static JsonObject json(List<ScanCell> cells, List<Gate> gates, ModularTask task) {
    double eps = epsGen(cells);
    double[] betas = cells.stream().mapToDouble(ScanCell::beta).distinct().sorted().toArray();
    Prediction pr = Prediction.of(task, betas[0], eps > 0 ? eps : 1, occam.sfm.SfmMetrics.C_FLOAT);
    int total = task.domainSize();
    int s = cells.get(0).runs().get(0).idealSupport();
    JsonObject o = new JsonObject();
    o.addProperty("lambda_mem", pr.lambdaMem());
    o.addProperty("lambda_gen", pr.lambdaGen());
    o.addProperty("lambda_ratio", pr.lambdaRatio());
    o.addProperty("k_mem_bits", pr.kMem());
    o.addProperty("k_gen_bits", pr.kGen());
    o.addProperty("delta_k_bits", pr.deltaK());
    double ncs = CompressedSensingThreshold.value(s, total);
    double ndt = DonohoTannerThreshold.value(s, total);
    o.addProperty("n_cs", ncs);
    o.addProperty("frac_cs", ncs / total);
    o.addProperty("n_donoho_tanner", ndt);
    o.addProperty("frac_donoho_tanner", ndt / total);
    o.addProperty("eps_gen", eps);
    o.addProperty("crossover_note", eps > 0 ? "n* = -(c/eps) W_-1(-eps/c), c = beta (p^2 - p), eps = median eps_gen of the runs"
        : "eps_gen = 0 (no label noise): the crossover n* is infinite; run with --label-noise to make it finite");
    JsonArray rows = new JsonArray();
    for (double b : betas) {
      JsonObject r = new JsonObject();
      r.addProperty("beta", b);
      if (eps > 0) {
        Crossover x = Crossover.of(task.p(), b, eps);
        SfmJson.put(r, "n_star", x.exists() ? x.nStar() : Double.NaN);
        SfmJson.put(r, "frac_star", x.exists() ? x.nStar() / total : Double.NaN);
        r.addProperty("crossover", x.exists() ? "exists" : String.format(Locale.ROOT, "none: eps/c = %.4g > 1/e", x.ratio()));
      } else {
        r.add("n_star", null);
        r.addProperty("crossover", "infinite (eps_gen = 0)");
      }
      for (Gate g : gates) {
        ScanCell edge = boundary(cells.stream().filter(c -> gateOf(c) == g).toList(), b);
        SfmJson.put(r, "sim_boundary_frac_" + g.cliName(), edge == null ? Double.NaN : edge.frac());
        SfmJson.put(r, "sim_boundary_n_" + g.cliName(), edge == null ? Double.NaN : edge.trainSize());
      }
      rows.add(r);
    }
    o.add("per_beta", rows);
    return o;
  }

  /**
   * The same as a Markdown section.
   *
   * @param theory the object from {@link #json}
   * @param gates the gates
   * @return Markdown text
   */
  public static String markdown(JsonObject theory, List<Gate> gates) {
    StringBuilder md = new StringBuilder("\n## Theory beside the simulation\n\n");
    md.append(String.format(Locale.ROOT, "- λ_mem/λ_gen = %s; ΔK = %s bits (K_mem %s, K_gen %s).%n",
        PhaseTable.fmt(theory.get("lambda_ratio").getAsDouble()), PhaseTable.fmt(theory.get("delta_k_bits").getAsDouble()),
        PhaseTable.fmt(theory.get("k_mem_bits").getAsDouble()), PhaseTable.fmt(theory.get("k_gen_bits").getAsDouble())));
    md.append(String.format(Locale.ROOT, "- Compressed sensing: n_cs = 2s·ln(N/s) = %s (frac %s); Donoho–Tanner 2s·W₀(N/2s) = %s (frac %s).%n",
        PhaseTable.fmt(theory.get("n_cs").getAsDouble()), PhaseTable.fmt(theory.get("frac_cs").getAsDouble()),
        PhaseTable.fmt(theory.get("n_donoho_tanner").getAsDouble()), PhaseTable.fmt(theory.get("frac_donoho_tanner").getAsDouble())));
    md.append("- Crossover: ").append(theory.get("crossover_note").getAsString()).append(".\n\n");
    md.append("| β | n* | frac* |");
    for (Gate g : gates) {
      md.append(" simulated boundary frac (").append(g.cliName()).append(") |");
    }
    md.append("\n|---|---|---|");
    for (int i = 0; i < gates.size(); i++) {
      md.append("---|");
    }
    md.append('\n');
    for (var e : theory.getAsJsonArray("per_beta")) {
      JsonObject r = e.getAsJsonObject();
      md.append("| ").append(PhaseTable.fmt(r.get("beta").getAsDouble())).append(" | ")
          .append(num(r, "n_star")).append(" | ").append(num(r, "frac_star")).append(" |");
      for (Gate g : gates) {
        md.append(' ').append(num(r, "sim_boundary_frac_" + g.cliName())).append(" |");
      }
      md.append('\n');
    }
    md.append("\nThe simulated boundary is the smallest frac of the grid from which every larger frac generalizes"
        + " (majority over seeds); – means the largest frac did not generalize.\n");
    return md.toString();
  }

  private static String num(JsonObject r, String key) {
    return r.has(key) && !r.get(key).isJsonNull() ? PhaseTable.fmt(r.get(key).getAsDouble()) : "–";
  }

  private static Gate gateOf(ScanCell c) {
    return c.runs().get(0).config().gate();
  }

  private static double epsGen(List<ScanCell> cells) {
    double[] e = cells.stream().flatMap(c -> c.runs().stream()).mapToDouble(SfmResult::epsGen).sorted().toArray();
    return e[e.length / 2];
  }
}
