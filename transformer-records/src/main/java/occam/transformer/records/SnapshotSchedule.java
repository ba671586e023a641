package occam.transformer.records;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which steps of a run keep a float32 weight snapshot for {@code occam analyze} (the value of {@code
 * --snapshots}): none, {@code count} log-spaced steps, or an explicit list of steps. Besides the
 * scheduled steps a run always keeps step 0 (with any schedule but none), its last step, and the
 * steps where t_mem and t_grok are reached; the training loop adds those.
 *
 * <p>Log-spaced steps over T updates: s_i = round(T^{i/(N−1)}), i = 0..N−1 (s = T for N = 1),
 * duplicates merged, so the small steps are dense and a run of T = 1,500 with N = 40 keeps 35
 * distinct steps besides 0, about 11 per decade.
 *
 * <p>Size budget: every snapshot holds all weights as float32 (4 bytes per parameter, no optimizer
 * moments: a third of a checkpoint). A run's snapshots together may take at most {@link
 * #BUDGET_BYTES}, counted before training from the planned steps plus the three extra ones (last
 * step, t_mem, t_grok); the quick preset's model (≈ 56k parameters, ≈ 220 KB per snapshot) keeps
 * {@code log} in ≈ 7 MB, the deep preset's in ≈ 50 MB.
 *
 * @param count N log-spaced steps in [1, T]; 0 for none or an explicit list
 * @param steps explicit steps (ascending, distinct, ≥ 0); empty for none or log-spaced
 */
public record SnapshotSchedule(int count, List<Integer> steps) {
  /** N of {@code log}: 40 log-spaced steps (35 distinct over 1,500 steps). */
  public static final int LOG_COUNT = 40;

  /** Most log-spaced steps one schedule may ask for. */
  public static final int MAX_COUNT = 10_000;

  /** Bytes a run's snapshots may take together: 2 GiB. */
  public static final long BUDGET_BYTES = 2L << 30;

  /** Steps a run keeps beyond its schedule: the last step, t_mem and t_grok. */
  public static final int EXTRA_STEPS = 3;

  /** No snapshots (the default). */
  public static final SnapshotSchedule NONE = new SnapshotSchedule(0, List.of());

  /** {@link #LOG_COUNT} log-spaced steps. */
  public static final SnapshotSchedule LOG = new SnapshotSchedule(LOG_COUNT, List.of());

  /**
   * Validates the schedule.
   *
   * @throws IllegalArgumentException if the count is outside [0, {@link #MAX_COUNT}], both a count
   *     and steps are given, or the steps are negative, repeated or not ascending
   */
  public SnapshotSchedule {
    steps = List.copyOf(steps);
    if (count < 0 || count > MAX_COUNT) {
      throw new IllegalArgumentException("snapshots = " + count + " is not allowed: the number of log-spaced"
          + " snapshots must be in [1, " + MAX_COUNT + "]");
    }
    if (count > 0 && !steps.isEmpty()) {
      throw new IllegalArgumentException("a snapshot schedule is either log-spaced or a list of steps, not both");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) < 0 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
        throw new IllegalArgumentException("snapshots " + steps + " is not allowed: steps must be >= 0, distinct"
            + " and ascending");
      }
    }
  }

  /**
   * Reads {@code --snapshots}: {@code none}, {@code log}, a count N (N log-spaced steps) or a
   * comma-separated list of steps (e.g. {@code 0,500,1000}; a list has at least one comma, so one
   * step alone is written {@code 500,}).
   *
   * @param text the value
   * @return the schedule
   * @throws IllegalArgumentException if the text is none of these
   */
  public static SnapshotSchedule parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return NONE;
    }
    if (t.equals("log")) {
      return LOG;
    }
    try {
      if (!t.contains(",")) {
        int n = Integer.parseInt(t);
        if (n < 1) {
          throw new IllegalArgumentException("snapshots = " + text + " is not allowed: a count must be >= 1");
        }
        return new SnapshotSchedule(n, List.of());
      }
      TreeSet<Integer> listed = new TreeSet<>();
      for (String part : t.split(",")) {
        if (!part.isBlank() && !listed.add(Integer.parseInt(part.strip()))) {
          throw new IllegalArgumentException("snapshots = " + text + " lists step " + part.strip() + " twice");
        }
      }
      return new SnapshotSchedule(0, List.copyOf(listed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("snapshots = " + text + " is not allowed: give none, log, a count N"
          + " or a list of steps such as 0,500,1000");
    }
  }

  /** @return {@link #parse}'s form: none, log, N or the steps joined by commas */
  public String text() {
    if (isNone()) {
      return "none";
    }
    if (count == LOG_COUNT) {
      return "log";
    }
    if (count > 0) {
      return Integer.toString(count);
    }
    StringBuilder b = new StringBuilder();
    steps.forEach(s -> b.append(s).append(','));
    return steps.size() == 1 ? b.toString() : b.substring(0, b.length() - 1);
  }

  /** @return whether no snapshot is kept */
  public boolean isNone() {
    return count == 0 && steps.isEmpty();
  }

  /**
   * The scheduled steps of a run of T updates: step 0, the log-spaced or listed steps up to T (a
   * listed step past T is never reached); the last step and the milestones come on top.
   *
   * @param totalSteps T
   * @return the steps, ascending; empty for none
   */
  public SortedSet<Integer> steps(int totalSteps) {
    TreeSet<Integer> out = new TreeSet<>();
    if (isNone()) {
      return out;
    }
    out.add(0);
    for (int s : steps) {
      if (s <= totalSteps) {
        out.add(s);
      }
    }
    if (count > 0 && totalSteps > 0) {
      for (int i = 0; i < count; i++) {
        double exponent = count == 1 ? 1 : (double) i / (count - 1);
        out.add((int) Math.min(totalSteps, Math.round(Math.pow(totalSteps, exponent))));
      }
    }
    return out;
  }

  /**
   * Checks that a run's snapshots fit {@link #BUDGET_BYTES}.
   *
   * @param totalSteps T
   * @param parameters the model's parameter count
   * @throws IllegalArgumentException naming the snapshot size, the count and how many would fit
   */
  public void requireWithinBudget(int totalSteps, long parameters) {
    if (isNone()) {
      return;
    }
    long each = Math.max(1, parameters) * Float.BYTES;
    long planned = steps(totalSteps).size() + (long) EXTRA_STEPS;
    if (planned * each > BUDGET_BYTES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--snapshots %s keeps up to %d snapshots of %.3g MB (%.3g GB), over the budget of %.3g GB per run;"
              + " at most %d fit: give fewer steps (a count or a list)",
          text(), planned, each / 1e6, planned * each / 1e9, BUDGET_BYTES / 1e9, BUDGET_BYTES / each));
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
