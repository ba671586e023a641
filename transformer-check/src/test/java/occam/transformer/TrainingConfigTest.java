package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation, presets and the JSON form of a run's configuration. */
class TrainingConfigTest {

  static Stream<UnaryOperator<TrainingConfig.Builder>> invalid() {
    return Stream.of(
        b -> b.p(1),
        b -> b.p(2),
        b -> b.p(9),
        b -> b.p(-7),
        b -> b.frac(0),
        b -> b.frac(1.5),
        b -> b.frac(Double.NaN),
        b -> b.dModel(100).heads(3),
        b -> b.heads(0),
        b -> b.layers(0),
        b -> b.dMlp(-1),
        b -> b.lr(0),
        b -> b.weightDecay(-1),
        b -> b.steps(-1),
        b -> b.batchSize(-2),
        b -> b.logEvery(0),
        b -> b.checkpointEvery(-1),
        b -> b.rankEvery(-1),
        b -> b.threshold(0),
        b -> b.threshold(1.01));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsInvalidInput(UnaryOperator<TrainingConfig.Builder> change) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> change.apply(TrainingConfig.builder()).build());
    assertTrue(e.getMessage().contains("not") || e.getMessage().contains("must"), e.getMessage());
  }

  @Test
  void defaultsAreSpecSection6() {
    TrainingConfig c = TrainingConfig.builder().build();
    assertEquals(new ModelConfig(114, 3, 113, 1, 128, 4, 512, false), c.model());
    assertEquals(AdamWConfig.of(1e-3, 1.0), c.optimizer());
    assertEquals(0, c.batchSize(), "full batch");
    assertEquals(Preset.NANDA.builder().build(), c);
  }

  @Test
  void presetsAreValid() {
    TrainingConfig quick = Preset.QUICK.builder().build();
    assertEquals(47, quick.task().p());
    TrainingConfig paper = Preset.PAPER.builder().build();
    assertEquals(new ModelConfig(98, 3, 97, 48, 512, 8, 2048, true), paper.model());
    assertEquals(Preset.QUICK, Preset.parse(" Quick "));
    assertThrows(IllegalArgumentException.class, () -> Preset.parse("huge"));
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void jsonRoundTrips(Preset preset) {
    TrainingConfig c = preset.builder().op(Op.DIV).seed(-5).batchSize(64).rankEvery(30).build();
    assertEquals(c, TrainingConfig.fromJson(c.toJson()));
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void scheduleMayDifferButNothingElse() {
    TrainingConfig c = Preset.QUICK.builder().build();
    assertEquals(List.of(),
        c.differencesFrom(c.toBuilder().steps(9).logEvery(3).checkpointEvery(7).rankEvery(6).build()));
    assertEquals(List.of("weight_decay 1.0 vs 0.0"), c.differencesFrom(c.toBuilder().weightDecay(0).build()));
    assertEquals(List.of("op \"add\" vs \"sub\""), c.differencesFrom(c.toBuilder().op(Op.SUB).build()));
  }

  @Test
  void malformedJsonIsIllegalArgument() {
    var json = TrainingConfig.builder().build().toJson();
    json.remove("d_model");
    assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromJson(json));
  }
}
