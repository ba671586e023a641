package occam.complexity.ctm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Depth-first walk of the tree of partially defined Turing machines of one space; one walker per
 * thread, all state in int and byte arrays.
 *
 * <p>A machine's transition-table entry is chosen only when the simulation first reads it (lazy
 * definition, the standard busy beaver enumeration). At that point the walk branches over the K
 * choices, each child continuing from the parent's configuration (saved in a per-depth frame), so a
 * shared prefix of behaviour is simulated once. A leaf — a halt, the cut-off, or an escape to the
 * blank tape in a loop — with u entries still undefined stands for K^u full machines, all behaving
 * alike. States are introduced in order: a jump to a not-yet-used state is taken once, to the lowest
 * unused label, and weighted by the number of unused labels (relabelling the unused states gives
 * machines with identical runs). The weights therefore sum to K^(nm) exactly.
 */
final class TreeWalker {

  /** A partial transition table from which a walk starts afresh (a unit of parallel work). */
  record Prefix(int[] write, int[] move, int[] next, int introduced, long weight) {}

  private final int n;
  private final int m;
  private final int entries;
  private final int cutoff;
  private final int bitsPerSymbol;
  private final int packedBits;
  private final long[] pow;

  private final int[] write;
  private final int[] move;
  private final int[] next;
  private final byte[] tape;
  private final int origin;

  private int head;
  private int state;
  private int steps;
  private int lo;
  private int hi;
  private int introduced;
  private int defined;

  private final byte[][] frames;

  private int splitAt = Integer.MAX_VALUE;
  private List<Prefix> emitted;

  final LongCounter outputs = new LongCounter();
  final Map<String, Long> longOutputs = new HashMap<>();
  long nonHalting;
  long leaves;
  long transitions;

  /** A walker that packs outputs of up to 62 bits into long keys. */
  TreeWalker(TuringMachineSpace space) {
    this(space, 62);
  }

  /**
   * A walker with a given packing limit (tests lower it to exercise the string path).
   *
   * @param space the machine space
   * @param packedBits outputs of at most this many bits are packed into longs (≤ 62)
   */
  TreeWalker(TuringMachineSpace space, int packedBits) {
    this.packedBits = packedBits;
    n = space.states();
    m = space.symbols();
    entries = space.entries();
    cutoff = space.maxSteps();
    bitsPerSymbol = 32 - Integer.numberOfLeadingZeros(m - 1);
    pow = new long[entries + 1];
    pow[0] = 1;
    for (int u = 1; u <= entries; u++) {
      pow[u] = pow[u - 1] * space.choicesPerEntry();
    }
    write = new int[entries];
    move = new int[entries];
    next = new int[entries];
    int width = 2 * cutoff + 3;
    tape = new byte[width];
    origin = cutoff + 1;
    frames = new byte[entries + 1][width];
  }

  /**
   * Walks the subtree below a prefix, from a blank tape in state 1.
   *
   * @param prefix the partial table and the weight of its subtree
   */
  void walk(Prefix prefix) {
    System.arraycopy(prefix.write(), 0, write, 0, entries);
    System.arraycopy(prefix.move(), 0, move, 0, entries);
    System.arraycopy(prefix.next(), 0, next, 0, entries);
    introduced = prefix.introduced();
    defined = 0;
    for (int x : next) {
      if (x >= 0) {
        defined++;
      }
    }
    head = origin;
    lo = origin;
    hi = origin;
    state = 1;
    steps = 0;
    explore(prefix.weight());
    Arrays.fill(tape, lo, hi + 1, (byte) 0);
  }

  /**
   * Walks below a prefix but stops at the first branching with {@code depth} entries defined, and
   * returns the children there as new prefixes; leaves met earlier are counted by this walker.
   *
   * @param prefix where to start
   * @param depth number of defined entries at which to cut
   * @return the prefixes at the cut
   */
  List<Prefix> split(Prefix prefix, int depth) {
    splitAt = depth;
    emitted = new ArrayList<>();
    try {
      walk(prefix);
      return emitted;
    } finally {
      splitAt = Integer.MAX_VALUE;
      emitted = null;
    }
  }

  /** Runs from the current configuration until a leaf or an undefined entry. */
  private void explore(long weight) {
    final byte[] t = tape;
    int h = head;
    int s = state;
    int st = steps;
    int l = lo;
    int r = hi;
    int start = st;
    while (true) {
      if (st == cutoff) {
        nonHalting += weight * pow[entries - defined];
        break;
      }
      int e = (s - 1) * m + t[h];
      int nx = next[e];
      if (nx < 0) {
        head = h;
        state = s;
        steps = st;
        lo = l;
        hi = r;
        transitions += st - start;
        branch(e, weight);
        return;
      }
      t[h] = (byte) write[e];
      st++;
      if (nx == 0) {
        lo = l;
        hi = r;
        recordHalt(weight * pow[entries - defined]);
        break;
      }
      h += move[e];
      s = nx;
      if (h < l) {
        l = h;
        if (escapes(s, -1)) {
          nonHalting += weight * pow[entries - defined];
          break;
        }
      } else if (h > r) {
        r = h;
        if (escapes(s, 1)) {
          nonHalting += weight * pow[entries - defined];
          break;
        }
      }
    }
    head = h;
    state = s;
    steps = st;
    lo = l;
    hi = r;
    leaves++;
    transitions += st - start;
  }

  /**
   * True if, on a fresh blank cell reached moving in direction {@code dir}, the machine's entry for
   * (state, blank) keeps the state and moves on the same way: it then walks off on blank tape forever.
   */
  private boolean escapes(int s, int dir) {
    int e = (s - 1) * m;
    return next[e] == s && move[e] == dir;
  }

  /** Branches on the undefined entry {@code e} from the current configuration. */
  private void branch(int e, long weight) {
    final int d = defined;
    final int h = head;
    final int s = state;
    final int st = steps;
    final int l = lo;
    final int r = hi;
    final int intro = introduced;
    final byte[] frame = frames[d];
    final int len = r - l + 1;
    System.arraycopy(tape, l, frame, 0, len);
    defined = d + 1;

    long haltWeight = weight * pow[entries - d - 1];
    byte read = tape[h];
    for (int w = 0; w < m; w++) {
      tape[h] = (byte) w;
      recordHalt(haltWeight);
    }
    tape[h] = read;
    leaves += m;

    int maxTarget = Math.min(intro + 1, n);
    for (int target = 1; target <= maxTarget; target++) {
      boolean fresh = target > intro;
      long w8 = fresh ? weight * (n - intro) : weight;
      introduced = fresh ? target : intro;
      next[e] = target;
      for (int w = 0; w < m; w++) {
        write[e] = w;
        for (int dir = -1; dir <= 1; dir += 2) {
          move[e] = dir;
          if (!canHalt(target)) {
            // No halting entry is ever defined inside the tree (choosing one ends the run at once), so a
            // machine that can no longer reach an undefined entry never halts.
            nonHalting += w8 * pow[entries - defined];
            leaves++;
            continue;
          }
          if (defined == splitAt) {
            emitted.add(new Prefix(write.clone(), move.clone(), next.clone(), introduced, w8));
            continue;
          }
          head = h;
          state = s;
          steps = st;
          lo = l;
          hi = r;
          explore(w8);
          if (lo < l) {
            Arrays.fill(tape, lo, l, (byte) 0);
          }
          if (hi > r) {
            Arrays.fill(tape, r + 1, hi + 1, (byte) 0);
          }
          System.arraycopy(frame, 0, tape, l, len);
        }
      }
    }
    next[e] = -1;
    introduced = intro;
    defined = d;
    head = h;
    state = s;
    steps = st;
    lo = l;
    hi = r;
  }

  /**
   * True if an undefined entry is reachable from {@code from} in the state graph of the defined entries
   * (whatever the tape holds): only at an undefined entry can a machine in the tree still halt.
   */
  private boolean canHalt(int from) {
    if (defined == entries) {
      return false;
    }
    int seen = 1 << from;
    int frontier = seen;
    while (frontier != 0) {
      int q = Integer.numberOfTrailingZeros(frontier);
      frontier &= frontier - 1;
      int base = (q - 1) * m;
      for (int a = 0; a < m; a++) {
        int nx = next[base + a];
        if (nx < 0) {
          return true;
        }
        if ((seen & (1 << nx)) == 0) {
          seen |= 1 << nx;
          frontier |= 1 << nx;
        }
      }
    }
    return false;
  }

  /** Counts the tape segment lo..hi as one output with the given number of machines. */
  private void recordHalt(long weight) {
    int len = hi - lo + 1;
    if (len * bitsPerSymbol <= packedBits) {
      long key = 1;
      for (int i = lo; i <= hi; i++) {
        key = (key << bitsPerSymbol) | tape[i];
      }
      outputs.add(key, weight);
    } else {
      char[] c = new char[len];
      for (int i = 0; i < len; i++) {
        c[i] = (char) ('0' + tape[lo + i]);
      }
      longOutputs.merge(new String(c), weight, Long::sum);
    }
  }

  /**
   * Decodes a packed output key (a leading 1 bit, then the symbols) back to its digit string.
   *
   * @param key packed key
   * @return the output string
   */
  String decode(long key) {
    int bits = 63 - Long.numberOfLeadingZeros(key);
    int len = bits / bitsPerSymbol;
    char[] c = new char[len];
    long mask = (1L << bitsPerSymbol) - 1;
    for (int i = len - 1; i >= 0; i--) {
      c[i] = (char) ('0' + (key & mask));
      key >>>= bitsPerSymbol;
    }
    return new String(c);
  }
}
