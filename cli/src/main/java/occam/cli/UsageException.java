package occam.cli;

/** Bad input found while running a command (missing file, unwritable path): exit 2, one line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the value and what was expected
   */
  public UsageException(String message) {
    super(message);
  }
}
