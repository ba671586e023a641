package occam.complexity.ctm;

/**
 * The space (n, m) of Turing machines of the Coding Theorem Method, with the runtime cut-off used to
 * call a machine non-halting (Delahaye and Zenil 2012; Soler-Toscano, Zenil, Delahaye and Gauvrit 2014,
 * PLoS ONE 9(5): e96223, the "Busy Beaver" formalism).
 *
 * <p>Legend: n working states 1..n plus one halting state 0; m tape symbols 0..m−1, 0 the blank; a
 * two-way infinite tape, blank at the start; the machine starts in state 1. Each of the n·m entries
 * (state, read symbol) of the transition table holds either (write, move L or R, next state 1..n) —
 * 2·n·m choices — or (write, halt) without a move — m choices. So K = 2nm + m choices per entry and
 * K^(nm) machines: 36, 10 000, 7 529 536 and 11 019 960 576 for n = 1..4, m = 2 (OEIS A141474).
 *
 * @param states n, the number of working states (at least 1)
 * @param symbols m, the number of tape symbols (2 to 10: outputs are written as digit strings)
 * @param maxSteps runtime cut-off: a machine that has made this many transitions without halting is
 *     counted as non-halting; exact when it is at least the busy beaver step count S(n, m)
 */
public record TuringMachineSpace(int states, int symbols, int maxSteps) {

  /** Largest supported alphabet: output strings are written with the digits 0–9. */
  public static final int MAX_SYMBOLS = 10;

  /**
   * Validates the space.
   *
   * @throws IllegalArgumentException if a parameter is out of range or K^(nm) does not fit in a long
   */
  public TuringMachineSpace {
    if (states < 1) {
      throw new IllegalArgumentException("states " + states + " is not allowed: need at least 1");
    }
    if (symbols < 2 || symbols > MAX_SYMBOLS) {
      throw new IllegalArgumentException(
          "symbols " + symbols + " is not allowed: need 2 to " + MAX_SYMBOLS);
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps " + maxSteps + " is not allowed: need at least 1");
    }
    machineCount(states, symbols);
  }

  /**
   * The space with the busy beaver cut-off S(n) (exact), for m = 2 and n ≤ 4.
   *
   * @param states n, 1 to 4
   * @return the space (n, 2) with maxSteps = S(n)
   * @throws IllegalArgumentException if S(n) is not tabulated (see {@link BusyBeaver#steps(int)})
   */
  public static TuringMachineSpace binary(int states) {
    return new TuringMachineSpace(states, 2, BusyBeaver.steps(states));
  }

  /**
   * Choices per transition-table entry, K = 2nm + m.
   *
   * @return K
   */
  public int choicesPerEntry() {
    return 2 * states * symbols + symbols;
  }

  /**
   * Number of entries of the transition table, n·m.
   *
   * @return n·m
   */
  public int entries() {
    return states * symbols;
  }

  /**
   * Number of machines in the space, K^(nm).
   *
   * @return K^(nm)
   */
  public long machineCount() {
    return machineCount(states, symbols);
  }

  private static long machineCount(int n, int m) {
    long k = 2L * n * m + m;
    long count = 1;
    for (int i = 0; i < n * m; i++) {
      if (count > Long.MAX_VALUE / k) {
        throw new IllegalArgumentException(
            "the space (" + n + "," + m + ") has more than 2^63 machines: not supported");
      }
      count *= k;
    }
    return count;
  }

  /**
   * A short label, {@code (n,m)}.
   *
   * @return the label
   */
  public String label() {
    return "(" + states + "," + symbols + ")";
  }
}
