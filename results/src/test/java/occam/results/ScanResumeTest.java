package occam.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import occam.io.CellJournal;
import occam.io.Json;
import occam.io.UsageException;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.scan.Grid;
import occam.sfm.scan.ScanPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan killed part-way and run again with its journal ends with the files of an uninterrupted scan. */
class ScanResumeTest {
  private static final String COMMAND = "occam scan --p 7 (test)";

  @TempDir Path tmp;

  @Test
  void resumedScanWritesTheFilesOfAnUninterruptedOne() throws IOException {
    System.setProperty("java.awt.headless", "true");
    ScanPlan plan = Cells.tinyPlan();
    ScanReport whole = ScanReport.run(plan, Cells.engine(), SfmListener.NONE, COMMAND);
    List<String> names = whole.write(tmp.resolve("whole"));

    Path journalFile = tmp.resolve("cells.jsonl");
    ScanReport.JournalSettings settings = ScanReport.journalSettings(plan, Cells.engine());
    int killAfter = 7;
    try (CellJournal<SfmResult> journal = CellJournal.open(journalFile, settings, SfmResult.class)) {
      AtomicInteger finished = new AtomicInteger();
      SfmListener killer = new SfmListener() {
        @Override
        public void finished(SfmResult r) {
          if (finished.incrementAndGet() == killAfter) {
            throw new IllegalStateException("killed");
          }
        }
      };
      assertThrows(IllegalStateException.class, () -> ScanReport.run(plan, Cells.engine(), killer, COMMAND, journal));
    }

    Counting counting = new Counting(Cells.engine());
    ScanReport resumed;
    try (CellJournal<SfmResult> journal = CellJournal.open(journalFile, settings, SfmResult.class)) {
      Map<String, SfmResult> done = journal.cells();
      assertEquals(killAfter, done.size());
      // The journal gives back each run exactly (record equality: every double, step and enum).
      Map<String, SfmResult> all = new java.util.HashMap<>();
      whole.cells().forEach(c -> c.runs().forEach(r -> all.put(ScanPlan.key(r.config()), r)));
      done.forEach((k, r) -> assertEquals(all.get(k), r, k));
      resumed = ScanReport.run(plan, counting, SfmListener.NONE, COMMAND, journal);
    }
    assertEquals(plan.runs() - killAfter, counting.ran.get());
    assertEquals(names, resumed.write(tmp.resolve("resumed")));
    for (String name : names) {
      byte[] a = Files.readAllBytes(tmp.resolve("whole").resolve(name));
      byte[] b = Files.readAllBytes(tmp.resolve("resumed").resolve(name));
      if (name.equals("summary.json")) {
        assertEquals(withoutSeconds(a), withoutSeconds(b));
      } else {
        assertArrayEquals(a, b, name);
      }
    }
  }

  @Test
  void otherSettingsAgainstAJournalAreRefused() throws IOException {
    ScanPlan plan = Cells.tinyPlan();
    Path journalFile = tmp.resolve("cells.jsonl");
    CellJournal.open(journalFile, ScanReport.journalSettings(plan, Cells.engine()), SfmResult.class).close();
    ScanPlan other = new ScanPlan(plan.base(), plan.gates(), Grid.parse("--betas", "1e-3:1:3", true), plan.fracs(),
        plan.seeds());
    UsageException e = assertThrows(UsageException.class,
        () -> CellJournal.open(journalFile, ScanReport.journalSettings(other, Cells.engine()), SfmResult.class));
    assertTrue(e.getMessage().contains("different settings"), e.getMessage());
    // The thread count does not decide the numbers, so it is not part of the settings.
    assertEquals(ScanReport.journalSettings(plan, Cells.engine()),
        ScanReport.journalSettings(plan, new occam.sfm.CpuEngine(occam.fourier.RealDft2Backend.JTRANSFORMS, 2, 100)));
  }

  private static JsonObject withoutSeconds(byte[] json) {
    JsonObject o = Json.parseStrict(new String(json, java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
    assertTrue(o.remove("seconds").getAsDouble() >= 0);
    return o;
  }

  /** An engine that counts the runs it is asked for. */
  private record Counting(SfmEngine inner, AtomicInteger ran) implements SfmEngine {
    Counting(SfmEngine inner) {
      this(inner, new AtomicInteger());
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public List<SfmResult> run(List<SfmConfig> cells, SfmListener listener) {
      ran.addAndGet(cells.size());
      return inner.run(cells, listener);
    }
  }
}
