package occam.complexity.ctm;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The output frequency distribution D(n, m) of a machine space: how many machines halt with each output
 * string (Soler-Toscano et al. 2014, Eq. 2: D(n,m)(s) = |{T halts with output s}| / |{T halts}|).
 *
 * <p>The output of a halting machine is the contiguous segment of tape cells its head visited, read
 * left to right, as a string of digits.
 *
 * @param space the enumerated space
 * @param counts number of machines per output string, by length then lexicographically
 * @param halting number of halting machines (the sum of {@code counts})
 * @param nonHalting number of machines counted as non-halting (cut-off reached or escaped)
 * @param simulated partial machines simulated as leaves of the enumeration tree
 * @param transitions transitions simulated in all
 * @param elapsedNanos wall time of the enumeration
 */
public record OutputDistribution(
    TuringMachineSpace space,
    SortedMap<String, Long> counts,
    long halting,
    long nonHalting,
    long simulated,
    long transitions,
    long elapsedNanos) {

  /** Orders output strings by length, then lexicographically. */
  public static final Comparator<String> BY_LENGTH =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  /**
   * Checks that the counts add up.
   *
   * @throws IllegalArgumentException if the counts do not sum to {@code halting}, or halting plus
   *     non-halting differs from the size of the space
   */
  public OutputDistribution {
    TreeMap<String, Long> copy = new TreeMap<>(BY_LENGTH);
    copy.putAll(counts);
    long sum = 0;
    for (long c : copy.values()) {
      sum += c;
    }
    if (sum != halting) {
      throw new IllegalArgumentException(
          "output counts sum to " + sum + " but halting is " + halting);
    }
    if (halting + nonHalting != space.machineCount()) {
      throw new IllegalArgumentException(
          "halting " + halting + " + non-halting " + nonHalting + " != " + space.machineCount()
              + " machines of " + space.label());
    }
    counts = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * D(s): the fraction of halting machines whose output is s.
   *
   * @param s output string
   * @return D(s), 0 if no machine produces s
   */
  public double frequency(String s) {
    return counts.getOrDefault(s, 0L) / (double) halting;
  }

  /**
   * Number of machines producing each string, as an unmodifiable map.
   *
   * @return counts
   */
  public Map<String, Long> asMap() {
    return counts;
  }
}
