package occam.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import occam.fourier.RealDft2Backend;
import occam.io.Json;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.results.ScanReport;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.scan.Grid;
import occam.sfm.scan.ScanPlan;

/** A small scan run locally and on Spark, and the comparison of what the two write. */
final class SparkScans {
  /** The command recorded in both reports (the files must not differ by it). */
  static final String COMMAND = "occam scan --p 11 (spark test)";

  private SparkScans() {}

  /** @return 2 gates × 2 β × 2 frac × 2 seeds = 16 runs at p = 11, phases of several kinds */
  static ScanPlan plan() {
    SfmConfig base = SfmConfig.of(ModularTask.of(11, Op.ADD), 0.3, 1e-4, Gate.HARD, 400, 5);
    return new ScanPlan(base, List.of(Gate.HARD, Gate.SOFT), Grid.logSpaced(1e-4, 1e-1, 2), Grid.linear(0.3, 0.8, 2), 2);
  }

  /** @return the local reference engine (the DFT the Spark tasks use) */
  static CpuEngine local() {
    return new CpuEngine(RealDft2Backend.JTRANSFORMS, 2, Integer.MAX_VALUE);
  }

  /**
   * Runs the plan on an engine and writes its files.
   *
   * @return the folder
   */
  static Path write(SfmEngine engine, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ScanReport.run(plan(), engine, SfmListener.NONE, COMMAND).write(dir);
    return dir;
  }

  /** Asserts byte-identical phase tables and summaries equal but for the engine and its time. */
  static void assertSameAnswers(Path expected, Path actual) throws IOException {
    assertEquals(Files.readString(expected.resolve("phase-table.csv")), Files.readString(actual.resolve("phase-table.csv")));
    assertEquals(Files.readString(expected.resolve("phase-table.md")), Files.readString(actual.resolve("phase-table.md")));
    assertEquals(numbers(expected), numbers(actual));
  }

  private static JsonObject numbers(Path dir) throws IOException {
    JsonObject s = Json.parseStrict(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
    s.remove("seconds");
    s.remove("engine");
    return s;
  }
}
