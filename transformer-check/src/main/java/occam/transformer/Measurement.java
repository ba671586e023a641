package occam.transformer;

/**
 * A diagnostic of the model during training: a name, a schedule and a pure function of a read-only
 * {@link ModelState}. The training loop knows no measurement; it calls those it is given (through
 * {@link TrainingRun#measure}) at the steps of their schedules and hands each result to its sink.
 * The metrics log is one of them ({@link MetricsLine}); ensembles, snapshots or LLC estimates are others.
 *
 * @param <R> the result type
 */
public interface Measurement<R> {
  /** @return a short name, e.g. {@code metrics} */
  String name();

  /** @return the steps at which it runs */
  Schedule schedule();

  /**
   * Measures the model. Must not change anything it is given.
   *
   * @param state the model at one step
   * @return the result
   */
  R measure(ModelState state);
}
