package occam.transformer.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import occam.transformer.records.DecayChanges;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import org.junit.jupiter.api.Test;

/** {@code --wd-after} in an ensemble: the member's decay changes at its step, as in a single run. */
class EnsembleDecayChangesTest {
  @Test
  void aMembersDecayChangesAtItsStepAsInASingleRun() {
    TrainingConfig on = EnsembleEquivalenceTest.tiny().set(Settings.STEPS, 20).set(Settings.LR, 1e-2).build();
    TrainingConfig off = on.toBuilder().set(Settings.WD_AFTER, DecayChanges.parse("5:0")).build();
    List<Trajectories.Trajectory> together = Trajectories.together(List.of(off, on), SetLayout.GATHER, (s, e) -> {});
    Trajectories.Trajectory alone = Trajectories.alone(off);
    for (int s = 0; s <= 20; s++) {
      double rel = Math.abs(alone.loss()[s] - together.get(0).loss()[s]) / Math.abs(alone.loss()[s]);
      assertTrue(rel <= EnsembleEquivalenceTest.EARLY_REL, "step " + s + ": relative difference " + rel);
    }
    for (int s = 0; s <= 5; s++) {
      assertEquals(together.get(1).loss()[s], together.get(0).loss()[s], 0, "the same updates up to step 5");
    }
    assertTrue(together.get(0).loss()[7] != together.get(1).loss()[7], "no decay from the update out of step 5");
  }
}
