package occam.io;

/**
 * Bad user input (an option value, a missing or corrupt input file, an output that cannot be written,
 * a folder held by another command): the CLI prints the message as one line and exits 2. Library code
 * throws it only for what the user supplied; an {@link IllegalArgumentException} from deep inside a run
 * is an internal failure.
 */
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
