package occam.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.sfm.Gate;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.scan.ScalingFit;
import occam.sfm.scan.ScanCell;

/** The {@code summary.json} of a scan: settings, phase counts, the t_gen scaling fit per gate, and every cell. */
public final class ScanSummary {
  private ScanSummary() {}

  /**
   * Builds the summary.
   *
   * @param cells all cells (every gate)
   * @param gates the gates scanned
   * @param base the base config (task, dynamics)
   * @param command the producing command
   * @param engine engine name
   * @param seconds wall time
   * @return the JSON object
   */
  public static JsonObject of(List<ScanCell> cells, List<Gate> gates, SfmConfig base, String command, String engine,
      double seconds) {
    JsonObject o = new JsonObject();
    o.addProperty("command", command);
    o.addProperty("engine", engine);
    o.addProperty("seconds", seconds);
    o.addProperty("p", base.task().p());
    o.addProperty("op", base.task().op().cliName());
    o.addProperty("m", base.task().groupOrder());
    o.addProperty("domain_size", base.task().domainSize());
    o.addProperty("ideal_support", cells.get(0).runs().get(0).idealSupport());
    o.addProperty("eta", base.eta());
    o.addProperty("wd", base.wd());
    o.addProperty("label_noise", base.labelNoise());
    o.addProperty("iters", base.iters());
    o.addProperty("acc_threshold", base.accThreshold());
    o.addProperty("seeds", cells.get(0).runs().size());
    JsonArray gs = new JsonArray();
    for (Gate g : gates) {
      List<ScanCell> mine = cells.stream().filter(c -> c.runs().get(0).config().gate() == g).toList();
      JsonObject gj = new JsonObject();
      gj.addProperty("gate", g.cliName());
      Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
      for (ScanCell c : mine) {
        counts.merge(c.phase(), 1, Integer::sum);
      }
      JsonObject cj = new JsonObject();
      counts.forEach((ph, k) -> cj.addProperty(ph.label(), k));
      gj.add("phase_counts", cj);
      ScalingFit grok = ScalingFit.of(mine, true);
      ScalingFit all = ScalingFit.of(mine, false);
      gj.add("fit_grokking", fit(grok));
      gj.add("fit_generalizing", fit(all));
      gj.addProperty("fit_text", fitText(grok));
      gs.add(gj);
    }
    o.add("gates", gs);
    o.add("theory", TheoryBeside.json(cells, gates, base.task()));
    JsonArray cs = new JsonArray();
    for (ScanCell c : cells) {
      JsonObject cj = new JsonObject();
      cj.addProperty("gate", c.runs().get(0).config().gate().cliName());
      cj.addProperty("beta", c.beta());
      cj.addProperty("frac", c.frac());
      cj.addProperty("n", c.trainSize());
      cj.addProperty("phase", c.phase().label());
      cj.addProperty("votes", c.phaseVotes());
      SfmJson.put(cj, "t_mem_median", c.medianTMem());
      SfmJson.put(cj, "t_gen_median", c.medianTGen());
      SfmJson.put(cj, "t_gen_min", c.minTGen());
      SfmJson.put(cj, "t_gen_max", c.maxTGen());
      SfmJson.put(cj, "test_acc", c.medianTestAcc());
      SfmJson.put(cj, "support", c.medianSupport());
      SfmJson.put(cj, "gini", c.medianGini());
      SfmJson.put(cj, "ipr", c.medianIpr());
      cs.add(cj);
    }
    o.add("cells", cs);
    return o;
  }

  private static JsonObject fit(ScalingFit f) {
    JsonObject o = new JsonObject();
    o.addProperty("law", "t_gen = A * beta^b * n^c (OLS in log space)");
    o.addProperty("cells", f.count());
    SfmJson.put(o, "ln_A", f.lnA());
    SfmJson.put(o, "beta_exponent", f.betaExponent());
    SfmJson.put(o, "beta_exponent_se", f.betaStdErr());
    SfmJson.put(o, "n_exponent", f.nExponent());
    SfmJson.put(o, "n_exponent_se", f.nStdErr());
    SfmJson.put(o, "r_squared", f.rSquared());
    return o;
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
