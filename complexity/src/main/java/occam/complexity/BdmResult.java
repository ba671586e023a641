package occam.complexity;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A BDM estimate with everything needed to reproduce it: the table, alphabet, block shape and
 * boundary policy used.
 *
 * @param bits BDM = Σ over distinct blocks [CTM(block) + log₂(count)], in bits
 * @param normalized (bits − minBits)/(maxBits − minBits), in [0, 1] (NaN when maxBits = minBits)
 * @param minBits the least BDM any input of the same size, alphabet and block shape can have
 * @param maxBits the largest BDM any such input can have
 * @param blocks number of blocks counted
 * @param distinctBlocks number of distinct blocks
 * @param table name of the CTM table
 * @param alphabet alphabet size b
 * @param blockShape block shape label ("12" for 1D blocks over the row-major sequence, "4x4" for 2D)
 * @param boundary boundary policy
 * @param blocksByShape blocks counted per shape label (several shapes only with {@link
 *     Boundary#RECURSIVE})
 */
public record BdmResult(
    double bits,
    double normalized,
    double minBits,
    double maxBits,
    long blocks,
    long distinctBlocks,
    String table,
    int alphabet,
    String blockShape,
    Boundary boundary,
    Map<String, Long> blocksByShape) {

  /** Copies the per-shape counts. */
  public BdmResult {
    blocksByShape = Collections.unmodifiableMap(new TreeMap<>(blocksByShape));
  }

  /**
   * One line naming the value and the configuration.
   *
   * @return e.g. "BDM 153.2 bits (normalized 0.41), table ctm-own-b2-d12, alphabet 2, blocks 12,
   *     boundary ignore, 21 blocks (17 distinct)"
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "BDM %.6f bits (normalized %.6f), table %s, alphabet %d, blocks %s, boundary %s, %d blocks"
            + " (%d distinct)",
        bits,
        normalized,
        table,
        alphabet,
        blockShape,
        boundary.name().toLowerCase(Locale.ROOT),
        blocks,
        distinctBlocks);
  }
}
