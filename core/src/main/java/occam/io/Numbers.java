package occam.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalInt;

/** The one place numbers become text: CSV cells, table cells and console lines. */
public final class Numbers {
  private Numbers() {}

  /**
   * A CSV cell: the shortest form that reads back to the same double; integers without ".0"; empty for
   * NaN or infinity (pandas reads it as NaN).
   *
   * @param v the value
   * @return its text
   */
  public static String csv(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * A table cell for people: four significant digits without trailing zeros; "–" for NaN or infinity.
   *
   * @param v the value
   * @return its text
   */
  public static String table(double v) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e7) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /**
   * A precise console value: seven significant digits, plain for moderate magnitudes, scientific
   * below 1e-4 and from 1e9; "NaN" or "Infinity" as Java writes them.
   *
   * @param v the value
   * @return its text
   */
  public static String precise(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e9)) {
      return String.format(Locale.ROOT, "%.6e", v);
    }
    return new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toPlainString();
  }

  /**
   * A step, or a mark when it was never reached.
   *
   * @param step the step
   * @param absent the text for an absent step ("" in CSV, "-" on the console)
   * @return its text
   */
  public static String step(OptionalInt step, String absent) {
    return step.isPresent() ? Integer.toString(step.getAsInt()) : absent;
  }
}
