package occam.complexity.compression;

/**
 * The two-part code length of a training set under a coarse-grained model (seed 002, Eq. 1 and §3: the
 * MDL total whose minimum the generalization bound of Eq. 4 favours): the data's entropy under the
 * model, H(D | θ̃) = n·L(θ̃)/ln 2 bits for a mean cross-entropy L in nats over n samples, plus the
 * model's complexity K(θ̃), bounded above by its compressed size.
 *
 * @param dataBits n·L(θ̃)/ln 2, the bits to encode the training labels with the model
 * @param modelBits the compressed size of the coarse-grained model in bits
 */
public record DescriptionLength(double dataBits, double modelBits) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if either part is negative or NaN
   */
  public DescriptionLength {
    if (!(dataBits >= 0) || !(modelBits >= 0)) {
      throw new IllegalArgumentException(
          "description length parts " + dataBits + " and " + modelBits + " are not allowed: need >= 0");
    }
  }

  /**
   * The code length of n samples under a model of a given compressed size.
   *
   * @param samples n ≥ 1
   * @param meanLossNats L(θ̃), the mean cross-entropy per sample in nats, ≥ 0
   * @param modelBytes compressed size of θ̃ in bytes
   * @return the two parts
   * @throws IllegalArgumentException if n &lt; 1 or a part is negative
   */
  public static DescriptionLength of(int samples, double meanLossNats, int modelBytes) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples " + samples + " is not allowed: need >= 1");
    }
    return new DescriptionLength(samples * meanLossNats / Math.log(2), 8.0 * modelBytes);
  }

  /** @return H(D | θ̃) + K(θ̃) in bits */
  public double totalBits() {
    return dataBits + modelBits;
  }
}
