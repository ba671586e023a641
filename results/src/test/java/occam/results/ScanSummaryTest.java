package occam.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import occam.io.Json;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.scan.ScalingFit;
import occam.sfm.scan.ScanCell;
import org.junit.jupiter.api.Test;

/** summary.json: strict JSON, phase counts and fits per gate that match the cells, and every cell. */
class ScanSummaryTest {

  @Test
  void realScanSummaryIsStrictJsonMatchingTheCells() {
    ScanReport report = Cells.tinyReport();
    JsonObject s = Json.parseStrict(Json.pretty(report.summary())).getAsJsonObject();
    assertEquals(7, s.get("p").getAsInt());
    assertEquals("add", s.get("op").getAsString());
    assertEquals(49, s.get("domain_size").getAsInt());
    assertEquals(7, s.get("ideal_support").getAsInt());
    assertEquals(300, s.get("iters").getAsInt());
    assertEquals(3, s.get("seeds").getAsInt());
    assertEquals(12, s.getAsJsonArray("cells").size());
    JsonArray gates = s.getAsJsonArray("gates");
    assertEquals(2, gates.size());
    for (int gi = 0; gi < 2; gi++) {
      JsonObject g = gates.get(gi).getAsJsonObject();
      Gate gate = gi == 0 ? Gate.HARD : Gate.SOFT;
      assertEquals(gate.cliName(), g.get("gate").getAsString());
      List<ScanCell> mine = report.cellsOf(gate);
      JsonObject counts = g.getAsJsonObject("phase_counts");
      int total = 0;
      for (Phase ph : Phase.values()) {
        long k = mine.stream().filter(c -> c.phase() == ph).count();
        assertEquals(k, counts.has(ph.label()) ? counts.get(ph.label()).getAsInt() : 0, ph.label());
        total += k;
      }
      assertEquals(6, total);
      ScalingFit all = ScalingFit.of(mine, false);
      assertEquals(all.count(), g.getAsJsonObject("fit_generalizing").get("cells").getAsInt());
      assertEquals(ScanSummary.LAW, g.getAsJsonObject("fit_grokking").get("law").getAsString());
    }
    JsonObject cell = s.getAsJsonArray("cells").get(0).getAsJsonObject();
    assertEquals("hard", cell.get("gate").getAsString());
    assertEquals(1e-3, cell.get("beta").getAsDouble());
    assertEquals(0.3, cell.get("frac").getAsDouble());
  }

  /** t_gen = 50·β^−0.5·n^−1.2 exactly: the fit recovers both exponents with R² = 1, written under the old keys. */
  @Test
  void fitOfAnExactPowerLaw() {
    List<ScanCell> cells = new ArrayList<>();
    for (double beta : new double[] {1e-4, 1e-3, 1e-2}) {
      for (double frac : new double[] {0.3, 0.5, 0.7, 0.9}) {
        int n = (int) Math.round(frac * 49);
        int t = (int) Math.round(5e4 * Math.pow(beta, -0.5) * Math.pow(n, -1.2));
        cells.add(Cells.cell(Gate.SOFT, beta, frac, t, Phase.GROKKING));
      }
    }
    ScalingFit f = ScalingFit.of(cells, true);
    assertEquals(12, f.count());
    // t is rounded to an integer step: the exponents hold to the rounding (t ≥ 1e4, so 1e-4 relative).
    assertEquals(-0.5, f.betaExponent(), 1e-3);
    assertEquals(-1.2, f.nExponent(), 1e-3);
    assertEquals(1, f.rSquared(), 1e-6);
    JsonObject j = Json.parseStrict(Json.compact(ScanSummary.Fit.of(f))).getAsJsonObject();
    assertEquals(-0.5, j.get("beta_exponent").getAsDouble(), 1e-3);
    assertEquals(-1.2, j.get("n_exponent").getAsDouble(), 1e-3);
    assertEquals(Math.log(5e4), j.get("ln_A").getAsDouble(), 1e-2);
    assertTrue(j.has("beta_exponent_se") && j.has("n_exponent_se") && j.has("r_squared"));
    String text = ScanSummary.fitText(f);
    assertTrue(text.startsWith("t_gen ~ beta^-0.500±0.000 n^-1.200±0.000, R^2 = 1.000 over 12"), text);
  }

  /** Too few cells: every fitted number is null in JSON, and the text says why. */
  @Test
  void noFitIsNullNotNaN() {
    JsonObject j = Json.parseStrict(Json.compact(ScanSummary.Fit.of(ScalingFit.NONE))).getAsJsonObject();
    assertTrue(j.get("ln_A").isJsonNull());
    assertTrue(j.get("r_squared").isJsonNull());
    assertEquals(0, j.get("cells").getAsInt());
    assertEquals("too few grokking cells to fit (0)", ScanSummary.fitText(ScalingFit.NONE));
  }
}
