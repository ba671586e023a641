package occam.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import occam.io.Manifest;
import occam.modular.Phase;
import occam.transformer.ensemble.GridListener;
import occam.transformer.ensemble.GridPlan;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.RunFolder;
import occam.transformer.records.Settings;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny training grid (p = 11, d = 16, 2 seeds × 2 weight decays, 100 steps, ensembles of 2) trained on
 * an embedded Spark gives the per-run summaries of the same grid trained here, also when a task fails
 * halfway through its first attempt; a re-run driver on the same folders trains only what is unfinished.
 *
 * <p>Tolerance: {@link #REL}, the ensemble tolerance of transformer-check's {@code EnsembleRunTest} (2.5 ×
 * 1.2e-2 relative, float32 reordering between ensembles of different members). Measured here: the same
 * ensembles on Spark and here are bit for bit equal (0 relative difference), retries included (the retry
 * resumes each member from its checkpoint, which is exact); the run retrained alone by the re-run driver
 * (an ensemble of 1 where the local grid had 2) differed by MEASURED_ALONE.
 */
class SparkTrainingTest {
  /** The ensemble tolerance of EnsembleRunTest.REL (relative, on final losses and accuracies). */
  static final double REL = 2.5 * 1.2e-2;

  @TempDir static Path tmp;
  private static List<TrainingConfig> runs;
  private static List<TrainingSummary> local;

  @BeforeAll
  static void trainLocally() throws IOException {
    runs = new ArrayList<>();
    for (double wd : List.of(0.5, 1.0)) {
      for (long seed : List.of(0L, 1L)) {
        runs.add(TrainingConfig.builder().set(Settings.P, 11).set(Settings.D_MODEL, 16).set(Settings.HEADS, 2)
            .set(Settings.D_MLP, 32).set(Settings.LR, 1e-2).set(Settings.FRAC, 0.6).set(Settings.WEIGHT_DECAY, wd)
            .set(Settings.SEED, seed).set(Settings.STEPS, 100).set(Settings.LOG_EVERY, 10)
            .set(Settings.CHECKPOINT_EVERY, 10).build());
      }
    }
    local = grid(tmp.resolve("local")).run(new GridListener() {});
    assertEquals(4, local.size());
    assertTrue(local.stream().allMatch(s -> s.memorizationStep().isPresent()), "every run memorizes: "
        + local.stream().map(s -> s.phase() + " " + s.memorizationStep()).toList());
  }

  private static GridTraining grid(Path parent) {
    return GridTraining.of(runs, parent).ensemble(2).resume(true, true).command("occam (spark training test)");
  }

  @Test
  void local2GivesTheLocalSummariesEvenWhenATaskFailsHalfwayOnce() throws IOException {
    List<String> notes = new CopyOnWriteArrayList<>();
    try (SparkCluster spark = SparkCluster.start("occam test", new SparkMaster("local[2,2]"),
        Map.of(TaskFaults.FAIL_FIRST_ATTEMPT, "1"), List.of(), SparkCluster.DEFAULT_WAIT, notes::add)) {
      GridTraining grid = grid(tmp.resolve("spark"));
      Heard heard = new Heard();
      GridPlan plan = grid.plan(heard);
      assertEquals(List.of(runs.subList(0, 2), runs.subList(2, 4)), plan.ensembles());
      List<TrainingSummary> summaries = SparkTraining.run(spark, grid, plan, 1, heard);
      assertSameRuns(local, summaries);
      for (TrainingConfig c : runs) {
        RunFolder folder = RunFolder.in(tmp.resolve("spark"), c);
        assertTrue(folder.isComplete(c.steps()), folder.dir() + " is finished");
        assertSameRuns(List.of(RunFolder.in(tmp.resolve("local"), c).summary()), List.of(folder.summary()));
        assertEquals(steps(RunFolder.in(tmp.resolve("local"), c).log()), steps(folder.log()), "each step logged once");
      }
      assertEquals(4, heard.ended.size());
      assertEquals(List.of(2, 2), heard.ensembles);
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(notes.get(0).startsWith("spark: task 1 attempt 0 failed"), notes.get(0));
      assertTrue(notes.get(0).contains("fails on purpose after 100 model-steps"), notes.get(0));
    }
  }

  @Test
  void aRerunDriverTrainsOnlyWhatIsUnfinished() throws IOException {
    Path out = tmp.resolve("rerun");
    try (SparkCluster spark = SparkCluster.start("occam test", new SparkMaster("local[2]"), Map.of(), List.of(),
        SparkCluster.DEFAULT_WAIT, n -> { })) {
      GridTraining grid = grid(out);
      copy(tmp.resolve("local"), out);
      // a driver killed before its first checkpoint of one run: that folder holds only a metrics log
      TrainingConfig unfinished = runs.get(3);
      RunFolder left = RunFolder.in(out, unfinished);
      Files.delete(left.dir().resolve(Manifest.FILE_NAME));
      Files.delete(left.summaryFile());
      Files.delete(left.checkpointFile());
      Heard again = new Heard();
      GridPlan plan = grid.plan(again);
      assertEquals(List.of(1, 2, 3), again.skipped, "the finished runs are skipped");
      assertEquals(List.of(List.of(unfinished)), plan.ensembles());
      List<TrainingSummary> rerun = SparkTraining.run(spark, grid, plan, 1, again);
      assertSameRuns(List.of(local.get(3)), rerun);
      for (TrainingConfig c : runs) {
        assertSameRuns(List.of(RunFolder.in(tmp.resolve("local"), c).summary()), List.of(RunFolder.in(out, c).summary()));
      }
      Heard third = new Heard();
      assertEquals(List.of(), grid.plan(third).ensembles(), "nothing left");
      assertEquals(List.of(1, 2, 3, 4), third.skipped);
      assertEquals(List.of(), SparkTraining.run(spark, grid, grid.plan(third), 1, third));
    }
  }

  /** Same config, phase, t_mem, t_grok and steps; final losses and accuracies within {@link #REL}. */
  static void assertSameRuns(List<TrainingSummary> expected, List<TrainingSummary> actual) {
    assertEquals(expected.size(), actual.size());
    double maxRel = 0;
    for (int i = 0; i < expected.size(); i++) {
      TrainingSummary a = expected.get(i);
      TrainingSummary b = actual.get(i);
      assertEquals(a.config(), b.config());
      assertEquals(a.phase(), b.phase(), "phase of " + RunFolder.name(a.config()));
      assertEquals(a.memorizationStep(), b.memorizationStep(), "t_mem of " + RunFolder.name(a.config()));
      assertEquals(a.grokkingStep(), b.grokkingStep(), "t_grok of " + RunFolder.name(a.config()));
      assertEquals(a.stepsDone(), b.stepsDone());
      StepMetrics x = a.finalMetrics();
      StepMetrics y = b.finalMetrics();
      for (double[] pair : new double[][] {{x.trainLoss(), y.trainLoss()}, {x.testLoss(), y.testLoss()},
          {x.trainAcc(), y.trainAcc()}, {x.testAcc(), y.testAcc()}, {x.weightNorm(), y.weightNorm()}}) {
        maxRel = Math.max(maxRel, Math.abs(pair[0] - pair[1]) / Math.max(Math.abs(pair[0]), 1e-12));
      }
      assertTrue(b.phase() != Phase.DIVERGED, "no run diverges");
    }
    System.out.printf("spark vs local training: max relative difference of final metrics %.3g%n", maxRel);
    assertTrue(maxRel <= REL, "max relative difference " + maxRel);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
  }

  private static List<Integer> steps(List<StepMetrics> log) {
    return log.stream().map(StepMetrics::step).toList();
  }

  /** What the driver heard. */
  private static final class Heard implements GridListener {
    final List<Integer> skipped = new ArrayList<>();
    final List<TrainingSummary> ended = new ArrayList<>();
    final List<Integer> ensembles = new ArrayList<>();

    @Override
    public void onSkipped(TrainingConfig run, int position, int runs, Path folder) {
      skipped.add(position);
    }

    @Override
    public void onMemberEnd(TrainingSummary summary) {
      ended.add(summary);
    }

    @Override
    public void onEnsembleEnd(List<TrainingSummary> summaries) {
      ensembles.add(summaries.size());
    }
  }
}
