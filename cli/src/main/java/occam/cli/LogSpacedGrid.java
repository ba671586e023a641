package occam.cli;

/** A log-spaced grid given on the command line as {@code LO:HI:K}: K values from LO to HI. */
final class LogSpacedGrid {

  private LogSpacedGrid() {}

  /**
   * Parses {@code LO:HI:K} into LO·(HI/LO)^(i/(K − 1)), i = 0 … K − 1 (endpoints exact; K = 1 gives
   * LO alone).
   *
   * @param option the option's name, for the message
   * @param spec the text, e.g. {@code 1e-4:1e-1:7}
   * @return the K values, ascending
   * @throws IllegalArgumentException unless 0 &lt; LO ≤ HI &lt; ∞ and 1 ≤ K ≤ 10000
   */
  static double[] parse(String option, String spec) {
    String[] parts = spec.split(":", -1);
    String allowed = " is not allowed: expected LO:HI:K with 0 < LO <= HI finite and 1 <= K <= 10000";
    if (parts.length != 3) {
      throw new IllegalArgumentException(option + " '" + spec + "'" + allowed);
    }
    double lo;
    double hi;
    int k;
    try {
      lo = Double.parseDouble(parts[0].trim());
      hi = Double.parseDouble(parts[1].trim());
      k = Integer.parseInt(parts[2].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + spec + "'" + allowed, e);
    }
    if (!(lo > 0 && lo <= hi && hi < Double.POSITIVE_INFINITY) || k < 1 || k > 10_000) {
      throw new IllegalArgumentException(option + " '" + spec + "'" + allowed);
    }
    double[] grid = new double[k];
    for (int i = 0; i < k; i++) {
      grid[i] = i == 0 ? lo : i == k - 1 ? hi : lo * Math.pow(hi / lo, (double) i / (k - 1));
    }
    return grid;
  }
}
