package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import occam.io.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code occam llc}: a tiny run's estimate as JSON, the SFM calibration's files, and bad input (exit 2, one line). */
class LlcCommandTest {
  @TempDir static Path tmp;
  private static Path run;
  private static Path snapshotRun;
  private static final String[] SGLD = {"--chains", "2", "--burn-in", "5", "--draws", "10", "--epsilon", "1e-5"};

  @BeforeAll
  static void trainTinyRuns() {
    run = tmp.resolve("run");
    CliRun t = CliRun.of("train", "--p", "5", "--frac", "0.6", "--d-model", "8", "--heads", "2", "--d-mlp", "16",
        "--steps", "6", "--log-every", "2", "--checkpoint-every", "2", "--out", run.toString(), "--no-progress");
    assertEquals(0, t.exit(), t.err());
    snapshotRun = tmp.resolve("snapshot-run");
    CliRun s = CliRun.of("train", "--p", "5", "--frac", "0.6", "--d-model", "8", "--heads", "2", "--d-mlp", "16",
        "--steps", "6", "--log-every", "2", "--checkpoint-every", "6", "--snapshots", "0,2,4,6", "--out",
        snapshotRun.toString(), "--no-progress");
    assertEquals(0, s.exit(), s.err());
  }

  private static String[] args(String... first) {
    String[] all = Arrays.copyOf(first, first.length + SGLD.length);
    System.arraycopy(SGLD, 0, all, first.length, SGLD.length);
    return all;
  }

  /** {@code --out} writes one row per chosen snapshot, each equal to {@code --step}'s estimate there. */
  @Test
  void curveRowsAreTheSingleStepEstimates() throws IOException {
    List<Integer> snapshots = List.copyOf(occam.transformer.Snapshots.steps(snapshotRun));
    List<Integer> chosen = occam.transformer.llc.LlcCurve.every(snapshots, 2);
    assertEquals(List.of(0, 4, 6), chosen, "snapshots " + snapshots);
    Path out = tmp.resolve("curve");
    CliRun o = CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--every", "2"));
    assertEquals(0, o.exit(), o.err());
    String text = Files.readString(out.resolve("llc-curve.csv"));
    assertTrue(text.startsWith("# command: occam llc "), text);
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(out.resolve("llc-curve.csv"))) {
      rows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build()
          .parse(r).getRecords();
    }
    assertEquals(chosen.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      assertEquals(chosen.get(i), Integer.parseInt(row.get("step")));
      assertEquals(List.of("1.0E-5", "100", "2", "5", "10", "0", "0"), List.of(row.get("epsilon"), row.get("gamma"),
          row.get("chains"), row.get("burn_in"), row.get("draws"), row.get("batch"), row.get("seed")),
          "the defaults fill what is not given; the default batch 64 exceeds n = 15: full batch");
      CliRun single = CliRun.of(args("llc", snapshotRun.toString(), "--step", row.get("step"), "--json"));
      assertEquals(0, single.exit(), single.err());
      JsonObject j = Json.parseStrict(single.out()).getAsJsonObject();
      assertEquals(j.get("llc").getAsDouble(), Double.parseDouble(row.get("llc")), "step " + row.get("step"));
      assertEquals(j.get("loss_at_w_star").getAsDouble(), Double.parseDouble(row.get("loss_at_w_star")));
      assertEquals(j.get("llc").getAsDouble() / j.get("n_beta").getAsDouble(), Double.parseDouble(row.get("loss_rise")),
          1e-12 * Math.abs(j.get("llc").getAsDouble()));
    }
    assertTrue(Files.size(out.resolve("llc-curve.png")) > 0);
  }

  @Test
  void curveBadInputWritesNothing() {
    Path out = tmp.resolve("bad-curve");
    assertUsage(CliRun.of(args("llc", run.toString(), "--out", out.toString())), "no weight snapshots");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--every", "0")), "--every 0");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--steps", "0,3")),
        "--steps [3]");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--step", "2")), "--step");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--every", "2", "--steps", "2")),
        "not both");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--every", "2")), "--every");
    assertUsage(CliRun.of(args("llc", snapshotRun.toString(), "--out", out.toString(), "--threads", "-1")), "threads");
    assertFalse(Files.exists(out));
  }

  @Test
  void estimateAsStrictJson() {
    CliRun o = CliRun.of("llc", run.toString(), "--chains", "2", "--burn-in", "5", "--draws", "10", "--epsilon", "1e-5",
        "--json");
    assertEquals(0, o.exit(), o.err());
    JsonObject j = Json.parseStrict(o.out()).getAsJsonObject();
    assertEquals(6, j.get("step").getAsInt());
    assertEquals(15, j.get("n").getAsInt()); // n = round(0.6 · 25)
    assertFalse(j.get("diverged").getAsBoolean());
    assertEquals(2, j.getAsJsonArray("llc_per_chain").size());
    assertTrue(j.getAsJsonObject("diagnostics").has("r_hat"));
  }

  @Test
  void divergedIsReportedNotACrash() {
    CliRun o = CliRun.of("llc", run.toString(), "--chains", "1", "--burn-in", "0", "--draws", "50", "--epsilon", "1e3",
        "--json");
    assertEquals(0, o.exit(), o.err());
    JsonObject j = Json.parseStrict(o.out()).getAsJsonObject();
    assertTrue(j.get("diverged").getAsBoolean());
    assertTrue(j.get("llc").isJsonNull());
  }

  @Test
  void calibrationFilesHoldTheKnownLambdas() throws IOException {
    Path out = tmp.resolve("cal");
    CliRun o = CliRun.of("llc", "calibrate", "--p", "7", "--chains", "2", "--burn-in", "500", "--draws", "500",
        "--epsilon", "1e-3", "--out", out.toString());
    assertEquals(0, o.exit(), o.err());
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(out.resolve("sfm-calibration.csv"))) {
      rows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build()
          .parse(r).getRecords();
    }
    assertEquals(3, rows.size());
    int n = Integer.parseInt(rows.get(0).get("n"));
    for (CSVRecord row : rows) {
      double exact = Double.parseDouble(row.get("lambda_exact"));
      switch (row.get("point")) {
        case "memorizing", "generalizing_ungated" -> {
          assertEquals(24.5, Double.parseDouble(row.get("lambda_support")));
          assertEquals(Math.min(n, 49) / 2.0, exact);
        }
        case "generalizing" -> {
          assertEquals(3.5, Double.parseDouble(row.get("lambda_support")));
          assertEquals(3.5, exact);
        }
        default -> throw new AssertionError(row.get("point"));
      }
      double hat = Double.parseDouble(row.get("lambda_hat"));
      assertEquals(Double.parseDouble(row.get("lambda_sgld")), hat, 0.15 * exact, row.toString());
    }
    assertTrue(Files.size(out.resolve("sfm-calibration.png")) > 0);
    assertTrue(Files.readString(out.resolve("sfm-calibration.md")).contains("| 7 | add |"));
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    assertUsage(CliRun.of("llc"), "name a run folder");
    assertUsage(CliRun.of("llc", tmp.resolve("nowhere").toString()), "is not a folder");
    assertUsage(CliRun.of("llc", tmp.toString()), "checkpoint");
    assertUsage(CliRun.of("llc", run.toString(), "--epsilon", "0"), "ε = 0.0");
    assertUsage(CliRun.of("llc", run.toString(), "--epsilon", "-1"), "ε = -1.0");
    assertUsage(CliRun.of("llc", run.toString(), "--chains", "0"), "chains = 0");
    assertUsage(CliRun.of("llc", run.toString(), "--step", "3"), "--step 3");
    assertUsage(CliRun.of("llc", run.toString(), "--batch", "1000"), "--batch 1000");
    assertUsage(CliRun.of("llc", "calibrate", "--p", "9", "--out", tmp.resolve("c9").toString()), "9");
    assertUsage(CliRun.of("llc", "calibrate", "--frac", "0", "--out", tmp.resolve("c0").toString()), "frac");
    assertFalse(Files.exists(tmp.resolve("c9")));
  }

  private static void assertUsage(CliRun o, String expected) {
    assertEquals(Occam.EXIT_USAGE, o.exit(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains(expected), o.err());
  }
}
