package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-lines round trip, null for non-finite values, and recovery from a cut-off line. */
class MetricsLogTest {
  private static StepMetrics line(int step) {
    return new StepMetrics(step, 1.5, 0.25, Double.NaN, Double.NaN, 3, 0.1, 0.2, 0.3, 0.4, 0.5,
        Double.NaN, Map.of("embed.W_E", 4.5), step * 0.1);
  }

  @Test
  void roundTripsAndDropsLinesAtOrAfterTheResumeStep(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve(RunFolder.METRICS_FILE);
    try (MetricsLog log = MetricsLog.openFrom(file, 0)) {
      for (int s = 0; s <= 6; s += 2) {
        log.append(line(s));
      }
    }
    Files.writeString(file, Files.readString(file) + "{\"step\":8,\"train_lo", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    List<StepMetrics> read = MetricsLog.read(file);
    assertEquals(List.of(line(0), line(2), line(4), line(6)), read, "the cut-off line is skipped");
    assertTrue(Files.readString(file).contains("\"test_acc\":null"), "NaN is written as null");
    try (MetricsLog log = MetricsLog.openFrom(file, 4)) {
      log.append(line(4));
    }
    assertEquals(List.of(line(0), line(2), line(4)), MetricsLog.read(file));
  }
}
