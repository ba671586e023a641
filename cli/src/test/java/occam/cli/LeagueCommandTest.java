package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code occam league}: bad input exits 2 with one line before any work, writing no report. */
class LeagueCommandTest {
  @Test
  void badInputExitsTwoWithOneLine(@TempDir Path tmp) throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path out = tmp.resolve("out");
    List<List<String>> bad = List.of(
        List.of("--runs", tmp.resolve("missing").toString()),
        List.of("--runs", empty.toString()),
        List.of("--runs", empty.toString(), "--calibration-op", "pow"),
        List.of("--runs", empty.toString(), "--wd-exponents", "-1"),
        List.of("--runs", empty.toString(), "--k-betas", "1e-3:1e-1:0"),
        List.of("--runs", empty.toString(), "--eps", "0"),
        List.of("--runs", empty.toString(), "--bootstrap", "0"));
    for (List<String> a : bad) {
      List<String> args = new java.util.ArrayList<>(List.of("league", "--out", out.toString()));
      args.addAll(a);
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(Occam.EXIT_USAGE, r.exit(), a + "\n" + r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertFalse(Files.exists(out), "no report folder");
    }
    CliRun none = CliRun.of("league", "--runs", empty.toString(), "--out", out.toString());
    assertTrue(none.err().contains("no summary.json"), none.err());
  }
}
