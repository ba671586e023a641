package occam.complexity.compression;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import occam.complexity.WeightMatrix;

/**
 * Compressed size of a coarse-grained network.
 *
 * @param coarseGraining the ε and κ used
 * @param ranks per matrix: the stored rank r, or 0 when the matrix was stored whole
 * @param rawBytes size of the serialized coarse-grained parameters
 * @param compressedBytes size after each compressor that was run
 * @param coarseGrained the coarse-grained matrices, in input order (what a loss callback evaluates)
 */
public record CompressionResult(
    CoarseGraining coarseGraining,
    List<Integer> ranks,
    int rawBytes,
    Map<Compressor, Integer> compressedBytes,
    List<WeightMatrix> coarseGrained) {

  /** Copies the collections. */
  public CompressionResult {
    ranks = List.copyOf(ranks);
    compressedBytes = Map.copyOf(new EnumMap<>(compressedBytes));
    coarseGrained = List.copyOf(coarseGrained);
  }

  /**
   * Size with one compressor.
   *
   * @param compressor one that was run
   * @return the compressed size in bytes
   * @throws IllegalArgumentException if that compressor was not run
   */
  public int bytes(Compressor compressor) {
    Integer b = compressedBytes.get(compressor);
    if (b == null) {
      throw new IllegalArgumentException(compressor + " was not run on this coarse-graining");
    }
    return b;
  }

  /** @return the size after bzip2 */
  public int bzip2Bytes() {
    return bytes(Compressor.BZIP2);
  }

  /** @return the size after xz */
  public int xzBytes() {
    return bytes(Compressor.XZ);
  }
}
