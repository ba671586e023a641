package occam.transformer.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Changes of the weight decay λ during a run (the value of {@code --wd-after}): from a step on, λ takes
 * a new value. The value of {@code --wd} holds until the first change.
 *
 * <p>Grammar: {@code none}, or {@code STEP:VALUE} entries joined by commas with ascending, distinct
 * steps ≥ 0 and values finite and ≥ 0, e.g. {@code 3000:0} (decay off from step 3000) or {@code
 * 1000:0,2000:1}. A change at step S applies to the updates out of θ_S, θ_{S+1}, … (update t moves
 * θ_{t−1} to θ_t and uses the λ of step t − 1), so a run resumed from a checkpoint at step S with
 * {@code --wd-after S:0} applies no decay in any update of the resumed session.
 *
 * @param changes the changes, by ascending step; empty for none
 */
public record DecayChanges(List<Change> changes) {
  /** No change: λ = {@code --wd} throughout (the default). */
  public static final DecayChanges NONE = new DecayChanges(List.of());

  /**
   * One change.
   *
   * @param step the first step whose update uses the value, ≥ 0
   * @param value the new λ, finite and ≥ 0
   */
  public record Change(int step, double value) {
    /**
     * Validates the change.
     *
     * @throws IllegalArgumentException if the step is negative or the value negative or not finite
     */
    public Change {
      if (step < 0) {
        throw new IllegalArgumentException("wd-after step " + step + " is not allowed: it must be >= 0");
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("wd-after value " + value + " is not allowed: it must be finite and >= 0");
      }
    }
  }

  /**
   * Validates the changes.
   *
   * @throws IllegalArgumentException if the steps are not ascending and distinct
   */
  public DecayChanges {
    changes = List.copyOf(changes);
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i).step() <= changes.get(i - 1).step()) {
        throw new IllegalArgumentException("wd-after " + changes + " is not allowed: steps must be distinct and"
            + " ascending");
      }
    }
  }

  /**
   * Reads {@code --wd-after}: {@code none} or {@code STEP:VALUE[,STEP:VALUE…]}.
   *
   * @param text the value
   * @return the changes
   * @throws IllegalArgumentException if the text does not follow the grammar
   */
  public static DecayChanges parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return NONE;
    }
    List<Change> out = new ArrayList<>();
    for (String part : t.split(",", -1)) {
      String[] sv = part.split(":", -1);
      try {
        if (sv.length != 2) {
          throw new NumberFormatException(part);
        }
        out.add(new Change(Integer.parseInt(sv[0].strip()), Double.parseDouble(sv[1].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("wd-after = " + text + " is not allowed: give none or STEP:VALUE entries"
            + " joined by commas, such as 3000:0");
      }
    }
    return new DecayChanges(out);
  }

  /** @return {@link #parse}'s form */
  public String text() {
    if (changes.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    changes.forEach(c -> parts.add(c.step() + ":" + plain(c.value())));
    return String.join(",", parts);
  }

  /** A value exactly, as short as Java writes it: 0, 1, 0.5, 1.0E-4. */
  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * λ at a step: the value of the last change at or before it, else the base.
   *
   * @param step the step s (the update out of θ_s uses this value)
   * @param base λ before the first change ({@code --wd})
   * @return λ
   */
  public double valueAt(long step, double base) {
    double value = base;
    for (Change c : changes) {
      if (c.step() <= step) {
        value = c.value();
      }
    }
    return value;
  }

  /**
   * The first step before {@code until} at which two schedules give different values: a resumed run
   * may change the schedule of its future, not of the updates already applied.
   *
   * @param base λ before the first change of this schedule
   * @param other another schedule
   * @param otherBase λ before its first change
   * @param until steps 0..until−1 are compared
   * @return the first such step, or −1 when they agree
   */
  public long firstDifference(double base, DecayChanges other, double otherBase, long until) {
    List<Long> steps = new ArrayList<>(List.of(0L));
    changes.forEach(c -> steps.add((long) c.step()));
    other.changes.forEach(c -> steps.add((long) c.step()));
    return steps.stream().filter(s -> s < until && valueAt(s, base) != other.valueAt(s, otherBase))
        .mapToLong(Long::longValue).min().orElse(-1);
  }

  @Override
  public String toString() {
    return text();
  }
}
