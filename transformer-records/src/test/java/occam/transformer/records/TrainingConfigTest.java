package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static occam.transformer.records.Settings.*;

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
        b -> b.set(P, 1),
        b -> b.set(P, 2),
        b -> b.set(P, 9),
        b -> b.set(P, -7),
        b -> b.set(FRAC, 0.0),
        b -> b.set(FRAC, 1.5),
        b -> b.set(FRAC, Double.NaN),
        b -> b.set(D_MODEL, 100).set(HEADS, 3),
        b -> b.set(HEADS, 0),
        b -> b.set(LAYERS, 0),
        b -> b.set(D_MLP, -1),
        b -> b.set(LR, 0.0),
        b -> b.set(WEIGHT_DECAY, -1.0),
        b -> b.set(STEPS, -1),
        b -> b.set(BATCH, -2),
        b -> b.set(LOG_EVERY, 0),
        b -> b.set(CHECKPOINT_EVERY, -1),
        b -> b.set(RANK_EVERY, -1),
        b -> b.set(ACC_THRESHOLD, 0.0),
        b -> b.set(ACC_THRESHOLD, 1.01));
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
    TrainingConfig c = preset.builder().set(OP, Op.DIV).set(SEED, -5L).set(BATCH, 64).set(RANK_EVERY, 30).build();
    assertEquals(c, TrainingConfig.fromJson(c.toJson()));
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void scheduleMayDifferButNothingElse() {
    TrainingConfig c = Preset.QUICK.builder().build();
    assertEquals(List.of(),
        c.differencesFrom(c.toBuilder().set(STEPS, 9).set(LOG_EVERY, 3).set(CHECKPOINT_EVERY, 7).set(RANK_EVERY, 6).build()));
    assertEquals(List.of("weight_decay 1.0 vs 0.0"), c.differencesFrom(c.toBuilder().set(WEIGHT_DECAY, 0.0).build()));
    assertEquals(List.of("op \"add\" vs \"sub\""), c.differencesFrom(c.toBuilder().set(OP, Op.SUB).build()));
  }

  @Test
  void malformedJsonIsIllegalArgument() {
    var json = TrainingConfig.builder().build().toJson();
    json.remove("d_model");
    assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromJson(json));
  }
}
