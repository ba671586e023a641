package occam.results;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    List<Path> files = committed().toList();
    assertFalse(files.isEmpty(), "no JSON under " + RESULTS);
    assertTrue(files.contains(Path.of("comparison", "summary.json")), files.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("committed")
  void parsesStrictly(Path file) throws IOException {
    String text = Files.readString(RESULTS.resolve(file));
    assertDoesNotThrow(() -> Json.parseStrict(text), file.toString());
  }
}
