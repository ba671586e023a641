package occam.cli;

import java.util.Locale;
import java.util.OptionalInt;

/** Number formatting shared by the commands' console output. */
final class Formats {
  private Formats() {}

  /** An optional iteration, or "-" when absent. */
  static String opt(OptionalInt t) {
    return t.isPresent() ? Integer.toString(t.getAsInt()) : "-";
  }

  /** A compact general-format number. */
  static String g(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
