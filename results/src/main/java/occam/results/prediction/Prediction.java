package occam.results.prediction;

/**
 * One predictor's answer for one run: a grokking step, grokking without a step (a classifier), no
 * grokking, or no answer (the predictor does not cover the run).
 *
 * @param outcome the kind of answer
 * @param steps the predicted t_grok for {@link Outcome#GROKS} with a time, NaN otherwise
 */
public record Prediction(Outcome outcome, double steps) {

  /** The kinds of answers. */
  public enum Outcome {
    /** Predicts grokking (at {@code steps}, or untimed when steps is NaN). */
    GROKS,
    /** Predicts no grokking at any step. */
    NO_GROKKING,
    /** Gives no answer for this run. */
    ABSTAINS
  }

  /**
   * Validates the answer.
   *
   * @throws IllegalArgumentException if outcome is null, a timed step is not positive and finite, or a
   *     step comes with an outcome other than GROKS
   */
  public Prediction {
    if (outcome == null) {
      throw new IllegalArgumentException("a prediction needs an outcome");
    }
    if (!Double.isNaN(steps) && (outcome != Outcome.GROKS || !(steps > 0) || Double.isInfinite(steps))) {
      throw new IllegalArgumentException("steps = " + steps + " is not allowed for " + outcome
          + ": only GROKS has a step, positive and finite");
    }
  }

  /** No answer. */
  public static final Prediction ABSTAIN = new Prediction(Outcome.ABSTAINS, Double.NaN);

  /** No grokking. */
  public static final Prediction NONE = new Prediction(Outcome.NO_GROKKING, Double.NaN);

  /** Grokking at an unknown step. */
  public static final Prediction GROKS_UNTIMED = new Prediction(Outcome.GROKS, Double.NaN);

  /**
   * The answer of a law's value: a positive finite step groks there, +∞ never groks, anything else
   * (0, NaN, −∞: the law is undefined there) abstains.
   *
   * @param t the law's t_grok
   * @return the prediction
   */
  public static Prediction ofSteps(double t) {
    if (t > 0 && Double.isFinite(t)) {
      return new Prediction(Outcome.GROKS, t);
    }
    return t == Double.POSITIVE_INFINITY ? NONE : ABSTAIN;
  }

  /** @return whether the predictor answered */
  public boolean covered() {
    return outcome != Outcome.ABSTAINS;
  }

  /** @return whether there is a predicted step */
  public boolean timed() {
    return !Double.isNaN(steps);
  }

  /**
   * Whether this predicts grokking within a step budget.
   *
   * @param budget the run's number of steps
   * @return GROKS untimed, or GROKS at a step ≤ budget
   */
  public boolean groksWithin(int budget) {
    return outcome == Outcome.GROKS && (!timed() || steps <= budget);
  }
}
