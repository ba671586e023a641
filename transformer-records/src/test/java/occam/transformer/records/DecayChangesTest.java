package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --wd-after}: grammar, the λ of each update, the settings of the seed-002 interventions. */
class DecayChangesTest {
  @Test
  void readsAndWritesTheGrammar() {
    assertEquals(DecayChanges.NONE, DecayChanges.parse("none"));
    DecayChanges two = DecayChanges.parse(" 1000:0, 2000:1.5 ");
    assertEquals(List.of(new DecayChanges.Change(1000, 0), new DecayChanges.Change(2000, 1.5)), two.changes());
    assertEquals("1000:0,2000:1.5", two.text());
    assertEquals(two, DecayChanges.parse(two.text()));
    assertEquals("5:1.0E-4", DecayChanges.parse("5:1e-4").text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "3000", "3000:", ":1", "3000:-1", "3000:NaN", "3000:Infinity", "-1:0",
      "2000:0,1000:1", "1000:0,1000:1", "1:2:3", "1000:0,"})
  void rejectsBadSchedules(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecayChanges.parse(text));
    assertTrue(e.getMessage().contains("wd-after"), e.getMessage());
  }

  @Test
  void aChangeAtStepSActsFromTheUpdateOutOfStepS() {
    DecayChanges two = DecayChanges.parse("1000:0,2000:1.5");
    assertEquals(1, two.valueAt(999, 1), 0);
    assertEquals(0, two.valueAt(1000, 1), 0);
    assertEquals(0, two.valueAt(1999, 1), 0);
    assertEquals(1.5, two.valueAt(5000, 1), 0);
    AdamWConfig adam = new AdamWConfig(1e-3, 0.9, 0.98, 1e-8, 1, 0).withDecayChanges(DecayChanges.parse("3:0"));
    assertEquals(List.of(1.0, 1.0, 1.0, 0.0, 0.0), List.of(adam.weightDecay(1), adam.weightDecay(2),
        adam.weightDecay(3), adam.weightDecay(4), adam.weightDecay(5)), "update t uses λ of step t − 1");
    assertThrows(IllegalArgumentException.class, () -> adam.weightDecay(0));
    assertEquals(1, AdamWConfig.of(1e-3, 1).weightDecay(10_000), 0);
  }

  @Test
  void aResumedRunMayChangeTheDecayOnlyFromItsCheckpointOn() {
    TrainingConfig before = TrainingConfig.builder().build();
    TrainingConfig off = before.toBuilder().set(Settings.WD_AFTER, DecayChanges.parse("3000:0")).build();
    assertEquals(List.of(), before.differencesFrom(off), "a schedule setting");
    assertEquals(List.of("wd_after \"none\" -> \"3000:0\""), before.scheduleChangesTo(off));
    before.requireSameDecayBefore(off, 3000);
    before.requireSameDecayBefore(off, 100);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> before.requireSameDecayBefore(off, 3001));
    assertTrue(e.getMessage().contains("step 3000 (1.0 -> 0.0)"), e.getMessage());
    // the same value written differently is no change
    TrainingConfig same = before.toBuilder().set(Settings.WD_AFTER, DecayChanges.parse("0:1")).build();
    before.requireSameDecayBefore(same, 10_000);
  }

  @Test
  void theInterventionSettingsRoundTripAndOldFilesReadTheirDefaults() {
    TrainingConfig c = TrainingConfig.builder().set(Settings.WEIGHT_NOISE, 0.02).set(Settings.SPECTRAL_ENTROPY, 0.01)
        .set(Settings.SPECTRAL_EDGE, 10).set(Settings.WD_AFTER, DecayChanges.parse("2000:0")).build();
    assertEquals(c, TrainingConfig.fromJson(c.toJson()));
    assertEquals("2000:0", c.toJson().get("wd_after").getAsString());
    JsonObject old = TrainingConfig.builder().build().toJson();
    List.of("wd_after", "weight_noise", "spectral_entropy", "spectral_edge").forEach(old::remove);
    TrainingConfig read = TrainingConfig.fromJson(old);
    assertEquals(TrainingConfig.builder().build(), read);
    assertEquals(0, read.weightNoise(), 0);
    assertEquals(DecayChanges.NONE, read.optimizer().decayChanges());
  }

  @Test
  void negativeNoiseOrPenaltyAndAWindowOfOneAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().set(Settings.WEIGHT_NOISE, -0.1).build());
    assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().set(Settings.SPECTRAL_ENTROPY, -1.0).build());
    assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().set(Settings.SPECTRAL_ENTROPY, Double.POSITIVE_INFINITY).build());
    assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().set(Settings.SPECTRAL_EDGE, 1).build());
  }
}
