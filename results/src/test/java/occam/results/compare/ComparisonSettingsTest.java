package occam.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import occam.sfm.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonSettingsTest {
  private static ComparisonSettings settings(int iters, List<Double> k, double eps, int threads) {
    return new ComparisonSettings(Gate.SOFT, iters, k, Set.of(), eps, threads);
  }

  @Test
  void everyInvalidValueIsNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(0, List.of(1e-3), 0.5, 1))
        .getMessage().contains("sfm iters = 0"));
    assertThrows(IllegalArgumentException.class, () -> settings(10, List.of(), 0.5, 1));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(10, List.of(-1.0), 0.5, 1))
        .getMessage().contains("k_beta = -1.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(10, List.of(1e-3), Double.NaN, 1))
        .getMessage().contains("--eps NaN"));
    assertThrows(IllegalArgumentException.class, () -> settings(10, List.of(1e-3), Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> settings(10, List.of(1e-3), 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new ComparisonSettings(null, 10, List.of(1e-3), Set.of(), 0.5, 1));
  }

  @Test
  void runFoldersAreRunsOrFoldersOfRunsInNameOrder(@TempDir Path tmp) throws IOException {
    Path parent = tmp.resolve("runs");
    for (String name : List.of("b", "a")) {
      Files.createDirectories(parent.resolve(name));
      Files.writeString(parent.resolve(name).resolve("summary.json"), "{}");
    }
    Files.createDirectories(parent.resolve("not-a-run"));
    assertEquals(List.of(parent.resolve("a"), parent.resolve("b")), ComparisonSettings.runFolders(List.of(parent)));
    assertEquals(List.of(parent.resolve("b")), ComparisonSettings.runFolders(List.of(parent.resolve("b"))));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ComparisonSettings.runFolders(List.of(parent.resolve("not-a-run")))).getMessage().contains("no summary.json"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ComparisonSettings.runFolders(List.of(tmp.resolve("absent")))).getMessage().contains("does not exist"));
  }
}
