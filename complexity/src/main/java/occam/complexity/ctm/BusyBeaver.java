package occam.complexity.ctm;

/**
 * Busy beaver step counts S(n) for 2-symbol machines: the most transitions (the halting one included)
 * that a halting n-state machine makes from a blank tape. Any machine of (n, 2) still running after S(n)
 * transitions never halts, so S(n) is an exact runtime cut-off for the Coding Theorem Method.
 *
 * <p>Our halting transitions write without moving; a move on halting does not change the step count,
 * so the classical values apply.
 */
public final class BusyBeaver {

  /**
   * S(1) = 1, S(2) = 6, S(3) = 21 (Lin and Radó 1965, "Computer studies of Turing machine problems",
   * J. ACM 12), S(4) = 107 (Brady 1983, "The determination of the value of Radó's noncomputable function
   * Σ(k) for four-state Turing machines", Math. Comp. 40).
   */
  private static final int[] STEPS = {0, 1, 6, 21, 107};

  private BusyBeaver() {}

  /**
   * S(n) for 2-symbol machines.
   *
   * @param states n, 1 to 4
   * @return S(n)
   * @throws IllegalArgumentException if n is outside 1..4 (S(5) = 47 176 870 is known but far too large
   *     for enumeration; give an explicit cut-off, e.g. 500 as Soler-Toscano et al. 2014 did for (5,2))
   */
  public static int steps(int states) {
    if (states < 1 || states >= STEPS.length) {
      throw new IllegalArgumentException(
          "no tabulated busy beaver step count for " + states + " states: tabulated for 1 to "
              + (STEPS.length - 1) + "; give an explicit cut-off");
    }
    return STEPS[states];
  }
}
