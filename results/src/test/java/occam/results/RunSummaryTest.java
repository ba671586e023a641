package occam.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import occam.io.Json;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** {@code occam run --json} and {@code --trace}: one record, strict JSON, nulls for steps never reached. */
class RunSummaryTest {
  /** The keys {@code occam run --json} has always printed, plus the engine. */
  private static final Set<String> KEYS = new TreeSet<>(List.of("p", "op", "m", "frac", "n", "beta", "tau", "gate",
      "eta", "wd", "label_noise", "seed", "phase", "t_mem", "t_gen", "iterations", "stop", "train_acc", "test_acc",
      "train_mse", "test_mse", "support", "support_on_sigma", "ideal_support", "mass_on_sigma", "lambda_hat", "k_sfm",
      "free_energy", "eps_gen", "gini", "ipr", "l1", "frobenius", "engine"));

  private static SfmResult run(SfmConfig c, List<SfmMetrics> log) {
    return Cells.engine().run(List.of(c), new SfmListener() {
      @Override
      public void logged(SfmConfig cfg, SfmMetrics mt) {
        log.add(mt);
      }
    }).get(0);
  }

  /** The hard gate at small β memorizes p = 7: t_gen is JSON null, τ = √(2β ln n / n). */
  @Test
  void memorizingRunHasNullTGen() {
    SfmResult r = run(SfmConfig.of(Cells.TASK, 0.6, 1e-3, Gate.HARD, 300, 0), new ArrayList<>());
    assertEquals(Phase.MEMORIZATION, r.phase());
    JsonObject j = Json.parseStrict(Json.compact(RunSummary.of(r, "cpu"))).getAsJsonObject();
    assertEquals(KEYS, new TreeSet<>(j.keySet()));
    assertTrue(j.get("t_gen").isJsonNull());
    assertEquals(r.tMem().getAsInt(), j.get("t_mem").getAsInt());
    assertEquals("memorization", j.get("phase").getAsString());
    assertEquals("hard", j.get("gate").getAsString());
    assertEquals("cpu", j.get("engine").getAsString());
    int n = r.trainSize();
    assertEquals(Math.sqrt(2 * 1e-3 * Math.log(n) / n), j.get("tau").getAsDouble(), 1e-15);
    assertEquals(r.last().support() / 2.0, j.get("lambda_hat").getAsDouble());
  }

  /** A run that drives W to 0 has NaN Gini, IPR and mass on σ: null in JSON, empty in the trace CSV. */
  @Test
  void emptyWeightsGiveNullsAndEmptyCsvCells() throws IOException {
    List<SfmMetrics> log = new ArrayList<>();
    SfmResult r = run(SfmConfig.of(Cells.TASK, 0.6, 1e6, Gate.HARD, 50, 0), log);
    assertEquals(0, r.last().support());
    JsonObject j = Json.parseStrict(Json.compact(RunSummary.of(r, "cpu"))).getAsJsonObject();
    assertTrue(j.get("gini").isJsonNull());
    assertTrue(j.get("mass_on_sigma").isJsonNull());
    CSVFormat f = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser p = CSVParser.parse(new StringReader(RunSummary.traceCsv(log, "occam run (test)")), f)) {
      assertArrayEquals(SfmMetrics.COLUMNS, p.getHeaderNames().toArray(String[]::new));
      assertEquals("command: occam run (test)", p.getHeaderComment());
      List<CSVRecord> rows = p.getRecords();
      assertEquals(log.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        double[] v = log.get(i).values();
        for (int k = 0; k < v.length; k++) {
          String cell = rows.get(i).get(k);
          assertEquals(Double.isNaN(v[k]) ? "" : Double.toString(v[k]), cell.isEmpty() ? "" : Double.toString(Double.parseDouble(cell)),
              SfmMetrics.COLUMNS[k] + " at row " + i);
        }
      }
      assertEquals("", rows.get(rows.size() - 1).get("gini"));
    }
  }
}
