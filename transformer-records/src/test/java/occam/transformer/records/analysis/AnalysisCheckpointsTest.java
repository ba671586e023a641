package occam.transformer.records.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import occam.transformer.records.SnapshotSchedule;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.analysis.AnalysisCheckpoint.Role;
import org.junit.jupiter.api.Test;

/** The paper's four checkpoints from a metrics log, and chosen steps. */
class AnalysisCheckpointsTest {
  private static StepMetrics line(int step, double train, double test) {
    return new StepMetrics(step, 1, train, 1, test, 1, 0, 0, 0, 0, 0, Double.NaN, Map.of(), 0);
  }

  /** Train accuracy reaches 1 at 40 (t_mem), test accuracy rises 0.1 → 1 from 100 to 200 (t_grok = 200). */
  private static List<StepMetrics> grokking() {
    List<StepMetrics> log = new ArrayList<>();
    for (int s = 0; s <= 300; s += 10) {
      double train = s >= 40 ? 1 : s / 50.0;
      double test = s < 100 ? 0.1 : Math.min(1, 0.1 + 0.9 * (s - 100) / 100.0);
      log.add(line(s, train, test));
    }
    return log;
  }

  @Test
  void theFourCheckpointsOfAGrokkingRun() {
    TreeSet<Integer> snapshots = new TreeSet<>(List.of(0, 1, 3, 10, 40, 120, 160, 200, 300));
    List<AnalysisCheckpoint> c = AnalysisCheckpoints.auto(grokking(), 0.99, snapshots);
    assertEquals(List.of(Role.INITIALIZATION, Role.MEMORIZATION, Role.EMERGENCE, Role.GENERALIZATION),
        c.stream().map(AnalysisCheckpoint::role).toList());
    // half-way: (0.1 + 1)/2 = 0.55, first reached at step 150; nearest snapshots 120 (30 away) and 160 (10 away)
    assertEquals(List.of(OptionalInt.of(0), OptionalInt.of(40), OptionalInt.of(160), OptionalInt.of(200)),
        c.stream().map(AnalysisCheckpoint::step).toList());
    assertEquals("t_mem = 40", c.get(1).basis());
    assertTrue(c.get(2).basis().contains("first at step 150, nearest snapshot 160"), c.get(2).basis());
    assertEquals("t_grok = 200", c.get(3).basis());
  }

  @Test
  void aRunThatDidNotGrokEndsAtItsLastSnapshotAndOneThatDidNotMemorizeHasTwoRowsNotReached() {
    List<StepMetrics> memorized = grokking().stream().map(m -> line(m.step(), m.trainAcc(), Math.min(m.testAcc(), 0.5)))
        .toList();
    TreeSet<Integer> snapshots = new TreeSet<>(List.of(0, 40, 150, 300));
    List<AnalysisCheckpoint> c = AnalysisCheckpoints.auto(memorized, 0.99, snapshots);
    assertEquals(OptionalInt.of(300), c.get(3).step());
    assertEquals("last snapshot (no t_grok)", c.get(3).basis());
    List<StepMetrics> untrained = grokking().stream().map(m -> line(m.step(), 0.2, 0.1)).toList();
    List<AnalysisCheckpoint> none = AnalysisCheckpoints.auto(untrained, 0.99, snapshots);
    assertEquals(OptionalInt.empty(), none.get(1).step());
    assertEquals(OptionalInt.empty(), none.get(2).step());
    assertEquals(OptionalInt.of(300), none.get(3).step());
  }

  @Test
  void chosenStepsMustHaveSnapshots() {
    TreeSet<Integer> snapshots = new TreeSet<>(List.of(0, 10, 20));
    assertEquals(List.of(OptionalInt.of(20), OptionalInt.of(0)),
        AnalysisCheckpoints.chosen(List.of(20, 0), snapshots).stream().map(AnalysisCheckpoint::step).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnalysisCheckpoints.chosen(List.of(15), snapshots));
    assertTrue(e.getMessage().contains("no snapshot of step 15") && e.getMessage().contains("[0, 10, 20]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnalysisCheckpoints.auto(grokking(), 0.99, new TreeSet<>()));
  }

  @Test
  void snapshotSchedulesParseAndSpaceTheirStepsLogarithmically() {
    assertEquals(SnapshotSchedule.NONE, SnapshotSchedule.parse("none"));
    assertEquals(SnapshotSchedule.LOG, SnapshotSchedule.parse(" LOG "));
    assertEquals(new TreeSet<>(List.of(0, 1, 4, 14, 53, 200)), SnapshotSchedule.parse("5").steps(200));
    assertEquals(new TreeSet<>(List.of(0, 500, 1000)), SnapshotSchedule.parse("500,1000,4000").steps(1500));
    assertEquals(new TreeSet<>(List.of(0, 500)), SnapshotSchedule.parse("500,").steps(1500));
    for (String text : List.of("none", "log", "7", "0,500,1000", "500,")) {
      assertEquals(text, SnapshotSchedule.parse(text).text(), "round trip");
    }
    assertTrue(SnapshotSchedule.NONE.steps(100).isEmpty());
    assertEquals(36, SnapshotSchedule.LOG.steps(1500).size(), "log over the quick preset's 1,500 steps: 0 and 35 distinct");
    for (String bad : List.of("", "0", "-3", "x", "1,1", "5,-1", "20000")) {
      assertThrows(IllegalArgumentException.class, () -> SnapshotSchedule.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> SnapshotSchedule.LOG.requireWithinBudget(100_000, 151_000_000L));
    SnapshotSchedule.LOG.requireWithinBudget(1500, 60_000L);
    SnapshotSchedule.NONE.requireWithinBudget(100_000, Long.MAX_VALUE / 8);
  }
}
