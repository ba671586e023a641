package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import occam.modular.Milestones;
import occam.transformer.Djl;
import occam.transformer.StepProgress;
import occam.transformer.records.TrainingConfig;
import occam.transformer.TrainingListener;
import occam.transformer.TrainingRun;
import occam.transformer.records.TrainingSummary;

/** Per-step training losses and milestones of runs, trained alone or as an ensemble (test helper). */
final class Trajectories {
  /** One run's per-step training losses (θ_0 … θ_steps), t_mem and t_gen. */
  record Trajectory(double[] loss, OptionalInt tMem, OptionalInt tGen) {}

  private Trajectories() {}

  /** The run trained alone by the single-model code path. */
  static Trajectory alone(TrainingConfig config) {
    double[] loss = new double[config.steps() + 1];
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onStep(StepProgress progress) {
        loss[progress.step()] = progress.trainLoss();
      }
    };
    try {
      TrainingSummary s = TrainingRun.of(config).listener(listener).run();
      return new Trajectory(loss, s.memorizationStep(), s.grokkingStep());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The runs trained together; {@code after} sees (s, ensemble) after update s + 1. Losses are
   * kept by the member's index in {@code members}, also after members are dropped (their later
   * entries stay 0).
   */
  static List<Trajectory> together(List<TrainingConfig> members, SetLayout layout, BiConsumer<Integer, Ensemble> after) {
    int steps = members.get(0).steps();
    int k = members.size();
    double[][] loss = new double[k][steps + 1];
    List<Milestones> milestones = new ArrayList<>();
    members.forEach(c -> milestones.add(new Milestones(c.threshold())));
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device());
        Ensemble ensemble = Ensemble.of(members, layout, manager)) {
      for (int s = 0; s <= steps; s++) {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray logits = s < steps ? ensemble.gradientPass() : ensemble.logits(ensemble.sets().train().tokens());
          MemberScores train = ensemble.trainScores(logits);
          MemberScores test = ensemble.testScores(logits);
          for (int i = 0; i < train.members(); i++) {
            int id = members.indexOf(ensemble.members().get(i));
            loss[id][s] = train.loss()[i];
            milestones.get(id).observe(s, train.accuracy()[i], test.accuracy()[i]);
          }
          if (s < steps) {
            ensemble.update();
            after.accept(s, ensemble);
          }
        }
      }
    }
    List<Trajectory> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(new Trajectory(loss[i], milestones.get(i).tMem(), milestones.get(i).tGen()));
    }
    return out;
  }
}
