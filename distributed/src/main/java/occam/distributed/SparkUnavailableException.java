package occam.distributed;

/** Spark could not run the grid (no master reachable, no executor registered in time): not the user's syntax. */
public final class SparkUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line saying what was tried and what to check
   */
  public SparkUnavailableException(String message) {
    super(message);
  }
}
