package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import occam.complexity.BdmPreset;
import occam.io.Json;
import occam.transformer.BdmComplexity;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.analysis.BypassMeasure;
import occam.transformer.analysis.CmaMeasure;
import occam.transformer.analysis.EmbeddingGeometry;
import occam.transformer.analysis.EmbeddingRows;
import occam.transformer.analysis.EmbeddingSpectrum2d;
import occam.transformer.analysis.PrincipalComponents;
import occam.transformer.analysis.ProgressMeasure;
import occam.transformer.analysis.RingScore;
import occam.transformer.records.RunFolder;
import occam.transformer.records.analysis.Table1Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code occam analyze} on a tiny run trained with {@code --snapshots log}: Table 1 equals the measures
 * computed directly on the snapshots, the files are complete and the run folder is only read; bad input
 * exits 2 with one line and writes nothing.
 */
class AnalyzeCommandTest {
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void train() {
    run = tmp.resolve("run");
    CliRun r = CliRun.of("train", "--p", "5", "--frac", "0.6", "--seed", "3", "--d-model", "8", "--heads", "2",
        "--d-mlp", "16", "--lr", "1e-2", "--steps", "200", "--log-every", "10", "--checkpoint-every", "1000",
        "--snapshots", "log", "--no-progress", "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
  }

  /** The rows of the first Markdown table after a heading line, as cells. */
  static List<List<String>> table(String md, String heading) {
    List<String> lines = md.lines().toList();
    int at = lines.indexOf(heading);
    while (!lines.get(at).startsWith("|")) {
      at++;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = at; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      assertTrue(line.endsWith("|"), "a row ends with |: " + line);
      List<String> cells = new ArrayList<>();
      for (String c : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
        cells.add(c.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void tableOneEqualsTheMeasuresComputedDirectlyOnTheSnapshots() throws IOException {
    Map<String, Long> before = listing(run);
    CliRun r = CliRun.of("analyze", run.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.err());
    Path out = run.resolve("analysis");
    String md = Files.readString(out.resolve("analysis.md"));
    List<List<String>> t = table(md, "## Table 1, measured");
    List<String> header = new ArrayList<>(List.of("checkpoint", "step"));
    for (Table1Column c : Table1Column.values()) {
      header.add(c.header().replace("|", "\\|"));
    }
    assertEquals(header, t.get(0));
    assertTrue(t.get(1).stream().allMatch(c -> c.matches("-+:?")), "separator row " + t.get(1));
    assertEquals(List.of("initialization", "memorization", "emergence", "generalization"),
        t.subList(2, t.size()).stream().map(row -> row.get(0)).toList());
    JsonObject json = Json.parseStrict(Files.readString(out.resolve("analysis.json"))).getAsJsonObject();
    BdmComplexity bdm = BdmComplexity.of(BdmPreset.DEFAULT);
    for (List<String> row : t.subList(2, t.size())) {
      assertEquals(header.size(), row.size(), "every row has every column: " + row);
      int step = Integer.parseInt(row.get(1));
      Snapshot s = Snapshots.read(run, step);
      double[][] rows = EmbeddingRows.of(s.parameter(EmbeddingRows.W_E), s.config().task());
      RingScore ring = RingScore.of(rows, PrincipalComponents.of(rows));
      assertEquals(new CmaMeasure().measure(s).cell(), row.get(2), "CMA");
      assertEquals(new BypassMeasure().measure(s).cell(), row.get(3), "bypass");
      assertEquals(new EmbeddingGeometry().measure(s).cell(), row.get(4));
      assertTrue(row.get(4).startsWith(String.format(java.util.Locale.ROOT, "%.3f (k* = %d", ring.score(), ring.frequency())),
          row.get(4) + " vs direct " + ring);
      assertEquals(new EmbeddingSpectrum2d().measure(s).cell(), row.get(5));
      assertEquals(String.format(java.util.Locale.ROOT, "%.0f", bdm.bits(s.parameters())), row.get(6));
      JsonObject numbers = snapshot(json, step).getAsJsonObject("measures").getAsJsonObject("embedding")
          .getAsJsonObject("numbers");
      assertEquals(ring.score(), numbers.get("ring_score").getAsDouble(), 0.0, "JSON holds the exact value");
      JsonObject bits = snapshot(json, step).getAsJsonObject("measures").getAsJsonObject("bdm").getAsJsonObject("numbers");
      assertEquals(bdm.bits(s.parameters()), bits.get("bits").getAsDouble(), 0.0);
    }
    assertEquals(Snapshots.steps(run).size(), json.getAsJsonArray("snapshots").size(), "every snapshot measured");
    assertEquals("0", t.get(2).get(1), "initialization is step 0");
    int tMem = new RunFolder(run).summary().memorizationStep().getAsInt();
    assertEquals(Integer.toString(tMem), t.get(3).get(1), "memorization is t_mem, which has a snapshot");
    List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
    assertTrue(csv.get(0).startsWith("# command: occam analyze"));
    assertTrue(csv.get(1).startsWith("step,embedding.ring_score,"), csv.get(1));
    assertEquals(Snapshots.steps(run).size(), csv.size() - 2, "a row per snapshot");
    List<String> columns = List.of(csv.get(1).split(","));
    for (String c : List.of("cma.share_first", "bypass.test_accuracy", "progress.restricted_train_loss",
        "progress.excluded_train_loss", "progress.train_loss")) {
      assertTrue(columns.contains(c), c + " in " + columns);
    }
    // progress measures at every snapshot with the last snapshot's key frequencies; CMA at the checkpoints only
    ProgressMeasure progress = ProgressMeasure.ofRun(run);
    List<Integer> rows = t.subList(2, t.size()).stream().map(row -> Integer.parseInt(row.get(1))).toList();
    for (int i = 2; i < csv.size(); i++) {
      List<String> cells = List.of(csv.get(i).split(",", -1));
      int step = Integer.parseInt(cells.get(0));
      double restricted = Double.parseDouble(cells.get(columns.indexOf("progress.restricted_train_loss")));
      assertEquals(progress.measure(Snapshots.read(run, step)).number("restricted_train_loss"), restricted,
          1e-12 * restricted, "step " + step);
      assertEquals(rows.contains(step), !cells.get(columns.indexOf("cma.share_first")).isEmpty(), "CMA at " + step);
    }
    JsonObject keys = snapshot(json, 0).getAsJsonObject("measures").getAsJsonObject("progress").getAsJsonObject("details");
    assertEquals(Snapshots.steps(run).last(), keys.get("key_frequencies_from_step").getAsInt());
    assertEquals(progress.keyFrequencies().length, keys.getAsJsonArray("key_frequencies").size());
    for (String png : List.of("curves.png", "embedding-pca.png", "cma-heads.png", "skip-ablation.png", "progress.png")) {
      byte[] head = Files.readAllBytes(out.resolve(png));
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
      assertTrue(md.contains("](" + png + ")"), "analysis.md shows " + png);
    }
    for (String measure : List.of("embedding", "spectrum", "bdm", "cma", "bypass", "progress")) {
      assertTrue(md.contains("### " + measure + "\n"), "a section for " + measure);
    }
    assertTrue(md.contains("(measured at the Table 1 checkpoints only)"), "CMA and skip-ablation say so");
    Map<String, Long> after = listing(run);
    after.keySet().removeIf(k -> k.startsWith("analysis") || k.startsWith(".analysis"));
    assertEquals(before, after, "the run folder is only read");
    assertTrue(r.out().contains("| initialization | 0 |"), r.out());
  }

  private static JsonObject snapshot(JsonObject json, int step) {
    for (var e : json.getAsJsonArray("snapshots")) {
      if (e.getAsJsonObject().get("step").getAsInt() == step) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no snapshot " + step + " in analysis.json");
  }

  /** Relative path → size of every file under a folder. */
  private static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.size(f));
      }
    }
    return out;
  }

  @Test
  void everyRegisteredMeasureCarriesItsName() throws IOException {
    for (Map.Entry<String, AnalyzeCommand.MeasureFactory> e : AnalyzeCommand.MEASURES.entrySet()) {
      assertEquals(e.getKey(), e.getValue().create(run).name());
    }
    assertEquals(List.of(AnalyzeCommand.STANDARD.split(",")), AnalyzeCommand.measureNames(AnalyzeCommand.STANDARD));
  }

  @Test
  void chosenCheckpointsAreTheRows(@TempDir Path out) throws IOException {
    List<Integer> steps = List.copyOf(Snapshots.steps(run));
    String chosen = steps.get(steps.size() - 1) + "," + steps.get(1);
    CliRun r = CliRun.of("analyze", run.toString(), "--checkpoints", chosen, "--out", out.toString(), "--no-progress",
        "--measures", "bdm,embedding");
    assertEquals(0, r.exit(), r.err());
    List<List<String>> t = table(Files.readString(out.resolve("analysis.md")), "## Table 1, measured");
    assertEquals(List.of("chosen", "chosen"), t.subList(2, t.size()).stream().map(row -> row.get(0)).toList());
    assertEquals(List.of(steps.get(steps.size() - 1).toString(), steps.get(1).toString()),
        t.subList(2, t.size()).stream().map(row -> row.get(1)).toList());
    JsonArray rows = Json.parseStrict(Files.readString(out.resolve("analysis.json"))).getAsJsonObject()
        .getAsJsonArray("checkpoints");
    assertTrue(rows.get(0).getAsJsonObject().getAsJsonObject("table1").get("cma").isJsonNull(), "CMA not measured: null");
    assertEquals("not measured", t.get(2).get(2));
    String md = Files.readString(out.resolve("analysis.md"));
    assertTrue(md.indexOf("### bdm") < md.indexOf("### embedding") && !md.contains("### cma"), "the chosen measures in order");
    assertFalse(Files.exists(out.resolve("progress.png")), "no figure of a measure that did not run");
  }

  @Test
  void badInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path t) throws IOException {
    Path plain = t.resolve("plain");
    assertEquals(0, CliRun.of("train", "--p", "5", "--frac", "0.6", "--d-model", "8", "--heads", "2", "--d-mlp", "16",
        "--steps", "3", "--no-progress", "--out", plain.toString()).exit());
    Path out = t.resolve("out");
    Files.createDirectories(t.resolve("empty"));
    List<String[]> bad = List.of(
        new String[] {"analyze", t.resolve("absent").toString(), "--out", out.toString()},
        new String[] {"analyze", t.resolve("empty").toString(), "--out", out.toString()},
        new String[] {"analyze", plain.toString(), "--out", out.toString()},
        new String[] {"analyze", run.toString(), "--checkpoints", "7777", "--out", out.toString()},
        new String[] {"analyze", run.toString(), "--checkpoints", "x", "--out", out.toString()},
        new String[] {"analyze", run.toString(), "--checkpoints", "-3,4", "--out", out.toString()},
        new String[] {"analyze", run.toString(), "--measures", "cma,llcx", "--out", out.toString()},
        new String[] {"analyze", run.toString(), "--measures", "", "--out", out.toString()});
    List<String> expected = List.of("does not exist", "is not a run folder", "--snapshots log", "no snapshot of step 7777",
        "--checkpoints", "--checkpoints", "unknown measure 'llcx'; known: " + String.join(", ", AnalyzeCommand.MEASURES.keySet()),
        "unknown measure ''");
    for (int i = 0; i < bad.size(); i++) {
      CliRun r = CliRun.of(bad.get(i));
      assertEquals(2, r.exit(), String.join(" ", bad.get(i)) + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(r.err().contains(expected.get(i)), r.err());
      assertFalse(Files.exists(out), "nothing written");
    }
    assertFalse(Files.exists(plain.resolve("analysis")));
  }
}
