package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MilestonesTest {
  @Test
  void firstReachTimesAreKept() {
    Milestones m = new Milestones(0.99);
    m.observe(0, 0.1, 0.0);
    m.observe(5, 0.99, 0.2);   // exactly at the threshold counts
    m.observe(6, 0.5, 0.999);  // train dropped: no t_gen here
    m.observe(40, 1.0, 0.99);
    m.observe(41, 1.0, 1.0);
    assertEquals(OptionalInt.of(5), m.tMem());
    assertEquals(OptionalInt.of(40), m.tGen());
    assertEquals(Phase.GROKKING, m.phase(false));
    assertEquals(Phase.DIVERGED, m.phase(true));
  }

  @Test
  void unmeasuredTestAccuracyOnlyMovesTMem() {
    Milestones m = new Milestones(0.9);
    m.observe(3, 0.95, Double.NaN);
    assertEquals(OptionalInt.of(3), m.tMem());
    assertEquals(OptionalInt.empty(), m.tGen());
    assertEquals(Phase.MEMORIZATION, m.phase(false));
  }

  @Test
  void nothingReachedIsConfusion() {
    Milestones m = new Milestones(Milestones.DEFAULT_ACC_THRESHOLD);
    m.observe(1, 0.98, 1.0);
    assertEquals(Phase.CONFUSION, m.phase(false));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.1, 1.0000001, Double.NaN})
  void badThresholds(double thr) {
    assertThrows(IllegalArgumentException.class, () -> new Milestones(thr));
  }
}
