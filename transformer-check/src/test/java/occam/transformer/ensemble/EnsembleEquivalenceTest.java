package occam.transformer.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import occam.transformer.TrainingConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Members trained together match the same runs trained alone by the single-model code path. */
class EnsembleEquivalenceTest {
  static TrainingConfig.Builder tiny() {
    return TrainingConfig.builder().p(11).dModel(16).heads(2).dMlp(32).steps(STEPS).logEvery(10).checkpointEvery(0);
  }

  static final int STEPS = 150;

  static List<TrainingConfig> members() {
    return List.of(
        tiny().seed(0).frac(0.6).lr(1e-2).weightDecay(1.0).build(),
        tiny().seed(1).frac(0.4).lr(3e-3).weightDecay(0.5).build(),
        tiny().seed(2).frac(0.6).lr(1e-2).weightDecay(2.0).build());
  }

  @ParameterizedTest
  @EnumSource(SetLayout.class)
  void membersMatchSingleRuns(SetLayout layout) {
    List<TrainingConfig> members = members();
    List<Trajectories.Trajectory> together = Trajectories.together(members, layout, (s, e) -> {});
    double maxAbs = 0;
    double maxRel = 0;
    for (int k = 0; k < members.size(); k++) {
      Trajectories.Trajectory alone = Trajectories.alone(members.get(k));
      Trajectories.Trajectory mine = together.get(k);
      for (int s = 0; s <= STEPS; s++) {
        double abs = Math.abs(alone.loss()[s] - mine.loss()[s]);
        maxAbs = Math.max(maxAbs, abs);
        maxRel = Math.max(maxRel, abs / Math.abs(alone.loss()[s]));
      }
      System.out.printf("%s member %d: t_mem %s/%s t_gen %s/%s loss0 %.17g/%.17g last %.17g/%.17g%n", layout, k,
          alone.tMem(), mine.tMem(), alone.tGen(), mine.tGen(), alone.loss()[0], mine.loss()[0],
          alone.loss()[STEPS], mine.loss()[STEPS]);
      assertEquals(alone.tMem(), mine.tMem(), "t_mem of member " + k);
    }
    System.out.printf("%s: max abs %.3g, max rel %.3g over %d steps%n", layout, maxAbs, maxRel, STEPS);
  }
}
