package occam.complexity.ctm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Test reference: runs every one of the K^(nm) machines of a space one by one, with no reduction at
 * all, and counts outputs. Independent of {@link TreeWalker} on purpose (plain decoding of the machine
 * index, plain simulation, no symmetry, no escape test).
 */
final class BruteForce {

  /** Number of halting machines per output, and the non-halting count under key "". */
  static Map<String, Long> counts(TuringMachineSpace space) {
    int m = space.symbols();
    int entries = space.entries();
    int k = space.choicesPerEntry();
    int[] choice = new int[entries];
    int[] tape = new int[2 * space.maxSteps() + 3];
    Map<String, Long> counts = new HashMap<>();
    for (long index = 0; index < space.machineCount(); index++) {
      long x = index;
      for (int e = 0; e < entries; e++) {
        choice[e] = (int) (x % k);
        x /= k;
      }
      Arrays.fill(tape, 0);
      int head = space.maxSteps() + 1;
      int lo = head;
      int hi = head;
      int state = 1;
      String output = "";
      for (int step = 0; step < space.maxSteps(); step++) {
        int c = choice[(state - 1) * m + tape[head]];
        if (c < m) { // halting choices first: write c, halt
          tape[head] = c;
          StringBuilder sb = new StringBuilder();
          for (int i = lo; i <= hi; i++) {
            sb.append(tape[i]);
          }
          output = sb.toString();
          break;
        }
        c -= m; // then (write, move, next state) in mixed radix
        tape[head] = c % m;
        c /= m;
        head += (c % 2 == 0) ? -1 : 1;
        state = c / 2 + 1;
        lo = Math.min(lo, head);
        hi = Math.max(hi, head);
      }
      counts.merge(output, 1L, Long::sum);
    }
    return counts;
  }

  private BruteForce() {}
}
