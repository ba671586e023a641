package occam.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import occam.transformer.records.StepMetrics;
import org.junit.jupiter.api.Test;

/** Half-way and steepest steps of logged series whose answers are known by construction. */
class TransitionTest {
  /** A log every 10 steps: test accuracy and Gini follow {@code rise}, complexity follows {@code fall}. */
  static List<StepMetrics> log(double[] rise, double[] fall) {
    List<StepMetrics> out = new ArrayList<>();
    for (int i = 0; i < rise.length; i++) {
      out.add(new StepMetrics(10 * i, 1, 1, 1, rise[i], 1, rise[i], rise[i], 0, 0, 0, fall[i], Map.of(), i));
    }
    return out;
  }

  @Test
  void riseIsFoundAtItsMidpointAndSteepestInterval() {
    double[] acc = {0.0, 0.1, 0.1, 0.2, 0.9, 1.0, 1.0};
    double[] k = {500, 510, 500, 400, 200, 150, 160};
    List<StepMetrics> log = log(acc, k);
    Transition up = Transition.rise(log, StepMetrics::testAcc);
    assertEquals(OptionalInt.of(40), up.mid(), "0.9 is the first value >= 0.5");
    assertEquals(OptionalInt.of(40), up.steepest(), "0.2 -> 0.9 between steps 30 and 40");
    assertEquals(0.0, up.from());
    assertEquals(1.0, up.to());
    Transition down = Transition.fall(log, StepMetrics::complexity);
    assertEquals(510, down.from(), "the maximum");
    assertEquals(150, down.to(), "the lowest value after it");
    assertEquals(OptionalInt.of(40), down.mid(), "200 is the first value <= 330");
    assertEquals(OptionalInt.of(40), down.steepest(), "400 -> 200");
  }

  @Test
  void flatOrShortSeriesHaveNoTransitionAndNaNIsSkipped() {
    Transition flat = Transition.rise(log(new double[] {1, 1, 1}, new double[] {1, 1, 1}), StepMetrics::testAcc);
    assertTrue(flat.mid().isEmpty() && flat.steepest().isEmpty());
    assertEquals(Transition.NONE, Transition.rise(List.of(), StepMetrics::testAcc));
    Transition unmeasured = Transition.fall(log(new double[] {0, 1}, new double[] {Double.NaN, Double.NaN}),
        StepMetrics::complexity);
    assertTrue(unmeasured.mid().isEmpty() && Double.isNaN(unmeasured.from()));
    Transition gap = Transition.rise(log(new double[] {0, Double.NaN, 1}, new double[] {0, 0, 0}),
        StepMetrics::testAcc);
    assertEquals(OptionalInt.of(20), gap.mid());
  }
}
