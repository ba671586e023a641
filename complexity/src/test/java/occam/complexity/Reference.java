package occam.complexity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared reference data (published CTM tables), found through the system property {@code
 * occam.reference} that surefire sets to {@code <repo>/../shared/reference}. Tests that need it skip
 * with a message when it is absent (a fresh checkout has no {@code ../shared}).
 */
final class Reference {

  private Reference() {}

  /** The folder of published CTM tables, or a skipped test. */
  static Path ctmFolder() {
    String prop = System.getProperty("occam.reference", "../shared/reference");
    Path dir = Path.of(prop).resolve("ctm");
    assumeTrue(
        Files.isDirectory(dir),
        "published CTM tables not found at " + dir.toAbsolutePath()
            + " (system property occam.reference): skipping the comparison with them");
    return dir;
  }

  private static final Map<String, CtmTable> TABLES = new ConcurrentHashMap<>();

  /** A published table, read once per test run, or a skipped test. */
  static CtmTable table(String fileName) {
    Path file = ctm(fileName);
    return TABLES.computeIfAbsent(fileName, f -> CtmTable.read(file));
  }

  /** One published table file, or a skipped test. */
  static Path ctm(String fileName) {
    Path file = ctmFolder().resolve(fileName);
    assumeTrue(Files.isRegularFile(file), "published CTM table " + file + " not found: skipping");
    return file;
  }
}
