package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's {@code ./occam …} lines are the user's first contact: every one must parse, and the quick
 * ones ({@code run} and {@code theory}) run and exit 0, with their output files moved into a temporary
 * folder. The others take minutes (or a GPU, or a trained grid) and show as skipped, with the reason.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");

  /** Why a command's README line is parsed but not run. */
  private static final Map<String, String> NOT_RUN = Map.of(
      "scan", "a scan runs hundreds of SFM cells (minutes)",
      "train", "trains a transformer with DJL (minutes)",
      "analyze", "needs a run trained with --snapshots",
      "experiment", "trains the validation grid of transformers (hours)",
      "compare", "needs the run folders that occam experiment trains",
      "league", "needs the validation grid's run folders (hours of training)",
      "predict", "needs the calibration.json that occam league writes",
      "bench", "a benchmark times work for minutes",
      "llc", "SGLD over a trained run or the SFM calibration (minutes)");

  @TempDir static Path tmp;

  /** Every {@code ./occam} line of the README's code blocks (after a prefix such as {@code nice -n 5}). */
  static Stream<String> examples() throws IOException {
    List<String> out = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      int at = line.indexOf("./occam ");
      if (inCode && at >= 0) {
        String l = line.substring(at + "./occam ".length());
        int comment = l.indexOf(" #");
        out.add((comment > 0 ? l.substring(0, comment) : l).strip());
      }
    }
    return out.stream();
  }

  @Test
  void readmeHasExamples() throws IOException {
    assertFalse(examples().toList().isEmpty());
    assertEquals(List.of(), examples().map(l -> l.split("\\s+")[0])
        .filter(c -> !c.equals("run") && !c.equals("theory") && !NOT_RUN.containsKey(c)).toList(),
        "every README command is either run or has a reason not to be");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleParses(String line) {
    Occam.commandLine().parseArgs(line.split("\\s+"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void quickExamplesRun(String line) throws IOException {
    String command = line.split("\\s+")[0];
    assumeTrue(!NOT_RUN.containsKey(command), "parsed, not run: " + NOT_RUN.get(command));
    Path trace = tmp.resolve("trace-" + Integer.toHexString(line.hashCode()) + ".csv");
    String[] args = line.replaceAll("--trace \\S+", "--trace " + trace).split("\\s+");
    CliRun o = CliRun.of(args);
    assertEquals(0, o.exit(), line + "\n" + o.err());
    assertFalse(o.out().isBlank(), line + " prints its result");
    if (line.contains("--trace")) {
      assertFalse(Files.readAllLines(trace).isEmpty(), "the trace is written");
    }
  }
}
