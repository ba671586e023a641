package occam.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import occam.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScanReport#write}: every file of {@code occam scan}, from the library alone. */
class ScanReportTest {
  @TempDir Path tmp;

  @Test
  void writesEveryFileConsistently() throws IOException {
    System.setProperty("java.awt.headless", "true");
    ScanReport report = Cells.tinyReport();
    List<String> files = report.write(tmp);
    assertEquals(List.of("phase-table.csv", "phase-table.md", "phase-diagram-hard.png", "phase-diagram-hard.svg",
        "phase-diagram-soft.png", "phase-diagram-soft.svg", "summary.json"), files);
    JsonObject s = Json.parseStrict(Files.readString(tmp.resolve("summary.json"))).getAsJsonObject();
    assertEquals(Json.parseStrict(Json.pretty(report.summary())), s);
    assertEquals("occam scan --p 7 (test)", s.get("command").getAsString());
    assertEquals(PhaseTableTest.parse(Files.readString(tmp.resolve("phase-table.csv"))).size(),
        s.getAsJsonArray("cells").size());
    String md = Files.readString(tmp.resolve("phase-table.md"));
    assertTrue(md.startsWith("# SFM phase diagram: p=7 add\n"), md);
    assertTrue(md.contains("## Phase grid, hard gate") && md.contains("## Phase grid, soft gate"));
    assertTrue(md.contains("## Theory beside the simulation"));
    assertEquals(PhaseDiagram.WIDTH, javax.imageio.ImageIO.read(tmp.resolve("phase-diagram-soft.png").toFile()).getWidth());
  }

  @Test
  void cellsMustMatchThePlan() {
    ScanReport report = Cells.tinyReport();
    assertThrows(IllegalArgumentException.class,
        () -> new ScanReport(report.plan(), report.cells().subList(0, 3), "c", "cpu", 1));
  }
}
