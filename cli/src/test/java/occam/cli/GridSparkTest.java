package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import occam.io.Json;
import occam.io.ReportFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code occam experiment --spark} and {@code occam train} with lists {@code --spark}: the local command's
 * run folders and report from an embedded Spark (the same ensembles, so the same numbers bit for bit), the
 * refusals, the one-line failure of an unreachable master, and the output lock taken before Spark starts.
 */
class GridSparkTest {
  private static final List<String> TINY = List.of("--p", "5", "--d-model", "8", "--heads", "2", "--d-mlp", "16",
      "--steps", "4", "--log-every", "2");

  /** Keys that hold wall-clock times, which differ between any two runs. */
  private static final List<String> TIMES = List.of("steps_per_s", "wall_s", "elapsed_s", "seconds", "command");

  @TempDir Path tmp;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private CliRun experiment(Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("experiment"));
    args.addAll(TINY);
    args.addAll(List.of("--fracs", "0.6", "--wds", "1,2", "--seeds", "2", "--ensemble", "2", "--sfm-iters", "300", "--k-betas", "1e-4:1e-3:2",
        "--no-progress", "--runs-dir", dir.resolve("runs").toString(), "--out", dir.resolve("report").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void experimentOnLocal2WritesTheLocalRunsAndReport() throws IOException {
    CliRun local = experiment(tmp.resolve("local"));
    CliRun spark = experiment(tmp.resolve("spark"), "--spark", "local[2]");
    assertEquals(0, local.exit(), local.err());
    assertEquals(0, spark.exit(), spark.err());
    List<String> names;
    try (Stream<Path> runs = Files.list(tmp.resolve("local/runs"))) {
      names = runs.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(4, names.size());
    for (String name : names) {
      assertEquals(withoutTimes(Files.readString(tmp.resolve("local/runs").resolve(name).resolve("summary.json"))),
          withoutTimes(Files.readString(tmp.resolve("spark/runs").resolve(name).resolve("summary.json"))), name);
      assertEquals(Files.readString(tmp.resolve("local/runs").resolve(name).resolve("metrics.jsonl")).lines().count(),
          Files.readString(tmp.resolve("spark/runs").resolve(name).resolve("metrics.jsonl")).lines().count(), name);
    }
    assertEquals(withoutTimes(Files.readString(tmp.resolve("local/report/summary.json"))),
        withoutTimes(Files.readString(tmp.resolve("spark/report/summary.json"))));
    assertEquals(withoutCommand(tmp.resolve("local/report/comparison.csv")),
        withoutCommand(tmp.resolve("spark/report/comparison.csv")));
    assertEquals(4, spark.err().lines().filter(l -> l.matches("\\[\\d/4] .*: \\w+, t_mem .*")).count(), spark.err());
    assertEquals(local.out().replace(tmp.resolve("local").toString(), "DIR"),
        spark.out().replace(tmp.resolve("spark").toString(), "DIR"));

    // a re-run on Spark finds everything done and starts no Spark
    CliRun again = experiment(tmp.resolve("spark"), "--spark", "spark://127.0.0.1:1");
    assertEquals(0, again.exit(), again.err());
    assertEquals(4, again.err().lines().filter(l -> l.endsWith(": done already")).count(), again.err());
  }

  @Test
  void trainListsOnLocal2GiveTheLocalSummaries() throws IOException {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(TINY);
    args.addAll(List.of("--seeds", "0:2", "--ensemble", "2", "--json", "--no-progress"));
    CliRun local = CliRun.of(with(args, "--out", tmp.resolve("local").toString()));
    CliRun spark = CliRun.of(with(args, "--out", tmp.resolve("spark").toString(), "--spark", "local[2]"));
    assertEquals(0, local.exit(), local.err());
    assertEquals(0, spark.exit(), spark.err());
    assertEquals(withoutTimes(local.out()), withoutTimes(spark.out()));
    assertEquals(3, Json.parseStrict(spark.out()).getAsJsonArray().size());
    assertEquals(3, curves(tmp.resolve("local")), "a local grid draws each run's curves");
    assertEquals(0, curves(tmp.resolve("spark")), "Spark tasks draw none (README: Grids on Spark)");
  }

  private static long curves(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().equals(TrainCommand.FIGURE_FILE)).count();
    }
  }

  /** Spark options without --spark or without a grid, malformed masters: exit 2, one line, nothing written. */
  @ParameterizedTest
  @ValueSource(strings = {"experiment --spark-conf spark.cores.max=2", "experiment --spark local[0]",
      "experiment --spark spark://host", "experiment --spark local[2] --spark-conf novalue",
      "train --spark local[2]", "train --spark-conf a=b --seeds 0:1", "train --seeds 0:1 --spark yarnx"})
  void sparkMisuseIsRefusedBeforeAnyWork(String line) throws IOException {
    List<String> args = new ArrayList<>(List.of(line.split(" ")));
    args.addAll(TINY);
    if (args.get(0).equals("experiment")) {
      args.addAll(List.of("--runs-dir", tmp.resolve("runs").toString()));
    }
    CliRun o = CliRun.of(with(args, "--out", tmp.resolve("out").toString()));
    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertNothingWritten();
  }

  @Test
  void anUnreachableMasterIsOneLineAndExit1() throws IOException {
    CliRun o = experiment(tmp.resolve("never"), "--spark", "spark://127.0.0.1:1");
    assertEquals(1, o.exit(), o.err());
    assertEquals(List.of("occam experiment: cannot reach the Spark master at 127.0.0.1:1 (ConnectException: Connection"
        + " refused); start it (sbin/start-master.sh) or check --spark"), o.errLines());
    assertNothingWritten();
  }

  /** A second command on the same --out exits 2 at once, naming the holder, before any Spark starts. */
  @Test
  void theOutputLockIsTakenBeforeSparkStarts() throws IOException {
    Path report = tmp.resolve("held/report");
    try (ReportFolder holder = ReportFolder.begin(report, "occam experiment (the first)")) {
      CliRun second = experiment(tmp.resolve("held"), "--spark", "spark://127.0.0.1:1");
      assertEquals(2, second.exit(), second.err());
      assertEquals(1, second.errLines().size(), second.err());
      assertTrue(second.err().contains("the first"), second.err());
      CliRun scan = CliRun.of("scan", "--p", "5", "--betas", "1e-4:1e-4:1", "--fracs", "0.5:0.5:1", "--seeds", "1",
          "--spark", "spark://127.0.0.1:1", "--out", report.toString());
      assertEquals(2, scan.exit(), scan.err());
      assertTrue(scan.err().contains("the first"), scan.err());
    }
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** No file under the test's folder (the lock beside --out may leave its empty parent folder). */
  private void assertNothingWritten() throws IOException {
    try (Stream<Path> left = Files.walk(tmp)) {
      assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "nothing may be written");
    }
  }

  private static List<String> withoutCommand(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("# command:")).toList();
  }

  /** A JSON text with the wall-clock times and command lines removed, at any depth. */
  private static JsonElement withoutTimes(String json) {
    return strip(Json.parseStrict(json));
  }

  private static JsonElement strip(JsonElement e) {
    if (e instanceof JsonObject o) {
      TIMES.forEach(o::remove);
      o.entrySet().forEach(kv -> strip(kv.getValue()));
    } else if (e instanceof JsonArray a) {
      a.forEach(GridSparkTest::strip);
    }
    return e;
  }
}
