package occam.results.prediction;

import java.util.Locale;

/** Which runs a score is over, relative to the calibration runs (op O, prime P, seeds S). */
public enum Protocol {
  /** The calibration runs themselves (in-sample, for reference: not a test). */
  CALIBRATION,
  /** Protocol (a): runs of op O and prime P with seeds not in S (held-out seeds of the calibration conditions). */
  HELD_OUT_SEEDS,
  /** Protocol (b): runs of another op or prime (held-out conditions). */
  HELD_OUT_CONDITIONS;

  /** @return the lower-case name of reports */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
