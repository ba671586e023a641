package occam.transformer.records.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import occam.modular.Milestones;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.analysis.AnalysisCheckpoint.Role;

/**
 * Which snapshots stand for the paper's four checkpoints ({@code --checkpoints auto}), or the steps a
 * user chose. With t_mem and t_grok replayed from the metrics log ({@link Milestones}: the log holds a
 * line at both, so they are exact):
 *
 * <ul>
 *   <li>initialization: step 0;
 *   <li>memorization: t_mem;
 *   <li>generalization: t_grok, or the last snapshot of a run that has not grokked;
 *   <li>emergence: the half-way step of test accuracy, the first logged step s in [t_mem, t_gen] with
 *       test accuracy ≥ (acc(t_mem) + acc(t_gen))/2, t_gen the generalization step above.
 * </ul>
 *
 * Each is then the snapshot nearest that step (the earlier of two equally near); the basis says so
 * when they differ.
 */
public final class AnalysisCheckpoints {
  private AnalysisCheckpoints() {}

  /**
   * The paper's four checkpoints.
   *
   * @param log the run's metrics lines, steps ascending
   * @param threshold the run's accuracy threshold
   * @param snapshots the steps that have snapshots
   * @return initialization, memorization, emergence and generalization, in that order
   * @throws IllegalArgumentException if there are no snapshots
   */
  public static List<AnalysisCheckpoint> auto(List<StepMetrics> log, double threshold, SortedSet<Integer> snapshots) {
    requireSnapshots(snapshots);
    Milestones milestones = new Milestones(threshold);
    log.forEach(m -> milestones.observe(m.step(), m.trainAcc(), m.testAcc()));
    List<AnalysisCheckpoint> out = new ArrayList<>();
    out.add(near(Role.INITIALIZATION, 0, "step 0", snapshots));
    OptionalInt tMem = milestones.tMem();
    OptionalInt tGen = milestones.tGen();
    int end = tGen.orElse(snapshots.last());
    String endBasis = tGen.isPresent() ? "t_grok = " + end : "last snapshot (no t_grok)";
    if (tMem.isEmpty()) {
      out.add(new AnalysisCheckpoint(Role.MEMORIZATION, OptionalInt.empty(), "not reached (no t_mem)"));
      out.add(new AnalysisCheckpoint(Role.EMERGENCE, OptionalInt.empty(), "not reached (no t_mem)"));
    } else {
      out.add(near(Role.MEMORIZATION, tMem.getAsInt(), "t_mem = " + tMem.getAsInt(), snapshots));
      out.add(emergence(log, tMem.getAsInt(), end, snapshots));
    }
    out.add(near(Role.GENERALIZATION, end, endBasis, snapshots));
    return out;
  }

  private static AnalysisCheckpoint emergence(List<StepMetrics> log, int tMem, int end, SortedSet<Integer> snapshots) {
    Optional<StepMetrics> from = lineAtOrBefore(log, tMem);
    Optional<StepMetrics> to = lineAtOrBefore(log, end);
    if (from.isEmpty() || to.isEmpty() || !Double.isFinite(from.get().testAcc()) || !Double.isFinite(to.get().testAcc())) {
      return new AnalysisCheckpoint(Role.EMERGENCE, OptionalInt.empty(), "no test accuracy logged at t_mem and the end");
    }
    double target = (from.get().testAcc() + to.get().testAcc()) / 2;
    int half = end;
    for (StepMetrics m : log) {
      if (m.step() >= tMem && m.step() <= end && m.testAcc() >= target) {
        half = m.step();
        break;
      }
    }
    String basis = String.format(java.util.Locale.ROOT, "half-way test accuracy %.3f (%.3f at %d → %.3f at %d) first at step %d",
        target, from.get().testAcc(), from.get().step(), to.get().testAcc(), to.get().step(), half);
    return near(Role.EMERGENCE, half, basis, snapshots);
  }

  private static Optional<StepMetrics> lineAtOrBefore(List<StepMetrics> log, int step) {
    StepMetrics found = null;
    for (StepMetrics m : log) {
      if (m.step() <= step) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Steps a user chose, each of which must have a snapshot.
   *
   * @param steps the steps
   * @param snapshots the steps that have snapshots
   * @return one {@link Role#CHOSEN} checkpoint per step, in the given order
   * @throws IllegalArgumentException if there are no snapshots or a step has none, naming the steps
   *     that have
   */
  public static List<AnalysisCheckpoint> chosen(List<Integer> steps, SortedSet<Integer> snapshots) {
    requireSnapshots(snapshots);
    List<AnalysisCheckpoint> out = new ArrayList<>();
    for (int s : steps) {
      if (!snapshots.contains(s)) {
        throw new IllegalArgumentException("--checkpoints: the run has no snapshot of step " + s
            + "; it has snapshots of steps " + shortList(snapshots));
      }
      out.add(new AnalysisCheckpoint(Role.CHOSEN, OptionalInt.of(s), "chosen"));
    }
    return out;
  }

  private static String shortList(SortedSet<Integer> steps) {
    List<Integer> all = List.copyOf(steps);
    return all.size() <= 12 ? all.toString()
        : all.subList(0, 6) + " … " + all.subList(all.size() - 3, all.size()) + " (" + all.size() + " in all)";
  }

  private static void requireSnapshots(SortedSet<Integer> snapshots) {
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("no snapshots to analyze");
    }
  }

  /** The snapshot nearest a step (the earlier of two equally near). */
  static int nearest(int step, SortedSet<Integer> snapshots) {
    int best = snapshots.first();
    for (int s : snapshots) {
      if (Math.abs((long) s - step) < Math.abs((long) best - step)) {
        best = s;
      }
    }
    return best;
  }

  private static AnalysisCheckpoint near(Role role, int step, String basis, SortedSet<Integer> snapshots) {
    int s = nearest(step, snapshots);
    return new AnalysisCheckpoint(role, OptionalInt.of(s), s == step ? basis : basis + ", nearest snapshot " + s);
  }
}
