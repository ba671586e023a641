package occam.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import occam.fourier.RealDft2Backend;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scan on an embedded Spark gives the local scan's files, also when a task fails once. */
class SparkEngineTest {
  @TempDir static Path tmp;
  private static Path local;

  @BeforeAll
  static void scanLocally() throws IOException {
    local = SparkScans.write(SparkScans.local(), tmp.resolve("local"));
  }

  @Test
  void local2GivesTheLocalFiles() throws IOException {
    AtomicInteger heard = new AtomicInteger();
    try (SparkEngine spark = SparkEngine.start(new SparkMaster("local[2]"), Map.of(), RealDft2Backend.JTRANSFORMS,
        SparkEngine.DEFAULT_WAIT, note -> { })) {
      assertEquals("cpu (jtransforms)", spark.resultsKey());
      assertEquals(2, spark.runsInFlight(16));
      List<SfmResult> results = spark.run(SparkScans.plan().configs(), new SfmListener() {
        @Override
        public void finished(SfmResult r) {
          heard.incrementAndGet();
        }
      });
      assertEquals(SparkScans.local().run(SparkScans.plan().configs(), SfmListener.NONE), results);
      SparkScans.assertSameAnswers(local, SparkScans.write(spark, tmp.resolve("local2")));
    }
    assertEquals(16, heard.get());
  }

  @Test
  void aTaskFailingOnceIsRetriedWithTheSameResult() throws IOException {
    List<String> notes = new CopyOnWriteArrayList<>();
    try (SparkEngine spark = SparkEngine.start(new SparkMaster("local[2,3]"), Map.of(TaskFaults.FAIL_FIRST_ATTEMPT, "5"),
        RealDft2Backend.JTRANSFORMS, SparkEngine.DEFAULT_WAIT, notes::add)) {
      SparkScans.assertSameAnswers(local, SparkScans.write(spark, tmp.resolve("retried")));
    }
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("spark: task 5 attempt 0 failed"), notes.get(0));
  }

  @Test
  void unreachableMasterIsOneLineAfterTheProbe() {
    SparkUnavailableException e = assertThrows(SparkUnavailableException.class, () -> SparkEngine.start(
        new SparkMaster("spark://127.0.0.1:1"), Map.of(), RealDft2Backend.JTRANSFORMS, Duration.ofSeconds(5), n -> { }));
    assertTrue(e.getMessage().startsWith("cannot reach the Spark master at 127.0.0.1:1 ("), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
