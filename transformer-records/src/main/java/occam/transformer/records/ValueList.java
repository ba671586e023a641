package occam.transformer.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lists a command line gives for a grid axis: {@code 0:7} (the integers 0 to 7, both ends
 * included), {@code 0,3,5} or {@code 0.5,1,2}. Values keep their order; a value may appear once.
 */
public final class ValueList {
  /** Most values one list may hold (a range beyond it is almost certainly a typo). */
  public static final int MAX_VALUES = 100_000;

  private ValueList() {}

  /**
   * Parses a list of integers: a range {@code LO:HI} (inclusive) or comma-separated values.
   *
   * @param option the option's name, for messages (e.g. {@code --seeds})
   * @param text the value
   * @return the integers, in order
   * @throws IllegalArgumentException if the text is empty, malformed, a range is reversed, a value
   *     repeats or the list is longer than {@link #MAX_VALUES}
   */
  public static List<Long> integers(String option, String text) {
    String t = trimmed(option, text);
    if (t.contains(":")) {
      String[] ends = t.split(":", -1);
      if (ends.length != 2) {
        throw new IllegalArgumentException(option + " " + text + " is not a range: write LO:HI, e.g. 0:7");
      }
      long lo = integer(option, text, ends[0]);
      long hi = integer(option, text, ends[1]);
      if (hi < lo) {
        throw new IllegalArgumentException(option + " " + text + " is an empty range: LO:HI needs LO <= HI");
      }
      if (hi - lo >= MAX_VALUES) {
        throw new IllegalArgumentException(option + " " + text + " has " + (hi - lo + 1) + " values; at most "
            + MAX_VALUES + " are allowed");
      }
      List<Long> out = new ArrayList<>();
      for (long v = lo; v <= hi; v++) {
        out.add(v);
      }
      return out;
    }
    List<Long> out = new ArrayList<>();
    for (String element : elements(option, text, t)) {
      out.add(integer(option, text, element));
    }
    return distinct(option, text, out);
  }

  /**
   * Parses comma-separated real numbers.
   *
   * @param option the option's name, for messages (e.g. {@code --wds})
   * @param text the value
   * @return the numbers, in order
   * @throws IllegalArgumentException if the text is empty or holds a range, an element is not a
   *     finite number, a value repeats or the list is too long
   */
  public static List<Double> reals(String option, String text) {
    String t = trimmed(option, text);
    if (t.contains(":")) {
      throw new IllegalArgumentException(option + " " + text + ": ranges LO:HI are for integer lists; list the values,"
          + " e.g. 0.5,1,2");
    }
    List<Double> out = new ArrayList<>();
    for (String element : elements(option, text, t)) {
      double v;
      try {
        v = new BigDecimal(element).doubleValue();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " " + text + ": '" + element + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(option + " " + text + ": '" + element + "' is not a finite number");
      }
      out.add(v);
    }
    return distinct(option, text, out);
  }

  private static String trimmed(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(option + " needs a value: e.g. 0:7, 0,3,5 or 0.5,1,2");
    }
    return text.strip();
  }

  private static String[] elements(String option, String text, String t) {
    String[] elements = t.split(",", -1);
    if (elements.length > MAX_VALUES) {
      throw new IllegalArgumentException(option + " has " + elements.length + " values; at most " + MAX_VALUES
          + " are allowed");
    }
    for (int i = 0; i < elements.length; i++) {
      elements[i] = elements[i].strip();
      if (elements[i].isEmpty()) {
        throw new IllegalArgumentException(option + " " + text + " has an empty element: separate values by single commas");
      }
    }
    return elements;
  }

  private static long integer(String option, String text, String element) {
    try {
      return Long.parseLong(element.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + text + ": '" + element.strip() + "' is not an integer");
    }
  }

  private static <T> List<T> distinct(String option, String text, List<T> values) {
    Set<T> seen = new LinkedHashSet<>();
    for (T v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException(option + " " + text + " lists " + v + " twice");
      }
    }
    return List.copyOf(values);
  }
}
