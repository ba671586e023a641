package occam.transformer;

import static occam.transformer.records.Settings.*;
import occam.io.UsageException;
import occam.transformer.records.RunFolder;

import occam.transformer.records.TrainingConfig;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.MetricsLog;
import occam.transformer.records.TrainingSummary;

import occam.modular.Phase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kill-and-resume equivalence and the refusals that leave an existing run untouched (tiny model). */
class TrainingRunTest {
  static TrainingConfig.Builder tiny() {
    return TrainingConfig.builder()
        .set(P, 5)
        .set(FRAC, 0.6)
        .set(SEED, 3L)
        .set(D_MODEL, 8)
        .set(HEADS, 2)
        .set(D_MLP, 16)
        .set(LR, 1e-2)
        .set(WEIGHT_DECAY, 1.0)
        .set(STEPS, 12)
        .set(LOG_EVERY, 2)
        .set(CHECKPOINT_EVERY, 4);
  }

  /** Thrown by a listener to simulate a run killed mid-way. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {0, 8})
  void interruptedAndResumedRunEndsLikeAnUninterruptedOne(int batch, @TempDir Path tmp) throws IOException {
    assertResumedEndsLikeWhole(tiny().set(BATCH, batch).build(), tmp);
  }

  @Test
  void noisyWeightsAndTheSpectralEntropyPenaltyResumeExactly(@TempDir Path tmp) throws IOException {
    // the noise is seeded by (seed, parameter, step): a resumed run draws the same ε as an uninterrupted one
    TrainingConfig noisy = tiny().set(WEIGHT_NOISE, 0.05).set(SPECTRAL_ENTROPY, 0.01).build();
    assertResumedEndsLikeWhole(noisy, tmp);
    TrainingSummary plain = TrainingRun.of(tiny().build()).output(tmp.resolve("plain")).run();
    TrainingSummary again = TrainingRun.of(noisy).output(tmp.resolve("again")).run();
    assertTrue(plain.finalMetrics().trainLoss() != again.finalMetrics().trainLoss(), "the noise and penalty act");
  }

  @Test
  void explicitZeroNoiseAndPenaltyAreTodaysTrainingBitForBit(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().build()).output(tmp.resolve("default")).run();
    TrainingRun.of(tiny().set(WEIGHT_NOISE, 0.0).set(SPECTRAL_ENTROPY, 0.0).set(WD_AFTER,
        occam.transformer.records.DecayChanges.parse("50:1")).build()).output(tmp.resolve("zero")).run();
    assertEquals(timeless(MetricsLog.read(tmp.resolve("default").resolve(RunFolder.METRICS_FILE))),
        timeless(MetricsLog.read(tmp.resolve("zero").resolve(RunFolder.METRICS_FILE))));
    Checkpoint a = Checkpoint.read(TrainingRun.checkpointFile(tmp.resolve("default")));
    Checkpoint b = Checkpoint.read(TrainingRun.checkpointFile(tmp.resolve("zero")));
    for (int i = 0; i < a.parameters().size(); i++) {
      assertArrayEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), a.parameters().get(i).name());
    }
  }

  @Test
  void weightDecayChangesOnResumeFromTheCheckpointOnAndTheSummarySaysSo(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp.resolve("off")).run();
    TrainingConfig off = tiny().set(STEPS, 8).set(WD_AFTER, occam.transformer.records.DecayChanges.parse("4:0")).build();
    TrainingSummary s = TrainingRun.of(off).output(tmp.resolve("off")).resume(true).run();
    assertEquals(List.of("wd_after \"none\" -> \"4:0\"", "steps 4 -> 8"), s.changedOnResume());
    assertEquals(s.changedOnResume(), TrainingSummary.read(tmp.resolve("off").resolve(RunFolder.SUMMARY_FILE))
        .changedOnResume());
    // the same in one go: λ = 1 for the updates out of steps 0..3, 0 after
    TrainingSummary whole = TrainingRun.of(off).output(tmp.resolve("whole")).run();
    assertEquals(whole.finalMetrics().withoutTiming(), s.finalMetrics().withoutTiming());
    // and it differs from keeping the decay on
    TrainingSummary on = TrainingRun.of(tiny().set(STEPS, 8).build()).output(tmp.resolve("on")).run();
    assertTrue(on.finalMetrics().weightNorm() < s.finalMetrics().weightNorm(), "decay off: a larger norm");
    // a change of a step already trained is refused, the folder untouched
    TrainingConfig past = tiny().set(STEPS, 10).set(WD_AFTER, occam.transformer.records.DecayChanges.parse("2:0")).build();
    UsageException e = assertThrows(UsageException.class,
        () -> TrainingRun.of(past).output(tmp.resolve("on")).resume(true).run());
    assertTrue(e.getMessage().contains("step 2"), e.getMessage());
    assertEquals(8, Checkpoint.read(TrainingRun.checkpointFile(tmp.resolve("on"))).step());
  }

  private static void assertResumedEndsLikeWhole(TrainingConfig config, Path tmp) throws IOException {
    Path whole = tmp.resolve("whole");
    Path killed = tmp.resolve("killed");
    TrainingSummary expected = TrainingRun.of(config).output(whole).run();

    TrainingListener killAtStep7 =
        new TrainingListener() {
          @Override
          public void onStep(StepProgress progress) {
            if (progress.step() == 7) {
              throw new Killed();
            }
          }
        };
    assertThrows(Killed.class, () -> TrainingRun.of(config).output(killed).listener(killAtStep7).run());
    assertEquals(4, Checkpoint.read(TrainingRun.checkpointFile(killed)).step(), "last checkpoint before the kill");
    assertEquals(List.of(0, 2, 4, 6),
        MetricsLog.read(killed.resolve(RunFolder.METRICS_FILE)).stream().map(StepMetrics::step).toList(),
        "lines up to step 6 were written before the kill");

    List<StepMetrics> seen = new java.util.ArrayList<>();
    TrainingListener lines = new TrainingListener() {
      @Override
      public void onLog(StepMetrics metrics) {
        seen.add(metrics);
      }
    };
    TrainingSummary resumed = TrainingRun.of(config).output(killed).resume(true).listener(lines).run();
    assertEquals(MetricsLog.read(killed.resolve(RunFolder.METRICS_FILE)), seen,
        "the listener sees the kept lines and the new ones: the whole log");

    assertEquals(4, resumed.resumedFrom().getAsInt());
    assertEquals(timeless(MetricsLog.read(whole.resolve(RunFolder.METRICS_FILE))),
        timeless(MetricsLog.read(killed.resolve(RunFolder.METRICS_FILE))));
    assertEquals(expected.memorizationStep(), resumed.memorizationStep());
    assertEquals(expected.grokkingStep(), resumed.grokkingStep());
    assertEquals(expected.phase(), resumed.phase());
    assertEquals(expected.finalMetrics().withoutTiming(), resumed.finalMetrics().withoutTiming());
    Checkpoint a = Checkpoint.read(TrainingRun.checkpointFile(whole));
    Checkpoint b = Checkpoint.read(TrainingRun.checkpointFile(killed));
    assertEquals(12, b.step());
    for (int i = 0; i < a.parameters().size(); i++) {
      assertArrayEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), a.parameters().get(i).name());
      assertArrayEquals(a.firstMoments().get(i).data(), b.firstMoments().get(i).data());
      assertArrayEquals(a.secondMoments().get(i).data(), b.secondMoments().get(i).data());
    }
  }

  private static List<StepMetrics> timeless(List<StepMetrics> log) {
    return log.stream().map(StepMetrics::withoutTiming).toList();
  }

  @Test
  void writesMetricsSummaryAndCheckpoint(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp).preset("test").run();
    List<StepMetrics> log = MetricsLog.read(tmp.resolve(RunFolder.METRICS_FILE));
    assertEquals(List.of(0, 2, 4), log.stream().map(StepMetrics::step).toList());
    StepMetrics first = log.get(0);
    assertTrue(first.trainLoss() > 0 && first.weightNorm() > 0);
    assertTrue(first.embedGini() >= 0 && first.embedGini() < 1);
    assertTrue(first.logit2dSigmaMass() >= 0 && first.logit2dSigmaMass() <= 1);
    assertTrue(Double.isNaN(first.complexity()), "no complexity estimate by default");
    assertEquals(List.of("embed.W_E", "embed.W_pos", "blocks.0.attn.W_Q", "blocks.0.attn.W_K",
        "blocks.0.attn.W_V", "blocks.0.attn.W_O", "blocks.0.mlp.W_in", "blocks.0.mlp.W_out", "unembed.W_U"),
        List.copyOf(first.effectiveRanks().keySet()));
    assertEquals(4, s.stepsDone());
    assertEquals(15, s.trainSize());
    TrainingRun.of(tiny().set(STEPS, 5).set(RANK_EVERY, 4).build()).output(tmp.resolve("ranks")).run();
    assertEquals(List.of(9, 0, 9, 9), MetricsLog.read(tmp.resolve("ranks").resolve(RunFolder.METRICS_FILE))
        .stream().map(m -> m.effectiveRanks().size()).toList(), "ranks at steps 0, 4 and the last, 5");
    assertEquals(10, s.testSize());
    var summary = occam.io.Json.parseStrict(Files.readString(tmp.resolve(RunFolder.SUMMARY_FILE))).getAsJsonObject();
    assertEquals("test", summary.get("preset").getAsString());
    assertTrue(summary.has("grokking_step"), "absent steps are null, not missing");
    assertEquals(s.finalMetrics(), new RunFolder(tmp).summary().finalMetrics(), "the summary reads back");
    assertTrue(Files.exists(TrainingRun.checkpointFile(tmp)));
  }

  @Test
  void theMetricsLineIsAlsoTakenAtTheMilestones(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().set(STEPS, 200).set(LOG_EVERY, 97).build()).output(tmp).run();
    List<Integer> steps = MetricsLog.read(tmp.resolve(RunFolder.METRICS_FILE)).stream().map(StepMetrics::step).toList();
    int tMem = s.memorizationStep().orElseThrow(() -> new AssertionError("the tiny task memorizes in 200 steps"));
    assertTrue(tMem % 97 != 0, "t_mem " + tMem + " off the log grid, so the test can fail");
    java.util.List<Integer> expected = new java.util.ArrayList<>(List.of(0, 97, 194, 200, tMem));
    s.grokkingStep().ifPresent(expected::add);
    assertEquals(expected.stream().distinct().sorted().toList(), steps);
    StepMetrics atMem = MetricsLog.read(tmp.resolve(RunFolder.METRICS_FILE)).get(steps.indexOf(tMem));
    assertTrue(atMem.trainAcc() >= occam.modular.Milestones.DEFAULT_ACC_THRESHOLD && atMem.weightNorm() > 0);
  }

  @Test
  void aMeasurementIsCalledOnItsScheduleWithoutChangingTheRun(@TempDir Path tmp) throws IOException {
    TrainingConfig config = tiny().set(STEPS, 7).build();
    Measurement<double[]> probe = new Measurement<>() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      public Schedule schedule() {
        return new Schedule(3);
      }

      @Override
      public double[] measure(ModelState state) {
        return new double[] {state.step(), state.train().accuracy(), state.parameters().size(),
            state.logitTable().length};
      }
    };
    List<double[]> seen = new java.util.ArrayList<>();
    TrainingRun.of(config).output(tmp.resolve("probed")).measure(probe, seen::add).run();
    TrainingRun.of(config).output(tmp.resolve("plain")).run();
    assertEquals(List.of(0.0, 3.0, 6.0, 7.0), seen.stream().map(r -> r[0]).toList(), "every 3 steps and the last");
    assertEquals(Checkpoint.read(TrainingRun.checkpointFile(tmp.resolve("plain"))).parameters().size(),
        (int) seen.get(0)[2], "every parameter");
    assertEquals(25.0 * 5, seen.get(0)[3], "N x p logits");
    assertEquals(timeless(MetricsLog.read(tmp.resolve("plain").resolve(RunFolder.METRICS_FILE))),
        timeless(MetricsLog.read(tmp.resolve("probed").resolve(RunFolder.METRICS_FILE))),
        "a measurement does not change the metrics");
  }

  @Test
  void complexityHookSeesEveryParameter(@TempDir Path tmp) throws IOException {
    WeightComplexity count = weights -> weights.stream().mapToInt(NamedTensor::size).sum();
    TrainingSummary s = TrainingRun.of(tiny().set(STEPS, 0).build()).output(tmp).complexity(count).run();
    // V·d + T·d + 4d² + (d_mlp·d + d_mlp) + (d·d_mlp + d) + p·d
    assertEquals(6 * 8 + 3 * 8 + 4 * 64 + (16 * 8 + 16) + (8 * 16 + 8) + 5 * 8, s.finalMetrics().complexity());
  }

  @Test
  void refusesToStartOverAnExistingRun(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp).run();
    byte[] checkpoint = Files.readAllBytes(TrainingRun.checkpointFile(tmp));
    byte[] metrics = Files.readAllBytes(tmp.resolve(RunFolder.METRICS_FILE));
    UsageException e = assertThrows(UsageException.class,
        () -> TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp).run());
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    assertArrayEquals(checkpoint, Files.readAllBytes(TrainingRun.checkpointFile(tmp)));
    assertArrayEquals(metrics, Files.readAllBytes(tmp.resolve(RunFolder.METRICS_FILE)));
  }

  @Test
  void refusesACheckpointOfAnotherArchitecture(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp).run();
    byte[] checkpoint = Files.readAllBytes(TrainingRun.checkpointFile(tmp));
    UsageException e = assertThrows(UsageException.class,
        () -> TrainingRun.of(tiny().set(D_MODEL, 16).set(HEADS, 4).build()).output(tmp).resume(true).run());
    assertTrue(e.getMessage().contains("d_model 8 vs 16") && e.getMessage().contains("heads 2 vs 4"), e.getMessage());
    assertThrows(UsageException.class,
        () -> TrainingRun.of(tiny().set(WEIGHT_DECAY, 0.0).build()).output(tmp).resume(true).run());
    assertArrayEquals(checkpoint, Files.readAllBytes(TrainingRun.checkpointFile(tmp)));
  }

  @Test
  void refusesAnUnreadableCheckpointAndLeavesIt(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().set(STEPS, 4).build()).output(tmp).run();
    Path file = TrainingRun.checkpointFile(tmp);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    UsageException e = assertThrows(UsageException.class,
        () -> TrainingRun.of(tiny().build()).output(tmp).resume(true).run());
    assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void resumeWithoutACheckpointStartsFresh(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().set(STEPS, 2).build()).output(tmp.resolve("new")).resume(true).run();
    assertTrue(s.resumedFrom().isEmpty());
    assertEquals(2, s.stepsDone());
  }

  @Test
  void aNonFiniteLossEndsTheRunAsDiverged(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().set(LR, 1e30).set(WARMUP, 0).build()).output(tmp).run();
    assertEquals(Phase.DIVERGED, s.phase());
    assertTrue(s.stepsDone() < 12, "stopped early at step " + s.stepsDone());
    assertTrue(Double.isNaN(s.finalMetrics().trainLoss()));
    assertEquals(s.stepsDone(), MetricsLog.read(tmp.resolve(RunFolder.METRICS_FILE)).get(
        MetricsLog.read(tmp.resolve(RunFolder.METRICS_FILE)).size() - 1).step(), "the diverged step is logged");
  }

  @Test
  void refusesAFileAsOutput(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThrows(UsageException.class, () -> TrainingRun.of(tiny().build()).output(file).run());
    assertEquals("x", Files.readString(file));
  }
}
