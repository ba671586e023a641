package occam.transformer.llc;

import java.util.ArrayList;
import java.util.List;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;

/**
 * The LLC curve over training: λ̂ at chosen steps of a run ({@link TransformerLlc#at} at each, the same
 * settings and seed everywhere, so each point equals the single-step estimate at that step).
 *
 * @param steps the steps, ascending
 * @param estimates the estimate at each step
 */
public record LlcCurve(List<Integer> steps, List<LlcEstimate> estimates) {
  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if the lists differ in length or there is no step
   */
  public LlcCurve {
    steps = List.copyOf(steps);
    estimates = List.copyOf(estimates);
    if (steps.size() != estimates.size() || steps.isEmpty()) {
      throw new IllegalArgumentException(
          "an LLC curve needs one estimate per step (" + steps.size() + " steps, " + estimates.size() + " estimates)");
    }
  }

  /**
   * Estimates λ at each step.
   *
   * @param source the run's weights
   * @param steps steps of the source, ascending
   * @param settings the SGLD settings
   * @param listener told of every SGLD step of every estimate
   * @return the curve
   * @throws IllegalArgumentException if a step has no weights, or see {@link TransformerLlc#at}
   */
  public static LlcCurve over(WeightsSource source, List<Integer> steps, SgldSettings settings, SgldListener listener) {
    List<LlcEstimate> estimates = new ArrayList<>();
    for (int step : steps) {
      estimates.add(TransformerLlc.at(source, step, settings, listener));
    }
    return new LlcCurve(steps, estimates);
  }

  /**
   * Every k-th of the steps from the first, and the last.
   *
   * @param steps steps, ascending, at least one
   * @param k the stride, ≥ 1 (1: every step)
   * @return the chosen steps, ascending
   * @throws IllegalArgumentException if k &lt; 1 or there is no step
   */
  public static List<Integer> every(List<Integer> steps, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("--every " + k + " is not allowed: it must be >= 1 (1: every snapshot)");
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no steps to choose from");
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < steps.size(); i += k) {
      chosen.add(steps.get(i));
    }
    if (!chosen.get(chosen.size() - 1).equals(steps.get(steps.size() - 1))) {
      chosen.add(steps.get(steps.size() - 1));
    }
    return chosen;
  }
}
