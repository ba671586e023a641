package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import occam.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SfmCommandsTest {
  @TempDir Path tmp;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void runPrintsOneJsonObjectWithTheContractFields() {
    CliRun o = CliRun.of("run", "--p", "13", "--op", "add", "--frac", "0.6", "--beta", "1e-3",
        "--gate", "soft", "--iters", "3000", "--json");
    assertEquals(0, o.exit(), o.err());
    JsonObject j = Json.parseStrict(o.out().trim()).getAsJsonObject();
    for (String k : List.of("phase", "t_mem", "t_gen", "train_acc", "test_acc", "support", "ideal_support",
        "lambda_hat", "k_sfm", "gini", "ipr")) {
      assertTrue(j.has(k), "missing " + k);
    }
    assertEquals("grokking", j.get("phase").getAsString());
    assertEquals(13, j.get("ideal_support").getAsInt());
    assertEquals(13, j.get("support").getAsInt());
    // λ̂ = |supp|/2; K_SFM = 13·(2·⌈log₂ 13⌉ + 64) = 13·72 bits.
    assertEquals(6.5, j.get("lambda_hat").getAsDouble(), 0);
    assertEquals(936, j.get("k_sfm").getAsDouble(), 0);
    assertEquals(1, j.get("t_mem").getAsInt());
    assertTrue(j.get("t_gen").getAsInt() > 1);
  }

  /** A memorizing run never reaches t_gen: strict JSON with t_gen null, not a bare NaN or a missing key. */
  @Test
  void runJsonHasNullForAStepNeverReached() {
    CliRun o = CliRun.of("run", "--p", "13", "--frac", "0.6", "--beta", "1e-3", "--iters", "200", "--json");
    assertEquals(0, o.exit(), o.err());
    JsonObject j = Json.parseStrict(o.out().trim()).getAsJsonObject();
    assertEquals("memorization", j.get("phase").getAsString());
    assertTrue(j.get("t_gen").isJsonNull());
    assertEquals("cpu", j.get("engine").getAsString().substring(0, 3));
  }

  @Test
  void runWritesATraceWithTheCommand() throws IOException {
    Path trace = tmp.resolve("sub/trace.csv");
    CliRun o = CliRun.of("run", "--p", "7", "--iters", "30", "--log-every", "10", "--trace", trace.toString());
    assertEquals(0, o.exit(), o.err());
    List<String> lines = Files.readAllLines(trace);
    assertTrue(lines.get(0).startsWith("# command: occam run --p 7"), lines.get(0));
    assertEquals(String.join(",", occam.sfm.SfmMetrics.COLUMNS), lines.get(1));
    assertTrue(lines.get(2).startsWith("0,"));
    // Logged at t = 0, 10, 20 and the last iteration 30: header comment, header, 4 rows.
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(5).startsWith("30,"), lines.get(5));
  }

  @Test
  void scanWritesTablesFiguresAndSummary() throws IOException {
    Path dir = tmp.resolve("scan");
    CliRun o = CliRun.of("scan", "--p", "7", "--betas", "1e-3:1:2", "--fracs", "0.5:0.9:2",
        "--seeds", "2", "--iters", "300", "--threads", "2", "--out", dir.toString());
    assertEquals(0, o.exit(), o.err());
    for (String f : List.of("phase-table.csv", "phase-table.md", "phase-diagram-hard.png", "phase-diagram-hard.svg",
        "phase-diagram-soft.png", "phase-diagram-soft.svg", "summary.json")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    List<String> csv = Files.readAllLines(dir.resolve("phase-table.csv"));
    assertTrue(csv.get(0).startsWith("# command: occam scan --p 7"), csv.get(0));
    assertEquals(1 + 1 + 2 * 2 * 2, csv.size()); // comment, header, 2 gates × 2 β × 2 frac
    assertTrue(csv.get(1).startsWith("gate,beta,frac,n,phase,"), csv.get(1));
    assertEquals(4, csv.stream().filter(l -> l.startsWith("hard,")).count());
    assertEquals(4, csv.stream().filter(l -> l.startsWith("soft,")).count());
    JsonObject s = Json.parseStrict(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
    assertEquals(8, s.getAsJsonArray("cells").size());
    assertEquals(2, s.getAsJsonArray("gates").size());
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "run --p 12", "run --p 2", "run --frac 0", "run --frac 1.5", "run --beta -1", "run --eta 2", "run --eta 0",
    "run --op pow", "run --gate medium", "run --iters 0", "run --engine quantum", "run --p x",
    "scan --betas 0:1:3", "scan --betas 1:2", "scan --fracs 0:0.5:2", "scan --seeds 0", "scan --gate soft --p 9"})
  void badInputExitsTwoWithOneLine(String args) {
    String line = args.startsWith("scan") ? args + " --out " + tmp.resolve("never") : args + " --trace " + tmp.resolve("never");
    CliRun o = CliRun.of(line.split(" "));
    assertEquals(2, o.exit(), o.out() + o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.out().isEmpty(), o.out());
    assertFalse(Files.exists(tmp.resolve("never")), "nothing may be written on bad input");
  }

  @Test
  void unwritableOutputExitsTwoBeforeRunning() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    CliRun o = CliRun.of("run", "--p", "7", "--trace", file.resolve("t.csv").toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("cannot write"), o.err());
    assertEquals("x", Files.readString(file));
  }
}
