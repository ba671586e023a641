package occam.transformer;

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
  private static TrainingConfig.Builder tiny() {
    return TrainingConfig.builder()
        .p(5)
        .frac(0.6)
        .seed(3)
        .dModel(8)
        .heads(2)
        .dMlp(16)
        .lr(1e-2)
        .weightDecay(1.0)
        .steps(12)
        .logEvery(2)
        .checkpointEvery(4);
  }

  /** Thrown by a listener to simulate a run killed mid-way. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {0, 8})
  void interruptedAndResumedRunEndsLikeAnUninterruptedOne(int batch, @TempDir Path tmp) throws IOException {
    TrainingConfig config = tiny().batchSize(batch).build();
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
        MetricsLog.read(killed.resolve(TrainingRun.METRICS_FILE)).stream().map(StepMetrics::step).toList(),
        "lines up to step 6 were written before the kill");

    TrainingSummary resumed = TrainingRun.of(config).output(killed).resume(true).run();

    assertEquals(4, resumed.resumedFrom().getAsInt());
    assertEquals(timeless(MetricsLog.read(whole.resolve(TrainingRun.METRICS_FILE))),
        timeless(MetricsLog.read(killed.resolve(TrainingRun.METRICS_FILE))));
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
    TrainingSummary s = TrainingRun.of(tiny().steps(4).build()).output(tmp).preset("test").run();
    List<StepMetrics> log = MetricsLog.read(tmp.resolve(TrainingRun.METRICS_FILE));
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
    TrainingRun.of(tiny().steps(5).rankEvery(4).build()).output(tmp.resolve("ranks")).run();
    assertEquals(List.of(9, 0, 9, 9), MetricsLog.read(tmp.resolve("ranks").resolve(TrainingRun.METRICS_FILE))
        .stream().map(m -> m.effectiveRanks().size()).toList(), "ranks at steps 0, 4 and the last, 5");
    assertEquals(10, s.testSize());
    String summary = Files.readString(tmp.resolve(TrainingRun.SUMMARY_FILE));
    assertTrue(summary.contains("\"preset\":\"test\"") && summary.contains("\"grokking_step\""), summary);
    assertTrue(Files.exists(TrainingRun.checkpointFile(tmp)));
  }

  @Test
  void complexityHookSeesEveryParameter(@TempDir Path tmp) throws IOException {
    WeightComplexity count = weights -> weights.stream().mapToInt(NamedTensor::size).sum();
    TrainingSummary s = TrainingRun.of(tiny().steps(0).build()).output(tmp).complexity(count).run();
    // V·d + T·d + 4d² + (d_mlp·d + d_mlp) + (d·d_mlp + d) + p·d
    assertEquals(6 * 8 + 3 * 8 + 4 * 64 + (16 * 8 + 16) + (8 * 16 + 8) + 5 * 8, s.finalMetrics().complexity());
  }

  @Test
  void refusesToStartOverAnExistingRun(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().steps(4).build()).output(tmp).run();
    byte[] checkpoint = Files.readAllBytes(TrainingRun.checkpointFile(tmp));
    byte[] metrics = Files.readAllBytes(tmp.resolve(TrainingRun.METRICS_FILE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingRun.of(tiny().steps(4).build()).output(tmp).run());
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    assertArrayEquals(checkpoint, Files.readAllBytes(TrainingRun.checkpointFile(tmp)));
    assertArrayEquals(metrics, Files.readAllBytes(tmp.resolve(TrainingRun.METRICS_FILE)));
  }

  @Test
  void refusesACheckpointOfAnotherArchitecture(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().steps(4).build()).output(tmp).run();
    byte[] checkpoint = Files.readAllBytes(TrainingRun.checkpointFile(tmp));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingRun.of(tiny().dModel(16).heads(4).build()).output(tmp).resume(true).run());
    assertTrue(e.getMessage().contains("d_model 8 vs 16") && e.getMessage().contains("heads 2 vs 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TrainingRun.of(tiny().weightDecay(0).build()).output(tmp).resume(true).run());
    assertArrayEquals(checkpoint, Files.readAllBytes(TrainingRun.checkpointFile(tmp)));
  }

  @Test
  void refusesAnUnreadableCheckpointAndLeavesIt(@TempDir Path tmp) throws IOException {
    TrainingRun.of(tiny().steps(4).build()).output(tmp).run();
    Path file = TrainingRun.checkpointFile(tmp);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingRun.of(tiny().build()).output(tmp).resume(true).run());
    assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void resumeWithoutACheckpointStartsFresh(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().steps(2).build()).output(tmp.resolve("new")).resume(true).run();
    assertTrue(s.resumedFrom().isEmpty());
    assertEquals(2, s.stepsDone());
  }

  @Test
  void aNonFiniteLossEndsTheRunAsDiverged(@TempDir Path tmp) throws IOException {
    TrainingSummary s = TrainingRun.of(tiny().lr(1e30).warmup(0).build()).output(tmp).run();
    assertEquals(Phase.DIVERGED, s.phase());
    assertTrue(s.stepsDone() < 12, "stopped early at step " + s.stepsDone());
    assertTrue(Double.isNaN(s.finalMetrics().trainLoss()));
    assertEquals(s.stepsDone(), MetricsLog.read(tmp.resolve(TrainingRun.METRICS_FILE)).get(
        MetricsLog.read(tmp.resolve(TrainingRun.METRICS_FILE)).size() - 1).step(), "the diverged step is logged");
  }

  @Test
  void refusesAFileAsOutput(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThrows(IllegalArgumentException.class, () -> TrainingRun.of(tiny().build()).output(file).run());
    assertEquals("x", Files.readString(file));
  }
}
