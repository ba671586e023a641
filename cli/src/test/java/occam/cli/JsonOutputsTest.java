package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import occam.io.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code --json} output is strict JSON (RFC 8259: no NaN or Infinity literals), including the
 * cases whose figures are not finite. {@code compare} has no {@code --json}: its {@code summary.json} is
 * checked in {@link CompareCommandTest}; {@code bench} has none.
 */
class JsonOutputsTest {
  @TempDir static Path tmp;

  /** Two one-block tables: one common block, so Spearman and Pearson are NaN. */
  private static Path table(String name, String bits) throws IOException {
    return Files.writeString(tmp.resolve(name), "shape\tkey\tctm_bits\n2\t00\t" + bits + "\n2\t01\t3\n");
  }

  static Stream<Arguments> commands() throws IOException {
    Path a = table("a.tsv", "2");
    Path b = Files.writeString(tmp.resolve("b.tsv"), "shape\tkey\tctm_bits\n2\t00\t2.5\n");
    Path m = Files.writeString(tmp.resolve("m.csv"), "0,1,1,0,1,0,0,1,1,1,0,0\n");
    return Stream.of(
        Arguments.of("theory", new String[] {"theory", "--json"}),
        Arguments.of("theory without crossover", new String[] {"theory", "--eps", "100", "--json"}),
        Arguments.of("theory over betas", new String[] {"theory", "--betas", "1e-5:1e-1:5", "--json"}),
        Arguments.of("run", new String[] {"run", "--p", "7", "--frac", "0.5", "--beta", "0.01", "--iters", "20",
            "--json"}),
        Arguments.of("bdm", new String[] {"bdm", m.toString(), "--alphabet", "2", "--json"}),
        Arguments.of("ctm compare, NaN correlations", new String[] {"ctm", "compare", "--ctm", a.toString(), "--ctm",
            b.toString(), "--json"}),
        Arguments.of("train", new String[] {"train", "--p", "5", "--frac", "0.6", "--d-model", "8", "--heads", "2",
            "--d-mlp", "16", "--steps", "2", "--log-every", "1", "--out", tmp.resolve("train").toString(),
            "--no-progress", "--json"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void jsonOutputIsStrict(String what, String[] args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().strip().lines().count(), "one JSON line: " + r.out());
    JsonElement e = Json.parseStrict(r.out().strip());
    assertTrue(e.isJsonObject(), r.out());
  }

  @org.junit.jupiter.api.Test
  void ctmCompareWritesNullForNaN() throws IOException {
    CliRun r = CliRun.of("ctm", "compare", "--ctm", table("c.tsv", "2").toString(), "--ctm",
        Files.writeString(tmp.resolve("d.tsv"), "shape\tkey\tctm_bits\n2\t00\t2.5\n").toString(), "--json");
    JsonObject o = Json.parseStrict(r.out()).getAsJsonObject();
    assertEquals(1, o.get("common").getAsInt());
    assertTrue(o.get("spearman").isJsonNull(), r.out());
    assertEquals(0.5, o.get("max_abs_diff").getAsDouble());
    assertTrue(o.getAsJsonArray("by_shape").get(0).getAsJsonObject().get("pearson").isJsonNull(), r.out());
  }
}
