package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code occam bdm} and {@code occam ctm}: outputs and exit codes, captured through StringWriters. */
class ComplexityCommandsTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Occam.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path csv(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  /** A seeded random real matrix as CSV. */
  private Path randomCsv(int rows, int cols) throws IOException {
    Random rnd = new Random(1);
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        sb.append(c == 0 ? "" : ",").append(rnd.nextGaussian());
      }
      sb.append('\n');
    }
    return csv("random.csv", sb.toString());
  }

  private static void assertUsageError(Run r, String fragment) {
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out(), "no partial output");
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains(fragment), r.err());
  }

  @Test
  void bdmDefaultNamesTableAlphabetAndBlock() throws IOException {
    Run r = run("bdm", randomCsv(12, 12).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("table\tctm-own-b4-d12"), r.out());
    assertTrue(r.out().contains("alphabet\t4"));
    assertTrue(r.out().contains("block\t6"));
    assertTrue(r.out().contains("quantization\tquantiles"));
    assertTrue(r.out().contains("blocks\t24"));
  }

  @Test
  void bdmJsonWithExternalTableAndSymbols() throws IOException {
    Path table =
        csv("t.tsv", "shape\tkey\tctm_bits\n2x2\t0000\t4\n2x2\t0001\t9\n2x2\t0011\t8\n2x2\t0101\t8\n"
            + "2x2\t0110\t10\n2x2\t0010\t9\n2x2\t0100\t9\n2x2\t0111\t9\n");
    Path m = csv("m.csv", "0,0,1,1\n0,0,1,1\n");
    Run r = run("bdm", m.toString(), "--ctm", table.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(4 + 4, o.get("bdm_bits").getAsDouble(), 1e-12); // 0000 and 1111, distinct
    assertEquals("t", o.get("table").getAsString());
    assertEquals(2, o.get("alphabet").getAsInt());
    assertEquals("2x2", o.get("block").getAsString());
    assertEquals("none (cells are symbols)", o.get("quantization").getAsString());
    assertEquals(2, o.get("blocks").getAsInt());
  }

  @Test
  void bdmBinaryPreset() throws IOException {
    Run r = run("bdm", randomCsv(6, 8).toString(), "--alphabet", "2", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("ctm-own-b2-d12", o.get("table").getAsString());
    assertEquals("12", o.get("block").getAsString());
    assertEquals(4, o.get("blocks").getAsInt());
    Run named = run("bdm", randomCsv(6, 8).toString(), "--ctm", "ctm-own-b4-d12", "--json");
    assertEquals("6", JsonParser.parseString(named.out()).getAsJsonObject().get("block").getAsString());
  }

  @Test
  void bdmBadInputExitsTwoWithOneLine() throws IOException {
    assertUsageError(run("bdm", csv("ragged.csv", "1,2,3\n4,5\n").toString()), "ragged");
    assertUsageError(run("bdm", csv("text.csv", "1,2\n3,abc\n").toString()), "'abc' is not a finite number");
    assertUsageError(run("bdm", csv("nan.csv", "1,NaN\n").toString()), "not a finite number");
    assertUsageError(run("bdm", dir.resolve("absent.csv").toString()), "does not exist");
    Path small = csv("small.csv", "1,2\n3,4\n");
    assertUsageError(run("bdm", small.toString()), "longer than");
    assertUsageError(
        run("bdm", small.toString(), "--block", "4x4", "--alphabet", "2"), "has no blocks of shape 4x4");
    Path table2x2 = csv("t2.tsv", "shape\tkey\tctm_bits\n2x2\t0000\t4\n");
    assertUsageError(
        run("bdm", csv("row.csv", "0,1,0,1\n").toString(), "--ctm", table2x2.toString()),
        "larger than the 1x4 matrix");
    Path notTable = csv("junk.tsv", "hello\n");
    assertUsageError(run("bdm", small.toString(), "--ctm", notTable.toString()), "is not a CTM table");
    assertUsageError(run("bdm", small.toString(), "--ctm", "no-such-table"), "neither an existing file");
    assertUsageError(run("bdm", small.toString(), "--boundary", "wrap"), "boundary");
    assertUsageError(run("bdm", small.toString(), "--alphabet", "3"), "alphabet 3");
    assertUsageError(run("bdm", small.toString(), "--quantize", "maybe"), "--quantize");
    assertUsageError(run("bdm", csv("empty.csv", "\n").toString()), "no rows");
  }

  @Test
  void ctmGenerateWritesTableWithItsCommand() throws IOException {
    Path out = dir.resolve("own-22.tsv");
    Run r = run("ctm", "generate", "--states", "2", "--out", out.toString(), "--threads", "1");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("100% of subtrees"), r.err());
    String text = Files.readString(out);
    assertTrue(text.contains("# command: occam ctm generate --states 2 --out " + out + " --threads 1"), text);
    assertTrue(text.contains("10^4 = 10000"), text);
    assertTrue(text.contains("shape\tkey\tctm_bits\n1\t0\t"), text);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    Run stdout = run("ctm", "generate", "--states", "1");
    assertEquals(0, stdout.code());
    assertTrue(stdout.out().contains("shape\tkey\tctm_bits\n1\t0\t1.0\n"), stdout.out());
  }

  @Test
  void ctmCompareReportsSpearman() throws IOException {
    Path a = dir.resolve("a.tsv");
    Path b = dir.resolve("b.tsv");
    assertEquals(0, run("ctm", "generate", "--states", "3", "--out", a.toString()).code());
    assertEquals(0, run("ctm", "generate", "--states", "4", "--out", b.toString()).code());
    Run r = run("ctm", "compare", "--ctm", a.toString(), "--ctm", b.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertTrue(o.get("spearman").getAsDouble() > 0.8, r.out());
    assertTrue(o.get("common").getAsInt() > 50);
    Run text = run("ctm", "compare", "--ctm", a.toString(), "--ctm", b.toString(), "--block", "5");
    assertTrue(text.out().contains("\n5\t16\t0\t0\t"), text.out());
  }

  @Test
  void ctmBadInputExitsTwo() {
    assertUsageError(run("ctm", "generate", "--states", "0"), "--states 0");
    assertTrue(run("ctm", "generate", "--states", "0").err().startsWith("occam ctm generate: "));
    assertUsageError(run("ctm", "generate", "--states", "2", "--symbols", "3"), "--max-steps");
    assertUsageError(run("ctm", "generate", "--states", "5"), "busy beaver");
    assertUsageError(run("ctm", "generate", "--states", "2", "--max-length", "0"), "--max-length");
    assertUsageError(run("ctm", "compare", "--ctm", "ctm-own-b2-d12"), "exactly two");
    assertUsageError(run("ctm", "generate"), "--states");
    Run none = run("ctm");
    assertEquals(2, none.code());
    assertFalse(none.err().isEmpty());
  }

  @Test
  void unwritableOutputFailsWithoutPartialFile() throws IOException {
    Path blocker = csv("blocker", "x");
    Run r = run("ctm", "generate", "--states", "2", "--out", blocker.resolve("t.tsv").toString());
    assertUsageError(r, "cannot write");
    assertEquals("x", Files.readString(blocker));
  }
}
