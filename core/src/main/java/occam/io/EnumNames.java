package occam.io;

import java.util.Locale;

/** Command-line names of enum constants: the lower-case constant name, looked up ignoring case. */
public final class EnumNames {
  private EnumNames() {}

  /**
   * Looks up an enum constant by name, ignoring case and surrounding blanks.
   *
   * @param <E> the enum
   * @param type its class
   * @param name the name given (may be null)
   * @param what what the constants are, for the message (e.g. "op")
   * @return the constant
   * @throws IllegalArgumentException naming the value and the allowed names, e.g. "unknown op 'pow':
   *     expected add, sub, mul or div"
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
    String n = name == null ? "" : name.trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(n)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + Messages.value(name) + "': expected " + allowed(type));
  }

  /**
   * The allowed names, e.g. "add, sub, mul or div".
   *
   * @param <E> the enum
   * @param type its class
   * @return the lower-case names joined for a message
   */
  public static <E extends Enum<E>> String allowed(Class<E> type) {
    E[] all = type.getEnumConstants();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < all.length; i++) {
      sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].name().toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
