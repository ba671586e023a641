package occam.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import occam.io.Json;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.scan.ScanCell;
import occam.theory.CompressedSensingThreshold;
import occam.theory.Crossover;
import occam.theory.DonohoTannerThreshold;
import org.junit.jupiter.api.Test;

/** The theory beside a scan: thresholds, the crossover and the simulated boundary per β and gate. */
class TheoryBesideTest {
  private static final Phase C = Phase.COMPREHENSION;
  private static final Phase G = Phase.GROKKING;
  private static final Phase M = Phase.MEMORIZATION;

  /** Hard gate: β = 1e-3 generalizes from frac 0.5 up, β = 1e-2 only at 0.9, β = 1e-1 never (largest frac memorizes). */
  private static List<ScanCell> hardCells(double eps) {
    return List.of(
        Cells.cell(Gate.HARD, 1e-3, 0.1, 0, eps, M), Cells.cell(Gate.HARD, 1e-3, 0.5, 300, eps, G),
        Cells.cell(Gate.HARD, 1e-3, 0.9, 20, eps, C),
        Cells.cell(Gate.HARD, 1e-2, 0.1, 0, eps, M), Cells.cell(Gate.HARD, 1e-2, 0.5, 0, eps, M),
        Cells.cell(Gate.HARD, 1e-2, 0.9, 30, eps, C),
        Cells.cell(Gate.HARD, 1e-1, 0.1, 40, eps, C), Cells.cell(Gate.HARD, 1e-1, 0.5, 0, eps, M),
        Cells.cell(Gate.HARD, 1e-1, 0.9, 0, eps, M));
  }

  @Test
  void boundaryIsTheSmallestFracFromWhichAllLargerGeneralize() {
    List<ScanCell> cells = hardCells(0);
    assertEquals(0.5, TheoryBeside.boundary(cells, 1e-3).frac());
    assertEquals(0.9, TheoryBeside.boundary(cells, 1e-2).frac());
    // frac 0.1 generalizes at β = 0.1, but 0.5 and 0.9 do not: no boundary.
    assertNull(TheoryBeside.boundary(cells, 1e-1));
  }

  /** Without label noise: infinite crossover (null), CS thresholds of s = 7 in N = 49, boundaries, strict JSON. */
  @Test
  void noiselessScanHasNoCrossover() {
    TheoryBeside t = TheoryBeside.of(hardCells(0), List.of(Gate.HARD), Cells.TASK);
    JsonObject j = Json.parseStrict(Json.pretty(t)).getAsJsonObject();
    assertEquals(CompressedSensingThreshold.value(7, 49), j.get("n_cs").getAsDouble());
    assertEquals(CompressedSensingThreshold.value(7, 49) / 49, j.get("frac_cs").getAsDouble());
    assertEquals(DonohoTannerThreshold.value(7, 49), j.get("n_donoho_tanner").getAsDouble());
    assertEquals(0, j.get("eps_gen").getAsDouble());
    assertTrue(j.get("crossover_note").getAsString().startsWith("eps_gen = 0"));
    assertEquals(3, j.getAsJsonArray("per_beta").size());
    JsonObject b0 = j.getAsJsonArray("per_beta").get(0).getAsJsonObject();
    assertEquals(1e-3, b0.get("beta").getAsDouble());
    assertTrue(b0.get("n_star").isJsonNull());
    assertEquals("infinite (eps_gen = 0)", b0.get("crossover").getAsString());
    assertEquals(0.5, b0.get("sim_boundary_frac_hard").getAsDouble());
    assertEquals(Math.round(0.5 * 49), b0.get("sim_boundary_n_hard").getAsDouble());
    assertTrue(b0.get("sim_boundary_frac_soft").isJsonNull(), "the soft gate was not scanned");
    JsonObject b2 = j.getAsJsonArray("per_beta").get(2).getAsJsonObject();
    assertTrue(b2.get("sim_boundary_frac_hard").isJsonNull());
    // λ ratio of the memorizing and generalizing solutions: (m²/2)/(m/2) = m = 7.
    assertEquals(7, j.get("lambda_ratio").getAsDouble(), 1e-12);
  }

  /** With label noise ε_gen = 0.02 (the median over runs) the crossover n*(β) is the Lambert-W root. */
  @Test
  void noisyScanHasTheCrossover() {
    TheoryBeside t = TheoryBeside.of(hardCells(0.02), List.of(Gate.HARD), Cells.TASK);
    assertEquals(0.02, t.epsGen());
    for (TheoryBeside.PerBeta r : t.perBeta()) {
      Crossover x = Crossover.of(7, r.beta(), 0.02);
      assertEquals(x.exists() ? x.nStar() : Double.NaN, r.nStar());
      assertEquals(r.nStar() / 49, r.fracStar());
    }
    String md = t.markdown(List.of(Gate.HARD));
    assertTrue(md.contains("| β | n* | frac* | simulated boundary frac (hard) |"), md);
    assertTrue(md.contains("| 0.1 | "), md);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| 0.001 |") && l.endsWith(" 0.5 |")), md);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| 0.1 |") && l.endsWith(" – |")), md);
  }
}
