package occam.transformer.records;

import static occam.transformer.records.Settings.FRAC;
import static occam.transformer.records.Settings.OP;
import static occam.transformer.records.Settings.P;
import static occam.transformer.records.Settings.WEIGHT_DECAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import occam.io.Json;
import occam.modular.Op;
import occam.modular.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings table, run-folder names, the grid and the summary's round trip. */
class RunRecordsTest {

  @Test
  void everySettingHasOneKeyOneOptionAndItsDefaultIsTheBuildersStart() {
    Set<String> keys = new HashSet<>();
    Set<String> options = new HashSet<>();
    TrainingConfig defaults = TrainingConfig.builder().build();
    for (Setting<?> s : Settings.ALL) {
      assertTrue(keys.add(s.key()), s.key());
      assertTrue(options.add(s.option()), s.option());
      assertEquals(s.defaultValue(), s.of(defaults), s.key());
    }
    assertEquals(27, Settings.ALL.size());
    assertEquals(List.copyOf(keys).size(), defaults.toJson().size());
    assertEquals("--acc-threshold", Settings.ACC_THRESHOLD.option());
    assertEquals("threshold", Settings.ACC_THRESHOLD.key(), "the JSON key of existing runs and checkpoints");
  }

  @Test
  void settingsParseTextAndNameTheValueWhenItBreaksTheRule() {
    assertEquals(Op.DIV, OP.parse("div"));
    assertEquals(0.25, FRAC.parse(" 0.25 "));
    assertEquals(-3L, Settings.SEED.parse("-3"));
    assertEquals(true, Settings.LAYERNORM.parse("true"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FRAC.check(1.5));
    assertEquals("frac = 1.5 is not allowed: frac must be in (0, 1]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Settings.STEPS.parse("many"));
  }

  @Test
  void warmUpRuleIsAnEnumSettingWrittenByItsLowerCaseName() {
    assertEquals(WarmupRule.LAMBDA_LR, Settings.WARMUP_RULE.parse(" LAMBDA_lr "));
    var config = Preset.NANDA.builder().set(Settings.WARMUP_RULE, WarmupRule.LAMBDA_LR).build();
    assertEquals("lambda_lr", config.toJson().get("warmup_rule").getAsString());
    assertEquals(config, TrainingConfig.fromJson(config.toJson()));
    assertEquals(WarmupRule.LINEAR, Preset.NANDA.builder().build().optimizer().warmupRule(), "default unchanged");
    var older = config.toJson();
    older.remove("warmup_rule");
    assertEquals(WarmupRule.LINEAR, TrainingConfig.fromJson(older).optimizer().warmupRule());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.WARMUP_RULE.parse("cosine"));
    assertEquals("unknown warmup-rule 'cosine': expected linear or lambda_lr", e.getMessage());
  }

  @Test
  void olderConfigurationsWithoutRankEveryReadWithItsDefault() {
    var json = Preset.QUICK.builder().build().toJson();
    json.remove("rank_every");
    assertEquals(0, TrainingConfig.fromJson(json).rankEvery());
  }

  @Test
  void folderNamesAreTheGridsFormat() {
    TrainingConfig c = Preset.QUICK.builder().set(WEIGHT_DECAY, 1.0).set(FRAC, 0.50).build();
    assertEquals("p47-add-wd1-lr0.003-frac0.5-seed0", RunFolder.name(c));
    TrainingConfig d = c.toBuilder().set(P, 31).set(OP, Op.SUB).set(WEIGHT_DECAY, 0.125).set(Settings.SEED, 3L)
        .build();
    assertEquals(Path.of("runs", "p31-sub-wd0.125-lr0.003-frac0.5-seed3"), RunFolder.in(Path.of("runs"), d).dir());
    assertEquals(Path.of("r", "checkpoint", "state.ckpt"), new RunFolder(Path.of("r")).checkpointFile());
  }

  @Test
  void gridRunsSeedOutermostThenWeightDecayThenFrac() {
    TrainingGrid grid = new TrainingGrid(Preset.QUICK.builder().build(), List.of(0.5, 2.0), List.of(0.4, 0.6), 2);
    List<String> names = grid.configs().stream().map(RunFolder::name).toList();
    assertEquals(List.of("p47-add-wd0.5-lr0.003-frac0.4-seed0", "p47-add-wd0.5-lr0.003-frac0.6-seed0", "p47-add-wd2-lr0.003-frac0.4-seed0",
        "p47-add-wd2-lr0.003-frac0.6-seed0", "p47-add-wd0.5-lr0.003-frac0.4-seed1", "p47-add-wd0.5-lr0.003-frac0.6-seed1",
        "p47-add-wd2-lr0.003-frac0.4-seed1", "p47-add-wd2-lr0.003-frac0.6-seed1"), names);
    TrainingConfig base = Preset.QUICK.builder().build();
    assertThrows(IllegalArgumentException.class, () -> new TrainingGrid(base, List.of(1.0), List.of(0.5), 0));
    assertThrows(IllegalArgumentException.class, () -> new TrainingGrid(base, List.of(), List.of(0.5), 1));
    assertThrows(IllegalArgumentException.class, () -> new TrainingGrid(base, List.of(1.0), List.of(1.5), 1).configs());
  }

  @Test
  void summaryRoundTripsThroughStrictJsonAndMarksTheFolderComplete(@TempDir Path tmp) throws IOException {
    StepMetrics last = new StepMetrics(20, 0.01, 1, 0.5, Double.NaN, 12.5, 0.1, 0.2, 0.3, 0.4, 0.5, Double.NaN,
        Map.of("embed.W_E", 4.5), 3.25);
    TrainingSummary s = new TrainingSummary(Preset.QUICK.builder().build(), "quick", 1104, 1105, 20,
        OptionalInt.of(7), OptionalInt.empty(), Phase.MEMORIZATION, last, "cpu()", Double.NaN, 1.5, "none",
        OptionalInt.empty());
    RunFolder folder = new RunFolder(tmp);
    assertFalse(folder.isComplete(20), "no summary yet");
    s.write(folder.summaryFile());
    var strict = Json.parseStrict(Files.readString(folder.summaryFile())).getAsJsonObject();
    assertTrue(strict.get("grokking_step").isJsonNull());
    assertTrue(strict.get("steps_per_s").isJsonNull(), "NaN is written as null");
    TrainingSummary back = folder.summary();
    assertEquals(s.config(), back.config());
    assertEquals(s.memorizationStep(), back.memorizationStep());
    assertEquals(s.phase(), back.phase());
    assertEquals(s.finalMetrics(), back.finalMetrics());
    assertFalse(folder.isComplete(20), "no manifest: the run was killed before it finished");
    occam.io.Manifest.of(tmp, "test").write(tmp);
    assertTrue(folder.isComplete(20));
    assertFalse(folder.isComplete(21));
    assertEquals(List.of(), folder.log(), "no metrics log");
    Files.writeString(folder.summaryFile(), "{\"config\": {\"p\": 7}}");
    assertThrows(IllegalArgumentException.class, folder::summary);
    assertThrows(IllegalArgumentException.class, () -> new RunFolder(tmp.resolve("absent")).summary());
  }

  @org.junit.jupiter.api.Test
  void metricsLogSkipsOnlyACutLastLineAndNamesABadLine(@TempDir Path tmp) throws java.io.IOException {
    Path log = tmp.resolve("metrics.jsonl");
    StepMetrics m = new StepMetrics(20, 0.01, 1, 0.5, 0.25, 12.5, 0.1, 0.2, 0.3, 0.4, 0.5, 7, Map.of("embed.W_E", 4.5), 3.25);
    String line = Json.compact(m.toJson());
    Files.writeString(log, line + "\n" + line.substring(0, 20));
    assertEquals(List.of(m), MetricsLog.read(log), "a last line cut short by a kill is skipped");
    Files.writeString(log, line + "\n{garbage\n" + line + "\n");
    var bad = assertThrows(occam.io.UsageException.class, () -> MetricsLog.read(log));
    assertTrue(bad.getMessage().contains(log + " line 2 is not a metrics line"), bad.getMessage());
    Files.write(log, new byte[] {'{', (byte) 0xff, '}', '\n'});
    var binary = assertThrows(occam.io.UsageException.class, () -> MetricsLog.read(log));
    assertTrue(binary.getMessage().contains(log + " line 1 is not UTF-8"), binary.getMessage());
  }
}
