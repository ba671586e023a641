package occam.complexity.ctm;

/**
 * Receives progress from {@link OutputFrequencyEnumerator}; calls are serialized (never two at once),
 * though they may come from different worker threads.
 */
@FunctionalInterface
public interface EnumerationListener {

  /** A listener that ignores progress. */
  EnumerationListener NONE = p -> {};

  /**
   * Called after each finished subtree.
   *
   * @param progress read-only state
   */
  void progress(EnumerationProgress progress);
}
