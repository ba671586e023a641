package occam.sfm;

/**
 * Receives read-only progress from SFM runs, so traces and progress bars stay out of the loop.
 * Callbacks for one run come from the thread that runs it; a listener shared by a parallel scan
 * must be thread-safe.
 */
public interface SfmListener {
  /** A listener that ignores everything. */
  SfmListener NONE = new SfmListener() {};

  /**
   * Metrics at a logged iteration (every log-every iterations, and the last one).
   *
   * @param config the run
   * @param metrics the metrics of W_t
   */
  default void logged(SfmConfig config, SfmMetrics metrics) {}

  /**
   * A run finished.
   *
   * @param result its result
   */
  default void finished(SfmResult result) {}
}
