package occam.io;

/**
 * User values inside one-line messages: a value the user typed (a 50 MB token, a name with a newline) is
 * cut to {@value #MAX_CHARS} characters and its control characters are escaped, so an error stays one
 * short line on the terminal.
 */
public final class Messages {
  private Messages() {}

  /** The most characters of a value a message shows before cutting it. */
  public static final int MAX_CHARS = 80;

  /**
   * A value fit for a one-line message: control characters escaped ({@code \n}, {@code \t}, {@code \r},
   * else {@code \}{@code uXXXX}), cut after {@value #MAX_CHARS} characters with "… (N chars)" giving its
   * full length in code points.
   *
   * @param value any value, {@code null} allowed
   * @return the shown text ({@code "null"} for null)
   */
  public static String value(Object value) {
    return value(String.valueOf(value), MAX_CHARS);
  }

  /**
   * Like {@link #value(Object)} with an explicit width.
   *
   * @param text the text
   * @param maxChars the most characters of the text shown (escapes count as the characters they show)
   * @return the shown text
   * @throws IllegalArgumentException if maxChars is below 1
   */
  public static String value(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars " + maxChars + " is not allowed: it must be at least 1");
    }
    StringBuilder shown = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      String piece = escape(cp);
      if (shown.length() + piece.length() > maxChars) {
        return shown + "… (" + text.codePointCount(0, text.length()) + " chars)";
      }
      shown.append(piece);
      i += Character.charCount(cp);
    }
    return shown.toString();
  }

  private static String escape(int cp) {
    return switch (cp) {
      case '\n' -> "\\n";
      case '\t' -> "\\t";
      case '\r' -> "\\r";
      default -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
          ? String.format("\\u%04x", cp)
          : new String(Character.toChars(cp));
    };
  }
}
