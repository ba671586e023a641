package occam.transformer;

import static occam.transformer.records.Settings.D_MLP;
import static occam.transformer.records.Settings.D_MODEL;
import static occam.transformer.records.Settings.HEADS;
import static occam.transformer.records.Settings.LAYERS;
import static occam.transformer.records.Settings.LOG_EVERY;
import static occam.transformer.records.Settings.SEED;
import static occam.transformer.records.Settings.SNAPSHOTS;
import static occam.transformer.records.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import occam.io.UsageException;
import occam.transformer.ensemble.EnsembleRun;
import occam.transformer.records.RunFolder;
import occam.transformer.records.SnapshotSchedule;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight snapshots: the scheduled steps plus 0, the milestones and the last; kill and resume; ensembles. */
class SnapshotsTest {
  /** {@link TrainingRunTest}'s tiny model, a metrics line every 50 steps. */
  private static TrainingConfig.Builder tiny() {
    return TrainingRunTest.tiny().set(LOG_EVERY, 50);
  }

  @Test
  void snapshotsAreTakenAtTheLogStepsTheMilestonesAndTheLastStep(@TempDir Path tmp) throws IOException {
    TrainingConfig config = tiny().set(STEPS, 200).set(SNAPSHOTS, SnapshotSchedule.parse("5")).build();
    TrainingSummary s = TrainingRun.of(config).output(tmp).run();
    int tMem = s.memorizationStep().orElseThrow(() -> new AssertionError("the tiny task memorizes in 200 steps"));
    SortedSet<Integer> expected = new TreeSet<>(List.of(0, 1, 4, 14, 53, 200, tMem));
    s.grokkingStep().ifPresent(expected::add);
    assertTrue(!List.of(0, 1, 4, 14, 53, 200).contains(tMem), "t_mem " + tMem + " off the schedule, so the test can fail");
    assertEquals(expected, Snapshots.steps(tmp));
    List<Snapshot> all = Snapshots.read(tmp);
    assertEquals(List.copyOf(expected), all.stream().map(Snapshot::step).toList());
    Snapshot last = all.get(all.size() - 1);
    assertEquals(config, last.config());
    Checkpoint end = Checkpoint.read(TrainingRun.checkpointFile(tmp));
    for (int i = 0; i < end.parameters().size(); i++) {
      assertEquals(end.parameters().get(i).name(), last.parameters().get(i).name());
      assertArrayEquals(end.parameters().get(i).data(), last.parameters().get(i).data(), "the last step's weights");
    }
    long params = end.parameters().stream().mapToLong(NamedTensor::size).sum();
    long bytes = Files.size(Snapshots.file(tmp, 200));
    assertTrue(bytes > 4 * params && bytes < 4 * params + 4096,
        "float32 weights and a small header: " + bytes + " bytes for " + params + " parameters");
  }

  @Test
  void aKilledRunKeepsItsSnapshotsAndResumesWithoutDuplicates(@TempDir Path tmp) throws IOException {
    TrainingConfig config = tiny().set(STEPS, 12).set(SNAPSHOTS, SnapshotSchedule.parse("3,6,9")).build();
    Path whole = tmp.resolve("whole");
    Path killed = tmp.resolve("killed");
    TrainingRun.of(config).output(whole).run();
    TrainingListener killAtStep7 = new TrainingListener() {
      @Override
      public void onStep(StepProgress progress) {
        if (progress.step() == 7) {
          throw new IllegalStateException("killed");
        }
      }
    };
    assertThrows(IllegalStateException.class, () -> TrainingRun.of(config).output(killed).listener(killAtStep7).run());
    assertEquals(new TreeSet<>(List.of(0, 3, 6)), Snapshots.steps(killed), "snapshot 6 was taken after checkpoint 4");
    TrainingRun.of(config).output(killed).resume(true).run();
    assertEquals(Snapshots.steps(whole), Snapshots.steps(killed));
    for (int step : Snapshots.steps(whole)) {
      Snapshot a = Snapshots.read(whole, step);
      Snapshot b = Snapshots.read(killed, step);
      for (int i = 0; i < a.parameters().size(); i++) {
        assertArrayEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), "step " + step);
      }
    }
    try (var files = Files.list(new RunFolder(killed).snapshotDir())) {
      assertEquals(Snapshots.steps(whole).size(), files.count(), "one file per step, no temporaries left");
    }
  }

  @Test
  void aRunWithoutSnapshotsWritesNoneAndSnapshotsChangeNoMetric(@TempDir Path tmp) throws IOException {
    TrainingConfig plain = tiny().set(STEPS, 60).set(LOG_EVERY, 10).build();
    TrainingRun.of(plain).output(tmp.resolve("plain")).run();
    assertTrue(Snapshots.steps(tmp.resolve("plain")).isEmpty());
    assertTrue(!Files.exists(new RunFolder(tmp.resolve("plain")).snapshotDir()));
    TrainingRun.of(plain.toBuilder().set(SNAPSHOTS, SnapshotSchedule.parse("7")).build()).output(tmp.resolve("snap")).run();
    assertEquals(timeless(new RunFolder(tmp.resolve("plain")).log()), timeless(new RunFolder(tmp.resolve("snap")).log()),
        "the test set evaluated at snapshot steps changes no logged number");
  }

  private static List<occam.transformer.records.StepMetrics> timeless(List<occam.transformer.records.StepMetrics> log) {
    return log.stream().map(occam.transformer.records.StepMetrics::withoutTiming).toList();
  }

  @Test
  void ensembleMembersKeepTheirOwnSnapshots(@TempDir Path tmp) throws IOException {
    List<TrainingConfig> members = new ArrayList<>();
    for (long seed : new long[] {3, 4}) {
      members.add(tiny().set(SEED, seed).set(STEPS, 40).set(SNAPSHOTS, SnapshotSchedule.parse("4")).build());
    }
    List<TrainingSummary> summaries = EnsembleRun.of(members).output(tmp).run();
    for (int k = 0; k < members.size(); k++) {
      Path dir = RunFolder.in(tmp, members.get(k)).dir();
      SortedSet<Integer> expected = new TreeSet<>(members.get(k).snapshots().steps(40));
      expected.add(40);
      summaries.get(k).memorizationStep().ifPresent(expected::add);
      summaries.get(k).grokkingStep().ifPresent(expected::add);
      assertEquals(expected, Snapshots.steps(dir), "member " + k);
      assertEquals(members.get(k).seed(), Snapshots.read(dir, 0).config().seed());
      Snapshot alone = Snapshot.of(new ModelState(members.get(k), 0, false, Scores.NONE, Scores.NONE,
          Snapshots.read(dir, 0).parameters(), new float[0], 0));
      assertEquals(0, alone.step());
    }
    assertTrue(!java.util.Arrays.equals(
        Snapshots.read(RunFolder.in(tmp, members.get(0)).dir(), 0).parameter("embed.W_E").data(),
        Snapshots.read(RunFolder.in(tmp, members.get(1)).dir(), 0).parameter("embed.W_E").data()),
        "each member's own weights");
  }

  @Test
  void snapshotsOverTheBudgetAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
    TrainingConfig big = tiny().set(LAYERS, 48).set(D_MODEL, 512).set(HEADS, 8).set(D_MLP, 2048).set(STEPS, 100_000)
        .set(SNAPSHOTS, SnapshotSchedule.LOG).build();
    UsageException e = assertThrows(UsageException.class, () -> TrainingRun.of(big).output(tmp.resolve("run")).run());
    assertTrue(e.getMessage().contains("over the budget"), e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("run")), "nothing written");
  }

  @Test
  void readingAMissingSnapshotNamesTheStep(@TempDir Path tmp) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Snapshots.read(tmp, 7));
    assertTrue(e.getMessage().contains("step 7"), e.getMessage());
  }
}
