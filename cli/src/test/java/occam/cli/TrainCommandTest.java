package occam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import occam.io.Json;
import occam.transformer.records.Setting;
import occam.transformer.records.Settings;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code occam train}: exit codes, one-line errors, and the files of a tiny run. */
class TrainCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Occam.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String[] tiny(Path dir, String... extra) {
    return tiny(dir, 4, extra);
  }

  private static String[] tiny(Path dir, int steps, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--p", "5", "--frac", "0.6", "--d-model", "8",
        "--heads", "2", "--d-mlp", "16", "--steps", Integer.toString(steps), "--log-every", "2",
        "--checkpoint-every", "2", "--out", dir.toString(), "--no-progress"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private void assertUsageError(int code, String expected) {
    assertEquals(Occam.EXIT_USAGE, code, err.toString());
    String message = err.toString();
    assertEquals(1, message.lines().count(), "one line: " + message);
    assertTrue(message.contains(expected), message);
    assertTrue(message.startsWith("occam"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "2", "1", "-3", "100"})
  void rejectsNonPrimeModulus(String p) {
    assertUsageError(run("train", "--p", p, "--steps", "1", "--no-progress"), "p = " + p);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(List.of("--frac", "0"), "frac"),
        Arguments.of(List.of("--frac", "1.5"), "frac"),
        Arguments.of(List.of("--d-model", "10", "--heads", "4"), "divisible"),
        Arguments.of(List.of("--preset", "huge"), "preset"),
        Arguments.of(List.of("--op", "pow"), "op"),
        Arguments.of(List.of("--lr", "-1"), "lr"),
        Arguments.of(List.of("--threads", "-1"), "threads"),
        Arguments.of(List.of("--steps", "many"), "steps"),
        Arguments.of(List.of("--acc-threshold", "1.5"), "acc-threshold"),
        Arguments.of(List.of("--threshold", "0.5"), "--threshold"),
        Arguments.of(List.of("--weight-noise", "-0.1"), "weight-noise"),
        Arguments.of(List.of("--spectral-entropy", "-1"), "spectral-entropy"),
        Arguments.of(List.of("--spectral-edge", "1"), "spectral-edge"),
        Arguments.of(List.of("--wd-after", "3000"), "wd-after"),
        Arguments.of(List.of("--wd-after", "3000:-1"), "wd-after"),
        Arguments.of(List.of("--wd-after", "2000:0,1000:1"), "wd-after"),
        Arguments.of(List.of("--compression", "0"), "compression delta 0.0"),
        Arguments.of(List.of("--compression", "-0.1"), "compression delta -0.1"),
        Arguments.of(List.of("--compression", "0.1", "--bdm"), "choose one"),
        Arguments.of(List.of("--compression", "0.1", "--seeds", "0:1"), "single run"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void rejectsBadInputWithOneLine(List<String> options, String expected) {
    List<String> args = new ArrayList<>(List.of("train", "--no-progress"));
    args.addAll(options);
    assertUsageError(run(args.toArray(String[]::new)), expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--weight-noise=-1", "--spectral-entropy=-0.5", "--wd-after=x:0"})
  void badInterventionInputWritesNothing(String option, @TempDir Path tmp) {
    Path dir = tmp.resolve("run");
    assertUsageError(run(tiny(dir, option)), option.substring(2, option.indexOf('=')));
    assertTrue(Files.notExists(dir), "nothing written");
  }

  @Test
  void gridsRefuseTheInterventionsTheyCannotTrainYet(@TempDir Path tmp) {
    Path dir = tmp.resolve("grid");
    assertUsageError(run(tiny(dir, "--seeds", "0:1", "--weight-noise", "0.1")), "one at a time");
    assertTrue(Files.notExists(dir), "nothing written");
  }

  @Test
  void bdmLogsComplexityAndNamesItsTable(@TempDir Path tmp) throws IOException {
    assertEquals(0, run(tiny(tmp, "--bdm", "--json")), err.toString());
    JsonObject summary = JsonParser.parseString(out.toString()).getAsJsonObject();
    String what = summary.get("complexity").getAsString();
    assertTrue(what.contains("ctm-own-b4-d12") && what.contains("alphabet 4") && what.contains("blocks 6"), what);
    List<String> lines = Files.readAllLines(tmp.resolve("metrics.jsonl"));
    assertEquals(3, lines.size(), "steps 0, 2, 4");
    for (String line : lines) {
      JsonObject m = JsonParser.parseString(line).getAsJsonObject();
      assertTrue(m.get("complexity").getAsDouble() > 0, line);
    }
    assertTrue(summary.getAsJsonObject("final").get("complexity").getAsDouble() > 0);
  }

  /** --compression logs the bzip2 bits of the search's winner; the summary names δ and the grid. */
  @Test
  void compressionLogsComplexity(@TempDir Path tmp) throws IOException {
    assertEquals(0, run(tiny(tmp, "--compression", "0.5", "--json")), err.toString());
    JsonObject summary = JsonParser.parseString(out.toString()).getAsJsonObject();
    String what = summary.get("complexity").getAsString();
    assertTrue(what.contains("delta = 0.5") && what.contains("18 forward passes"), what);
    for (String line : Files.readAllLines(tmp.resolve("metrics.jsonl"))) {
      double bits = JsonParser.parseString(line).getAsJsonObject().get("complexity").getAsDouble();
      assertTrue(bits > 0 && bits % 8 == 0, line); // whole bytes of bzip2 output
    }
  }

  @Test
  void rejectsAnUnreadableCheckpointAndLeavesIt(@TempDir Path tmp) throws IOException {
    Path checkpoint = tmp.resolve("checkpoint").resolve("state.ckpt");
    Files.createDirectories(checkpoint.getParent());
    Files.writeString(checkpoint, "garbage");
    assertUsageError(run(tiny(tmp, "--resume")), "unreadable");
    assertEquals("garbage", Files.readString(checkpoint));
  }

  @Test
  void trainsWritesItsFilesAndRefusesAnotherArchitectureOnResume(@TempDir Path tmp) throws IOException {
    assertEquals(0, run(tiny(tmp, "--json")), err.toString());
    JsonObject summary = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertEquals(4, summary.get("steps_done").getAsInt());
    assertTrue(summary.has("phase") && summary.has("grokking_step") && summary.has("memorization_step"));
    for (String file : List.of("metrics.jsonl", "summary.json", "curves.png", "checkpoint/state.ckpt")) {
      assertTrue(Files.isRegularFile(tmp.resolve(file)), file);
    }
    byte[] checkpoint = Files.readAllBytes(tmp.resolve("checkpoint/state.ckpt"));

    err.getBuffer().setLength(0);
    assertUsageError(run(tiny(tmp)), "--resume");
    err.getBuffer().setLength(0);
    assertUsageError(run(tiny(tmp, "--resume", "--layers", "2")), "layers 1 vs 2");
    assertArrayEquals(checkpoint, Files.readAllBytes(tmp.resolve("checkpoint/state.ckpt")));

    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);
    assertEquals(0, run(tiny(tmp, 6, "--resume")), err.toString());
    assertTrue(out.toString().contains("after 6 steps"), out.toString());
  }

  @Test
  void everyTrainingSettingIsAnOptionOfItsOwnName() {
    assertEquals(0, run("train", "--help"));
    String help = out.toString();
    for (Setting<?> s : Settings.ALL) {
      String option = s.type() == Boolean.class ? "--[no-]" + s.name() : s.option() + "=" + s.label();
      assertTrue(help.contains(option), option + " in\n" + help);
    }
    assertTrue(!help.contains("--threshold"), "one name for the accuracy threshold: --acc-threshold");
  }

  @Test
  void optionsOverrideThePresetAndReachTheSummary(@TempDir Path tmp) throws IOException {
    assertEquals(0, run(tiny(tmp, "--acc-threshold", "0.5", "--op", "sub", "--eps", "1e-6", "--layernorm",
        "--seed", "7", "--json")), err.toString());
    JsonObject config = Json.parseStrict(out.toString()).getAsJsonObject().getAsJsonObject("config");
    assertEquals(0.5, config.get("threshold").getAsDouble());
    assertEquals("sub", config.get("op").getAsString());
    assertEquals(1e-6, config.get("eps").getAsDouble());
    assertTrue(config.get("layernorm").getAsBoolean());
    assertEquals(7, config.get("seed").getAsLong());
    assertEquals(16, config.get("d_mlp").getAsInt(), "from the command line");
    assertEquals(0.98, config.get("beta2").getAsDouble(), "SPEC 6's default");
  }

  @Test
  void trainInItsOwnJvmPrintsNoLoggerLines(@TempDir Path tmp) throws IOException, InterruptedException {
    // a fresh JVM: SLF4J and DJL's CUDA probe speak once per process, at first use
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Occam.class.getName()));
    command.addAll(List.of(tiny(tmp.resolve("run"))));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), stderr);
    assertEquals("", stderr, "no SLF4J, INFO or WARN lines: the output is the tool's own");
    assertTrue(!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory), "a provider is bound");
    assertTrue(LoggerFactory.getLogger("ai.djl.pytorch").isWarnEnabled(), "DJL's warnings still show");
    assertTrue(!LoggerFactory.getLogger("ai.djl.pytorch").isInfoEnabled(), "DJL's info lines do not");
  }
}
