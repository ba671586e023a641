package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's {@code ./occam …} lines are the user's first contact: every one must parse, and the
 * quick ones ({@code run} and {@code theory}) must run and exit 0.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");

  static Stream<String> examples() throws IOException {
    List<String> out = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      String l = line.strip();
      if (inCode && l.startsWith("./occam ")) {
        int comment = l.indexOf(" #");
        out.add((comment > 0 ? l.substring(0, comment) : l).substring("./occam ".length()).strip());
      }
    }
    return out.stream();
  }

  @Test
  void readmeHasExamples() throws IOException {
    assertFalse(examples().toList().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleParses(String line) {
    Occam.commandLine().parseArgs(line.split("\\s+"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void quickExamplesRun(String line) throws IOException {
    String[] args = line.split("\\s+");
    boolean quick = args[0].equals("theory") || (args[0].equals("run") && !line.contains("--trace"));
    if (!quick) {
      return;
    }
    CliRun o = CliRun.of(args);
    assertEquals(0, o.exit(), line + "\n" + o.err());
  }

  @Test
  void traceExampleWritesItsFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    String line = examples().filter(l -> l.startsWith("run") && l.contains("--trace")).findFirst().orElseThrow();
    String[] args = line.replaceAll("--trace \\S+", "--trace " + tmp.resolve("trace.csv")).split("\\s+");
    CliRun o = CliRun.of(args);
    assertEquals(0, o.exit(), o.err());
    assertFalse(Files.readAllLines(tmp.resolve("trace.csv")).isEmpty());
  }
}
