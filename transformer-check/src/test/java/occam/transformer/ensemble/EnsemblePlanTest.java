package occam.transformer.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import occam.transformer.records.Preset;
import occam.transformer.records.Settings;
import occam.transformer.records.SettingsGrid;
import occam.transformer.records.TrainingConfig;
import org.junit.jupiter.api.Test;

class EnsemblePlanTest {
  static final TrainingConfig QUICK = Preset.QUICK.builder().build();
  static final long GB = 1_000_000_000L;

  @Test
  void aGridIsSplitIntoEnsemblesOfAtMostK() {
    SettingsGrid grid = new SettingsGrid(QUICK, List.of(0L, 1L, 2L, 3L, 4L), List.of(0.5, 1.0), List.of(1e-3),
        List.of(0.4, 0.5, 0.6, 0.7));
    EnsemblePlan plan = EnsemblePlan.of(grid.configs(), 16);
    assertEquals(List.of(16, 16, 8), plan.ensembles().stream().map(List::size).toList());
    assertEquals(40, plan.runs());
    List<TrainingConfig> flat = new ArrayList<>();
    plan.ensembles().forEach(flat::addAll);
    assertEquals(grid.configs(), flat, "every run once, in grid order");
  }

  @Test
  void incompatibleRunsGoToSeparateEnsembles() {
    TrainingConfig other = QUICK.toBuilder().set(Settings.P, 53).build();
    TrainingConfig wide = QUICK.toBuilder().set(Settings.D_MODEL, 32).build();
    EnsemblePlan plan = EnsemblePlan.of(List.of(QUICK, other, QUICK.toBuilder().set(Settings.SEED, 1L).build(), wide), 16);
    assertEquals(3, plan.ensembles().size());
    assertEquals(2, plan.ensembles().get(0).size());
    assertThrows(IllegalArgumentException.class, () -> EnsemblePlan.of(List.of(QUICK), 0));
    TrainingConfig batched = QUICK.toBuilder().set(Settings.BATCH, 64).build();
    assertThrows(IllegalArgumentException.class, () -> EnsemblePlan.of(List.of(batched), 4));
  }

  @Test
  void theDefaultSizeIsTheMeasuredBestUnlessMemoryIsShort() {
    long quick = EnsemblePlan.bytesPerMember(QUICK);
    long nanda = EnsemblePlan.bytesPerMember(Preset.NANDA.builder().build());
    System.out.printf("estimated bytes per member: quick %.1f MB, nanda %.1f MB%n", quick / 1e6, nanda / 1e6);
    assertTrue(quick > 10_000_000 && quick < 100_000_000, "quick: " + quick);
    assertTrue(nanda > 4 * quick, "nanda is larger: " + nanda);
    assertEquals(16, EnsemblePlan.defaultSize(QUICK, 8 * GB));
    assertEquals(1, EnsemblePlan.defaultSize(QUICK, 1));
    assertEquals(3, EnsemblePlan.defaultSize(QUICK, 2 * 3 * quick + 1));
    EnsemblePlan plan = EnsemblePlan.of(List.of(QUICK, QUICK.toBuilder().set(Settings.SEED, 1L).build()), 2);
    plan.requireFits(4 * quick);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.requireFits(2 * quick));
    assertTrue(e.getMessage().contains("at most 1"), e.getMessage());
  }
}
