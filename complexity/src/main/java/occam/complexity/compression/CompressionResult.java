package occam.complexity.compression;

import java.util.List;
import occam.complexity.WeightMatrix;

/**
 * Compressed size of a coarse-grained network.
 *
 * @param coarseGraining the ε and κ used
 * @param ranks per matrix: the stored rank r, or 0 when the matrix was stored whole
 * @param rawBytes size of the serialized coarse-grained parameters
 * @param bzip2Bytes size after bzip2
 * @param xzBytes size after xz
 * @param coarseGrained the coarse-grained matrices, in input order (what a loss callback evaluates)
 */
public record CompressionResult(
    CoarseGraining coarseGraining,
    List<Integer> ranks,
    int rawBytes,
    int bzip2Bytes,
    int xzBytes,
    List<WeightMatrix> coarseGrained) {

  /** Copies the lists. */
  public CompressionResult {
    ranks = List.copyOf(ranks);
    coarseGrained = List.copyOf(coarseGrained);
  }

  /**
   * Size with one compressor.
   *
   * @param compressor bzip2 or xz
   * @return the compressed size in bytes
   */
  public int bytes(Compressor compressor) {
    return compressor == Compressor.BZIP2 ? bzip2Bytes : xzBytes;
  }
}
