package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import occam.io.Json;
import occam.results.prediction.Architecture;
import occam.results.prediction.CalibratedRange;
import occam.results.prediction.Calibration;
import occam.results.prediction.ConstantLaw;
import occam.results.prediction.CrossoverClassifier;
import occam.results.prediction.FirstPassageLaw;
import occam.results.prediction.InverseDecayLaw;
import occam.results.prediction.PowerLaw;
import occam.results.prediction.SfmFit;
import occam.transformer.records.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code occam predict}: the answers of a known calibration, its strict JSON, and bad input. */
class PredictCommandTest {
  private static final Architecture QUICK = new Architecture(1, 64, 4, 256);

  /** A calibration whose laws give round numbers at wd 1, frac 0.5, lr 0.003. */
  private static Path calibration(Path dir) throws IOException {
    Calibration c = new Calibration("occam league --test", "add", 7, List.of(0L), 12, 6,
        new CalibratedRange(List.of("add"), List.of(7), 0.5, 2, 0.3, 0.6, 0.003, 0.003, List.of(QUICK)),
        new ConstantLaw(500, 6), new InverseDecayLaw(3, 6), new PowerLaw(Math.log(200), 0, -1, -2, 0, List.of("lr", "p"), 6),
        new SfmFit("soft", 1e-3, 2, Math.log(3), 2000, 6, 0.1, 0), new SfmFit("hard", 1e-6, 1, Double.NaN, 2000, 0, Double.NaN, 0),
        new SfmFit("soft", 1e-3, 2, Math.log(9e-3), 2000, 6, 0.1, 1),
        new FirstPassageLaw(0.5, 400, 6), new CrossoverClassifier(1, 0.5, 0.8, 12));
    Path f = dir.resolve("calibration.json");
    c.write(f);
    return f;
  }

  private static String[] args(Path cal, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("predict", "--calibration", cal.toString(), "--p", "7", "--op",
        "add", "--wd", "1", "--frac", "0.5", "--lr", "0.003"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static void metrics(Path run, double... trainAccs) throws IOException {
    Files.createDirectories(run);
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < trainAccs.length; i++) {
      StepMetrics m = new StepMetrics(30 * i, 1, trainAccs[i], 1, 0.1, 30, 0, 0, 0, 0, 0, Double.NaN, Map.of(), 1);
      log.append(Json.compact(m.toJson())).append('\n');
    }
    Files.writeString(run.resolve("metrics.jsonl"), log);
  }

  @Test
  void jsonIsStrictAndHoldsEveryPredictorButTheInRunOne(@TempDir Path tmp) throws IOException {
    Path cal = calibration(tmp);
    CliRun r = CliRun.of(args(cal, "--json"));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err(), "inside the calibrated range: no warning");
    JsonObject o = Json.parseStrict(r.out().strip()).getAsJsonObject();
    assertEquals(Set.of("predictions", "classifiers", "calibration"), o.keySet());
    assertEquals(cal.toString(), o.get("calibration").getAsString());
    JsonObject p = o.getAsJsonObject("predictions");
    assertEquals(Set.of("constant", "inverse_lr_wd", "power_law", "sfm_soft", "sfm_hard", "sfm_soft_lr"), p.keySet(),
        "first_passage needs --run");
    assertEquals(500, p.get("constant").getAsLong());
    assertEquals(1000, p.get("inverse_lr_wd").getAsLong(), "3/(0.003·1)");
    assertEquals(800, p.get("power_law").getAsLong(), "200·1^-1·0.5^-2");
    assertTrue(p.get("sfm_soft").getAsLong() > 0);
    assertEquals(p.get("sfm_soft").getAsLong(), p.get("sfm_soft_lr").getAsLong(), "9e-3·t_gen/0.003 = 3·t_gen");
    assertTrue(p.get("sfm_hard").isJsonNull(), "an unfitted SFM answers null");
    assertTrue(o.getAsJsonObject("classifiers").get("n_star").isJsonPrimitive());
  }

  @Test
  void runFolderPastTMemAddsTheFirstPassageLaw(@TempDir Path tmp) throws IOException {
    Path cal = calibration(tmp);
    Path run = tmp.resolve("run");
    metrics(run, 0.1, 0.5, 1.0, 1.0); // t_mem = 60, ‖θ‖ = 30
    CliRun r = CliRun.of(args(cal, "--run", run.toString()));
    assertEquals(0, r.exit(), r.err());
    Map<String, String> lines = r.out().lines().map(l -> l.split("\\s+")).collect(Collectors.toMap(a -> a[0], a -> a[1]));
    long expected = Math.round(60 + Math.log(900 / 400.0) / (2 * 0.5 * 0.003 * 1));
    assertEquals(Long.toString(expected), lines.get("first_passage"));
    assertEquals("500", lines.get("constant"));
    assertEquals("n/a", lines.get("sfm_hard"));
    assertTrue(Set.of("groks", "none").contains(lines.get("n_star")));
  }

  @Test
  void outsideTheCalibratedRangeWarnsInOneLineAndAnswers(@TempDir Path tmp) throws IOException {
    Path cal = calibration(tmp);
    CliRun r = CliRun.of("predict", "--calibration", cal.toString(), "--p", "11", "--op", "mul", "--wd", "5", "--frac",
        "0.5", "--lr", "0.003", "--d-model", "128", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    String w = r.errLines().get(0);
    assertTrue(w.startsWith("warning: extrapolating beyond the calibrated range: "), w);
    for (String part : List.of("op mul not in [add]", "p 11 not in [7]", "wd 5 outside [0.5, 2]", "model (")) {
      assertTrue(w.contains(part), w);
    }
    assertEquals(Math.round(3 / (0.003 * 5)), Json.parseStrict(r.out().strip()).getAsJsonObject()
        .getAsJsonObject("predictions").get("inverse_lr_wd").getAsLong());
  }

  @Test
  void badInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path cal = calibration(tmp);
    Path corrupt = Files.writeString(tmp.resolve("corrupt.json"), "{\"command\": ");
    Path notCalibration = Files.writeString(tmp.resolve("other.json"), "{\"runs\": 3}");
    Path early = tmp.resolve("early");
    metrics(early, 0.1, 0.5);
    List<String[]> bad = List.of(
        args(tmp.resolve("missing.json")),
        args(corrupt),
        args(notCalibration),
        args(tmp),
        args(cal, "--run", early.toString()),
        args(cal, "--run", tmp.resolve("no-such-run").toString()),
        args(cal, "--frac", "1.5"),
        new String[] {"predict", "--calibration", cal.toString(), "--p", "8", "--op", "add", "--wd", "1", "--frac", "0.5",
            "--lr", "0.003"});
    for (String[] a : bad) {
      List<String> before = list(tmp);
      CliRun r = CliRun.of(a);
      assertEquals(2, r.exit(), String.join(" ", a) + "\n" + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertEquals("", r.out());
      assertEquals(before, list(tmp), "no file written");
    }
    CliRun early2 = CliRun.of(args(cal, "--run", early.toString()));
    assertTrue(early2.err().contains("has no t_mem yet"), early2.err());
    assertFalse(CliRun.of(args(notCalibration)).err().isBlank());
  }

  private static List<String> list(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.map(Path::toString).sorted().toList();
    }
  }
}
