package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import occam.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code occam scan --spark}: the local scan's files from an embedded Spark, and the refusals. */
class ScanSparkTest {
  private static final List<String> SCAN = List.of("scan", "--p", "11", "--betas", "1e-4:1e-1:2", "--fracs", "0.3:0.8:2",
      "--seeds", "2", "--iters", "400", "--dft", "jtransforms");

  @TempDir Path tmp;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void local2WritesTheLocalScansFiles() throws IOException {
    CliRun local = scan(tmp.resolve("local"));
    CliRun spark = scan(tmp.resolve("spark"), "--spark", "local[2]", "--spark-conf", "spark.task.maxFailures=2");
    assertEquals(0, local.exit(), local.err());
    assertEquals(0, spark.exit(), spark.err());
    assertTrue(spark.out().contains(" on spark local[2] (cpu (jtransforms), 2 task threads)"), spark.out());
    assertEquals(withoutCommand(tmp.resolve("local/phase-table.csv")), withoutCommand(tmp.resolve("spark/phase-table.csv")));
    assertEquals(numbers(tmp.resolve("local")), numbers(tmp.resolve("spark")));
    assertTrue(spark.err().contains("occam scan: 100% (16/16)"), spark.err());
  }

  /** Spark options without --spark, malformed masters, engines and threads Spark does not use: exit 2, one line. */
  @ParameterizedTest
  @ValueSource(strings = {"--spark-conf spark.cores.max=2", "--spark local[0]", "--spark local[x]", "--spark spark://host",
      "--spark spark://host:99999", "--spark yarnx", "--spark local[2] --engine opencl", "--spark local[2] --threads 2",
      "--spark local[2] --spark-conf novalue"})
  void sparkMisuseIsRefusedBeforeAnyWork(String args) throws IOException {
    CliRun o = scan(tmp.resolve("never"), args.split(" "));
    assertEquals(2, o.exit(), o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.out().isEmpty(), o.out());
    assertNothingWritten();
  }

  @Test
  void anUnreachableMasterIsOneLineAndExit1() throws IOException {
    CliRun o = scan(tmp.resolve("never"), "--spark", "spark://127.0.0.1:1");
    assertEquals(1, o.exit(), o.err());
    assertEquals(List.of("occam scan: cannot reach the Spark master at 127.0.0.1:1 (ConnectException: Connection refused);"
        + " start it (sbin/start-master.sh) or check --spark"), o.errLines());
    assertNothingWritten();
  }

  private CliRun scan(Path out, String... more) {
    List<String> args = new ArrayList<>(SCAN);
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "nothing may be written");
    }
  }

  private static List<String> withoutCommand(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("# command:")).toList();
  }

  private static JsonObject numbers(Path dir) throws IOException {
    JsonObject s = Json.parseStrict(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
    for (String k : List.of("command", "engine", "seconds")) {
      s.remove(k);
    }
    return s;
  }
}
