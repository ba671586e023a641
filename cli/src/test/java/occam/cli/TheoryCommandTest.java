package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import occam.theory.Crossover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code occam theory} and {@code occam theory lambertw} through {@link Occam#commandLine()}. */
class TheoryCommandTest {

  @Test
  void defaultsHaveACrossover() {
    CliRun r = CliRun.of("theory");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("lambda_mem    4704.5"), r.out());
    assertTrue(r.out().contains("lambda_gen    48.5"), r.out());
    assertTrue(r.out().contains("Delta K       726336 bits"), r.out());
    double nStar = Crossover.of(97, 1e-3, 0.01).nStar();
    assertTrue(r.out().contains("n*            " + occam.io.Numbers.precise(nStar)), r.out());
    assertTrue(r.out().contains("n*/N          " + occam.io.Numbers.precise(nStar / 9409)), r.out());
    assertEquals("", r.err());
  }

  /** The example of the CLI contract, with and without "--" before the negative arguments. */
  @Test
  void lambertWLowerBranch() {
    List<String> expected = List.of("-3.5771520639572970", "-697.32277629546010", "-1.0000000000000000");
    CliRun r = CliRun.of("theory", "lambertw", "--branch", "-1", "--", "-0.1", "-1e-300", "-0.36787944117144233");
    assertEquals(0, r.exit(), r.err());
    assertEquals(expected, r.out().lines().toList());
    CliRun bare = CliRun.of("theory", "lambertw", "--branch", "-1", "-0.1", "-1e-300", "-0.36787944117144233");
    assertEquals(0, bare.exit(), bare.err());
    assertEquals(expected, bare.out().lines().toList());
  }

  @Test
  void lambertWPrincipalBranchIsTheDefault() {
    CliRun r = CliRun.of("theory", "lambertw", "1", "0", "2.718281828459045", "1e300");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("0.56714329040978380", "0.0000000000000000", "1.0000000000000000", "684.24720862976080"),
        r.out().lines().toList());
  }

  @Test
  void json() {
    CliRun r = CliRun.of("theory", "--p", "97", "--op", "mul", "--beta", "1e-3", "--eps", "0.01", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().lines().toList().size(), "one JSON object on one line");
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(96, o.get("m").getAsInt());
    assertEquals(49, o.get("support_gen").getAsInt());
    assertEquals(24.5, o.get("lambda_gen").getAsDouble());
    assertTrue(o.get("crossover").getAsBoolean());
    assertEquals(Crossover.of(97, 1e-3, 0.01).nStar(), o.get("n_star").getAsDouble());
    assertEquals(Crossover.of(97, 1e-3, 0.01).nStar() / 9216, o.get("n_star_over_N").getAsDouble());
  }

  @Test
  void jsonWithoutCrossoverHasNulls() {
    CliRun r = CliRun.of("theory", "--eps", "100", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertFalse(o.get("crossover").getAsBoolean());
    assertTrue(o.get("n_star").isJsonNull());
    assertTrue(o.get("n_low").isJsonNull());
  }

  @Test
  void noCrossoverIsSaidNotThrown() {
    CliRun r = CliRun.of("theory", "--eps", "100");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("no crossover: eps/c = 10.73883 > 1/e = 0.3678794"), r.out());
  }

  @Test
  void betaTable() {
    CliRun r = CliRun.of("theory", "--betas", "1e-5:1e-1:5", "--eps", "0.05");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("beta ")).findFirst().orElseThrow());
    assertEquals(5, lines.size() - header - 1, r.out());
    assertTrue(lines.get(header + 1).contains("none"), "beta = 1e-5: eps/c > 1/e");
    assertTrue(lines.get(header + 3).startsWith("0.001 "), lines.get(header + 3));

    CliRun json = CliRun.of("theory", "--betas", "1e-5:1e-1:5", "--eps", "0.05", "--json");
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    assertEquals(5, o.getAsJsonArray("scan").size());
  }

  /** Bad input: exit 2, one line on stderr naming the value and what is allowed, nothing on stdout. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "theory --p 4                          | p = 4 is not allowed: p must be a prime >= 3",
    "theory --p 2                          | p = 2 is not allowed",
    "theory --beta 0                       | beta = 0.0 is not allowed: beta must be > 0",
    "theory --beta -1e-3                   | beta = -0.001 is not allowed",
    "theory --eps 0                        | eps = 0.0 is not allowed: eps must be > 0",
    "theory --eps -1                       | eps = -1.0 is not allowed",
    "theory --op pow                       | unknown op 'pow'",
    "theory --betas 1:0.1:3                | --betas '1:0.1:3' is not allowed",
    "theory --betas 0:1:3                  | --betas '0:1:3' is not allowed",
    "theory --beta 1e-3 --betas 1e-3:1e-2:2 | --beta and --betas are not allowed together",
    "theory --c-float -1                   | C_float = -1 is not allowed",
    "theory --p abc                        | 'abc' is not an int",
    "theory lambertw --branch 2 1          | branch = 2 is not allowed: branch must be 0 or -1",
    "theory lambertw --branch -1 0.5       | x = 0.5 is not allowed: W-1 is real for -1/e",
    "theory lambertw --branch -1 -0.5      | x = -0.5 is not allowed",
    "theory lambertw -0.36787944117144239  | x = -0.3678794411714424 is not allowed: W0 is real for x >= -1/e",
    "theory lambertw NaN                   | x = NaN is not allowed",
    "theory lambertw                       | Missing required parameter",
  })
  void badInput(String args, String message) {
    CliRun r = CliRun.of(args.trim().split("\\s+"));
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(message.trim()), r.err());
  }
}
