package occam.results.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import occam.modular.Op;
import org.junit.jupiter.api.Test;

/** The league's statistics on hand-counted cases. */
class ScoredTest {
  private static GridRun grok(int t) {
    return Synthetic.grokking(7, Op.ADD, 1, 1e-3, 0.5, t, 10, t, 1);
  }

  private static GridRun noGrok() {
    return Synthetic.run(7, Op.ADD, 1, 1e-3, 0.5, 99, OptionalInt.of(10), Double.NaN, 1);
  }

  @Test
  void statisticsOfAKnownSet() {
    List<Scored> s = List.of(
        new Scored(grok(100), Prediction.ofSteps(200)), // ln 2, APE 1
        new Scored(grok(400), Prediction.ofSteps(200)), // ln 1/2, APE 1/2
        new Scored(grok(800), Prediction.ofSteps(800)), // 0, 0
        new Scored(noGrok(), Prediction.ofSteps(2 * Synthetic.STEPS)), // beyond the budget: "does not grok", right
        new Scored(noGrok(), Prediction.ABSTAIN));
    assertEquals(0.8, Scored.coverage(s));
    assertEquals(1.0, Scored.accuracy(s));
    assertEquals(2 * Math.log(2) / 3, Scored.meanAbsLogRatio(s), 1e-15);
    assertEquals(0.5, Scored.mape(s), 1e-15);
    // ranks of predicted (1.5, 1.5, 3) against measured (1, 2, 3): Pearson of the ranks = 1.5/√3
    assertEquals(Math.sqrt(3) / 2, Scored.spearman(s), 1e-15);
  }

  @Test
  void wrongCallsAndUntimedAnswers() {
    List<Scored> s = List.of(new Scored(grok(100), Prediction.NONE), new Scored(noGrok(), Prediction.GROKS_UNTIMED),
        new Scored(grok(100), Prediction.GROKS_UNTIMED));
    assertEquals(1.0 / 3, Scored.accuracy(s), 1e-15);
    assertTrue(Double.isNaN(Scored.meanAbsLogRatio(s)), "no step predicted: no time error");
    assertTrue(Double.isNaN(Scored.spearman(s)));
  }
}
