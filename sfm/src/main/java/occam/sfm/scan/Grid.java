package occam.sfm.scan;

import java.util.Arrays;
import occam.io.Messages;

/**
 * A one-dimensional scan axis: K points from LO to HI inclusive, log-spaced (β) or linear (frac),
 * parsed from the CLI form {@code LO:HI:K}.
 *
 * @param values the points, ascending
 */
public record Grid(double[] values) {

  /**
   * Validates the points.
   *
   * @throws IllegalArgumentException if there are none
   */
  public Grid {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("a grid needs at least one point");
    }
    values = values.clone();
  }

  /** @return the points (a copy) */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** @return the number of points */
  public int size() {
    return values.length;
  }

  /**
   * K log-spaced points: lo·(hi/lo)^(i/(K−1)).
   *
   * @param lo first point &gt; 0
   * @param hi last point ≥ lo
   * @param k count ≥ 1 (1 gives lo)
   * @return the grid
   * @throws IllegalArgumentException if lo ≤ 0, hi &lt; lo or k &lt; 1
   */
  public static Grid logSpaced(double lo, double hi, int k) {
    check(lo, hi, k);
    if (!(lo > 0)) {
      throw new IllegalArgumentException("log grid start " + lo + " is not allowed: it must be > 0");
    }
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = k == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (k - 1));
    }
    if (k > 1) {
      v[k - 1] = hi;
    }
    return new Grid(v);
  }

  /**
   * K evenly spaced points lo + i·(hi − lo)/(K − 1).
   *
   * @param lo first point
   * @param hi last point ≥ lo
   * @param k count ≥ 1
   * @return the grid
   * @throws IllegalArgumentException if hi &lt; lo or k &lt; 1
   */
  public static Grid linear(double lo, double hi, int k) {
    check(lo, hi, k);
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = k == 1 ? lo : lo + (hi - lo) * i / (k - 1);
    }
    return new Grid(v);
  }

  /**
   * Parses {@code LO:HI:K} (or a single value). K = 1 names one point, so it needs LO = HI: a range
   * with one point would silently drop HI.
   *
   * @param name the option name, for messages
   * @param spec the text
   * @param log log spacing if true, linear otherwise
   * @return the grid
   * @throws IllegalArgumentException naming the option if the text is malformed or out of range
   */
  public static Grid parse(String name, String spec, boolean log) {
    Axis a = Axis.parse(name, spec);
    try {
      return log ? logSpaced(a.lo(), a.hi(), a.k()) : linear(a.lo(), a.hi(), a.k());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " '" + Messages.value(spec) + "' is not allowed: " + e.getMessage());
    }
  }

  /**
   * The number of points {@code LO:HI:K} names, read without building the grid, so a size that cannot
   * fit is refused before its points are allocated.
   *
   * @param name the option name, for messages
   * @param spec the text
   * @return K (1 for a single value)
   * @throws IllegalArgumentException naming the option if the text is malformed
   */
  public static int size(String name, String spec) {
    return Axis.parse(name, spec).k();
  }

  /** The text of an axis: LO, HI and K, checked for form and for K = 1 ⇒ LO = HI. */
  private record Axis(double lo, double hi, int k) {
    static Axis parse(String name, String spec) {
      String[] parts = spec.trim().split(":", -1);
      Axis a;
      try {
        if (parts.length == 1) {
          double v = Double.parseDouble(parts[0]);
          a = new Axis(v, v, 1);
        } else if (parts.length == 3) {
          a = new Axis(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Integer.parseInt(parts[2].trim()));
        } else {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " '" + Messages.value(spec) + "'"
            + " is not allowed: expected LO:HI:K (numbers LO <= HI, integer K >= 1)");
      }
      if (a.k() == 1 && Double.compare(a.lo(), a.hi()) != 0) {
        throw new IllegalArgumentException(name + " '" + Messages.value(spec) + "'"
            + " is not allowed: K = 1 is one point, so LO must equal HI (or give one value)");
      }
      return a;
    }
  }

  private static void check(double lo, double hi, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("grid size " + k + " is not allowed: K must be >= 1");
    }
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
      throw new IllegalArgumentException("grid range " + lo + ":" + hi + " is not allowed: need finite LO <= HI");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grid g && Arrays.equals(values, g.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
