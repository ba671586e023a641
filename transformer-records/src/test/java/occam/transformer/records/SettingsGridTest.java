package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsGridTest {
  static final TrainingConfig BASE = Preset.QUICK.builder().build();

  @Test
  void theProductRunsSeedOutermostThenWdLrFrac() {
    SettingsGrid grid = new SettingsGrid(BASE, List.of(3L, 5L), List.of(0.5, 1.0), List.of(1e-3, 3e-3), List.of(0.4, 0.6));
    List<TrainingConfig> runs = grid.configs();
    assertEquals(16, runs.size());
    assertEquals(16, grid.size());
    TrainingConfig second = runs.get(1);
    assertEquals(3L, second.seed());
    assertEquals(0.5, second.optimizer().weightDecay());
    assertEquals(1e-3, second.optimizer().lr());
    assertEquals(0.6, second.frac());
    TrainingConfig last = runs.get(15);
    assertEquals(5L, last.seed());
    assertEquals(1.0, last.optimizer().weightDecay());
    assertEquals(3e-3, last.optimizer().lr());
    assertEquals(0.6, last.frac());
    assertEquals(BASE.model(), last.model());
  }

  @Test
  void trainingGridIsTheProductWithSeedsFromZeroAndTheBaseLearningRate() {
    TrainingGrid old = new TrainingGrid(BASE, List.of(0.5, 2.0), List.of(0.3, 0.5), 2);
    SettingsGrid same = new SettingsGrid(BASE, List.of(0L, 1L), List.of(0.5, 2.0), List.of(BASE.optimizer().lr()),
        List.of(0.3, 0.5));
    assertEquals(same.configs(), old.configs());
  }

  @Test
  void badAxesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SettingsGrid(BASE, List.of(), List.of(1.0), List.of(1e-3), List.of(0.5)));
    assertThrows(IllegalArgumentException.class, () -> new SettingsGrid(null, List.of(0L), List.of(1.0), List.of(1e-3), List.of(0.5)));
    assertThrows(IllegalArgumentException.class,
        () -> new SettingsGrid(BASE, List.of(0L), List.of(-1.0), List.of(1e-3), List.of(0.5)).configs());
    assertThrows(IllegalArgumentException.class,
        () -> new SettingsGrid(BASE, List.of(0L), List.of(1.0), List.of(1e-3), List.of(1.5)).configs());
  }
}
