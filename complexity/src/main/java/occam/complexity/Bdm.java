package occam.complexity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Block Decomposition Method (Zenil et al. 2018, Entropy 20(8):605, Eq. 8): split a symbol matrix into
 * blocks, look each block's canonical key up in a CTM table, and add
 *
 * <pre>BDM = Σ over distinct blocks b [CTM(b) + log₂ n_b]</pre>
 *
 * with n_b the number of times block b occurs. As in pybdm, blocks are distinct as they stand (0000
 * and 1111 are two blocks) while the lookup uses the canonical key (both cost CTM(0000)); a key missing
 * from the table costs the shape's maximum + 1.
 *
 * <p>1D block shapes run over the matrix's row-major sequence; 2D shapes tile it from the top-left
 * corner. Leftover parts are handled by the {@link Boundary} policy.
 *
 * <p>Normalized BDM (pybdm's {@code nbdm}): (BDM − min)/(max − min), where for the block counts of
 * each shape produced by a matrix of this size, min puts every block on the table's simplest key (min
 * CTM + log₂ n) and max fills the blocks with the most complex possible distinct blocks: blocks missing
 * from the table first (they cost max + 1), then the table's keys by decreasing CTM, each key standing
 * for its b!/(b−k)! relabellings (k distinct symbols); when there are more blocks than possible
 * distinct blocks, they cycle and the repeats add log₂ of their counts. With a table that lists every
 * key (the published binary tables) this is exactly pybdm 0.1's rule; with an incomplete table it also
 * counts the missing blocks, so that the normalized value stays within [0, 1].
 */
public final class Bdm {

  private final CtmTable table;
  private final BlockShape shape;
  private final int alphabet;
  private final Boundary boundary;
  private final Map<BlockShape, Profile> profiles = new ConcurrentHashMap<>();

  private Bdm(CtmTable table, BlockShape shape, int alphabet, Boundary boundary) {
    this.table = table;
    this.shape = shape;
    this.alphabet = alphabet;
    this.boundary = boundary;
  }

  /**
   * Configures a BDM estimator.
   *
   * @param table CTM table; must list {@code shape}
   * @param shape block shape
   * @param alphabet b, 2 up to the table's alphabet
   * @param boundary what to do with incomplete blocks
   * @return the estimator
   * @throws IllegalArgumentException if the table lacks the shape or the alphabet is out of range
   */
  public static Bdm of(CtmTable table, BlockShape shape, int alphabet, Boundary boundary) {
    if (alphabet < 2 || alphabet > table.alphabet()) {
      throw new IllegalArgumentException(
          "alphabet " + alphabet + " is not allowed with table " + table.name() + ": need 2 to "
              + table.alphabet());
    }
    table.minValue(shape); // fails fast if the shape is not listed
    return new Bdm(table, shape, alphabet, boundary);
  }

  /**
   * The table used.
   *
   * @return the table
   */
  public CtmTable table() {
    return table;
  }

  /**
   * The block shape used.
   *
   * @return the shape
   */
  public BlockShape shape() {
    return shape;
  }

  /**
   * The alphabet size used.
   *
   * @return b
   */
  public int alphabet() {
    return alphabet;
  }

  /**
   * BDM of one matrix.
   *
   * @param x symbols 0..b−1
   * @return the estimate
   * @throws IllegalArgumentException if a symbol is ≥ b, the block is larger than the matrix, or the
   *     recursive boundary needs a block shape the table does not list
   */
  public BdmResult value(SymbolMatrix x) {
    return value(List.of(x));
  }

  /**
   * BDM of several matrices (e.g. the layers of a network), K = Σ_l Σ_b [CTM(b) + log₂ n_b] with
   * blocks counted per matrix (the paper's global BDM); min and max add up likewise.
   *
   * @param matrices the matrices, at least one
   * @return the summed estimate
   * @throws IllegalArgumentException as for {@link #value(SymbolMatrix)}, or if the list is empty
   */
  public BdmResult value(List<SymbolMatrix> matrices) {
    if (matrices.isEmpty()) {
      throw new IllegalArgumentException("BDM needs at least one matrix");
    }
    double bits = 0;
    double min = 0;
    double max = 0;
    long blocks = 0;
    long distinct = 0;
    Map<String, Long> byShape = new HashMap<>();
    for (SymbolMatrix x : matrices) {
      Map<BlockShape, Map<String, int[]>> counts = decompose(x);
      for (Map.Entry<BlockShape, Map<String, int[]>> e : counts.entrySet()) {
        BlockShape s = e.getKey();
        long n = 0;
        for (Map.Entry<String, int[]> b : e.getValue().entrySet()) {
          int c = b.getValue()[0];
          bits += table.value(s, CanonicalKey.of(b.getKey())) + log2(c);
          n += c;
        }
        Profile p = profile(s);
        min += p.min(n);
        max += p.max(n);
        blocks += n;
        distinct += e.getValue().size();
        byShape.merge(s.label(), n, Long::sum);
      }
    }
    double normalized = max > min ? (bits - min) / (max - min) : Double.NaN;
    return new BdmResult(
        bits, normalized, min, max, blocks, distinct, table.name(), alphabet, shape.label(), boundary,
        byShape);
  }

  private Map<BlockShape, Map<String, int[]>> decompose(SymbolMatrix x) {
    if (x.maxSymbol() >= alphabet) {
      throw new IllegalArgumentException(
          "symbol " + x.maxSymbol() + " is not allowed with alphabet " + alphabet + ": use 0.."
              + (alphabet - 1));
    }
    Map<BlockShape, Map<String, int[]>> counts = new HashMap<>();
    if (shape.twoDimensional()) {
      if (shape.rows() > x.rows() || shape.cols() > x.cols()) {
        throw new IllegalArgumentException(
            "block " + shape + " is larger than the " + x.rows() + "x" + x.cols() + " matrix");
      }
      tile(x, 0, 0, x.rows(), x.cols(), shape.rows(), shape.cols(), counts);
    } else {
      int n = x.rows() * x.cols();
      if (shape.cols() > n) {
        throw new IllegalArgumentException(
            "block " + shape + " is longer than the " + n + " symbols of the matrix");
      }
      byte[] seq = x.symbols();
      int len = shape.cols();
      int i = 0;
      for (; i + len <= n; i += len) {
        count(counts, shape, digits(seq, i, len));
      }
      int rest = n - i;
      if (boundary == Boundary.RECURSIVE && rest >= Boundary.RECURSIVE_MIN_LENGTH) {
        count(counts, BlockShape.ofLength(rest), digits(seq, i, rest));
      }
    }
    for (BlockShape s : counts.keySet()) {
      if (!table.shapes().contains(s)) {
        throw new IllegalArgumentException(
            "the recursive boundary needs blocks of shape " + s + ", which table " + table.name()
                + " does not list");
      }
    }
    return counts;
  }

  /** Tiles the part [r0, r0+h) × [c0, c0+w) with br × bc blocks (pybdm's partition, recursive). */
  private void tile(
      SymbolMatrix x, int r0, int c0, int h, int w, int br, int bc,
      Map<BlockShape, Map<String, int[]>> counts) {
    BlockShape s = BlockShape.of(br, bc);
    for (int r = r0; r < r0 + h; r += br) {
      for (int c = c0; c < c0 + w; c += bc) {
        int ph = Math.min(br, r0 + h - r);
        int pw = Math.min(bc, c0 + w - c);
        if (ph == br && pw == bc) {
          char[] key = new char[br * bc];
          for (int i = 0; i < br; i++) {
            for (int j = 0; j < bc; j++) {
              key[i * bc + j] = (char) ('0' + x.get(r + i, c + j));
            }
          }
          count(counts, s, new String(key));
        } else if (boundary == Boundary.RECURSIVE) {
          int side = Math.min(ph, pw);
          if (side >= Boundary.RECURSIVE_MIN_LENGTH) {
            tile(x, r, c, ph, pw, side, side, counts);
          }
        }
      }
    }
  }

  private static String digits(byte[] seq, int from, int len) {
    char[] key = new char[len];
    for (int i = 0; i < len; i++) {
      key[i] = (char) ('0' + seq[from + i]);
    }
    return new String(key);
  }

  private static void count(Map<BlockShape, Map<String, int[]>> counts, BlockShape s, String key) {
    counts.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(key, k -> new int[1])[0]++;
  }

  private Profile profile(BlockShape s) {
    return profiles.computeIfAbsent(s, this::buildProfile);
  }

  /**
   * The possible distinct blocks of a shape over the alphabet, most complex first: cost and number of
   * raw blocks per group (missing blocks first, then table keys by decreasing CTM).
   */
  private Profile buildProfile(BlockShape s) {
    List<Map.Entry<String, Double>> keys = new ArrayList<>(table.entries(s).entrySet());
    keys.removeIf(e -> CanonicalKey.symbolCount(e.getKey()) > alphabet);
    keys.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    long total = 1;
    for (int i = 0; i < s.cells(); i++) {
      total = total > Long.MAX_VALUE / alphabet ? Long.MAX_VALUE : total * alphabet;
    }
    double[] cost = new double[keys.size() + 1];
    long[] mult = new long[keys.size() + 1];
    long listed = 0;
    for (int i = 0; i < keys.size(); i++) {
      cost[i + 1] = keys.get(i).getValue();
      mult[i + 1] = CanonicalKey.variants(alphabet, CanonicalKey.symbolCount(keys.get(i).getKey()));
      listed += mult[i + 1];
    }
    cost[0] = table.missingValue(s);
    mult[0] = total == Long.MAX_VALUE ? Long.MAX_VALUE : total - listed;
    return new Profile(cost, mult, total, cost[cost.length - 1]);
  }

  /** Sorted block costs of one shape; see {@link Bdm} for the min and max rules. */
  private record Profile(double[] cost, long[] mult, long total, double simplest) {

    double min(long n) {
      return simplest + log2(n);
    }

    double max(long n) {
      if (n <= total) {
        double sum = 0;
        long left = n;
        for (int i = 0; i < cost.length && left > 0; i++) {
          long take = Math.min(left, mult[i]);
          sum += take * cost[i];
          left -= take;
        }
        return sum;
      }
      double all = 0;
      for (int i = 0; i < cost.length; i++) {
        all += mult[i] * cost[i];
      }
      long q = n / total;
      long rem = n % total;
      return all + rem * log2(q + 1) + (total - rem) * log2(q);
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
