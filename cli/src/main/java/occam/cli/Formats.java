package occam.cli;

import java.util.Locale;
import java.util.OptionalInt;

/** Number formatting shared by the commands' text and CSV output. */
final class Formats {
  private Formats() {}

  /** Shortest round-trip form for CSV; empty for NaN. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** An optional iteration, or "-" when absent. */
  static String opt(OptionalInt t) {
    return t.isPresent() ? Integer.toString(t.getAsInt()) : "-";
  }

  /** A compact general-format number. */
  static String g(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
