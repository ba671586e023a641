package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  @Test
  void benchSfmPrintsOneRowPerPAndBatch() {
    CliRun r = CliRun.of("bench", "sfm", "--part", "engines", "--engine", "cpu", "--p", "7,11", "--batches", "1,3", "--iters", "4");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("cpu:    cpu (stockham"), r.out());
    assertTrue(r.out().contains("|   7 |   7 |     4 |     1 |"), r.out());
    assertTrue(r.out().contains("|  11 |  11 |     4 |     3 |"), r.out());
    assertEquals(2 + 4, r.out().lines().filter(l -> l.startsWith("|")).count(), r.out());
  }

  @Test
  void bothEnginesSideBySide() {
    CliRun r = CliRun.of("bench", "sfm", "--part", "engines", "--p", "7", "--batches", "2", "--iters", "3");
    assertEquals(0, r.exit(), r.err());
    String row = r.out().lines().filter(l -> l.startsWith("|   7 |")).findFirst().orElseThrow();
    if (occam.sfm.opencl.OpenClDevices.best().isPresent()) {
      assertTrue(r.out().contains("opencl: opencl ("), r.out());
      assertTrue(!row.contains(" - "), row);
    } else {
      assertTrue(row.endsWith("|        - |                - |          - |"), row);
    }
  }

  @Test
  void withoutDeviceTheOpenClColumnIsEmptyAndSaysWhy() {
    CliRun r = CliRun.withProbe(CliRun.NO_DEVICE, "bench", "sfm", "--part", "engines", "--engine", "opencl", "--p", "7", "--batches", "1",
        "--iters", "2");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("occam: --engine opencl: no OpenCL device found (test probe); running on the CPU engine"),
        r.errLines());
    CliRun strict = CliRun.withProbe(CliRun.NO_DEVICE, "bench", "sfm", "--part", "engines", "--engine", "opencl", "--strict-engine");
    assertEquals(Occam.EXIT_USAGE, strict.exit());
    assertEquals(List.of("occam bench sfm: --engine opencl --strict-engine: no OpenCL device found (test probe)"), strict.errLines());
  }

  @Test
  void badInputIsAUsageError() {
    assertEquals(Occam.EXIT_USAGE, CliRun.of("bench").exit());
    assertEquals(Occam.EXIT_USAGE, CliRun.of("bench", "sfm", "--part", "engines", "--batches", "0").exit());
    assertEquals(Occam.EXIT_USAGE, CliRun.of("bench", "sfm", "--part", "engines", "--p", "9").exit());
    assertEquals(Occam.EXIT_USAGE, CliRun.of("bench", "sfm", "--part", "engines", "--engine", "gpu").exit());
    assertEquals(Occam.EXIT_USAGE, CliRun.of("bench", "sfm", "--part", "engines", "--iters", "-1").exit());
    CliRun r = CliRun.of("bench", "sfm", "--part", "engines", "--p", "9", "--engine", "cpu");
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void autoItersKeepTheWorkPerCellLevel() {
    assertEquals(20, BenchCommand.Sfm.autoIters(97));
    assertEquals(196, BenchCommand.Sfm.autoIters(31));
    assertEquals(2000, BenchCommand.Sfm.autoIters(3));
  }

  @Test
  void backendTableHasOneRowPerBackend() {
    CliRun r = CliRun.of("bench", "sfm", "--part", "backends", "--backend-p", "7");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("|   7 |   7 | stockham    |"), r.out());
    assertTrue(r.out().contains("|   7 |   7 | jtransforms |"), r.out());
    assertEquals(2 + 2, r.out().lines().filter(l -> l.startsWith("|")).count(), r.out());
    assertEquals(2, CliRun.of("bench", "sfm", "--part", "everything").exit());
  }
}
