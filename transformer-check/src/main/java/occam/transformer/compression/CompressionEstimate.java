package occam.transformer.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import occam.complexity.compression.Compressor;
import occam.complexity.compression.DescriptionLength;
import occam.complexity.compression.LossBoundedSearch;

/**
 * A network's compression complexity at a loss bound δ, with everything one search found (seed 002,
 * §3.1 and Algorithm 1).
 *
 * @param delta the bound δ &gt; 0 on L(θ̃) − L(θ), nats
 * @param samples n, the training set size
 * @param naiveBytes bzip2 size of the float32 weights as they are, the seed's "naïve" baseline
 * @param outcome every coarse-graining tried, its loss and compressed sizes
 */
public record CompressionEstimate(double delta, int samples, int naiveBytes, LossBoundedSearch.Outcome outcome) {

  /**
   * One point of the rate–distortion curve: the most compressed description within δ.
   *
   * @param delta the bound, nats
   * @param bits its bzip2 size in bits, NaN if no coarse-graining of the grid is within δ
   * @param loss its training loss L(θ̃), NaN if none
   * @param epsilon its bin width, NaN if none
   * @param kappa its rank threshold, NaN if none
   */
  public record RatePoint(double delta, double bits, double loss, double epsilon, double kappa) {}

  /** @return the base loss L(θ) of the weights as they are */
  public double baseLoss() {
    return outcome.baseLoss();
  }

  /** @return the winning description at δ, empty if none of the grid is within δ */
  public Optional<LossBoundedSearch.Point> best() {
    return outcome.best();
  }

  /** @return its bzip2 size in bits (an upper bound on K(θ̃)), NaN if none is within δ */
  public double bits() {
    return at(delta).bits();
  }

  /** @return the bzip2 size of the raw float32 weights in bits */
  public double naiveBits() {
    return 8.0 * naiveBytes;
  }

  /** @return H(D | θ̃) + K(θ̃) of the winning description, empty if none is within δ */
  public Optional<DescriptionLength> descriptionLength() {
    return best().map(p -> DescriptionLength.of(samples, p.loss(), p.result().bytes(Compressor.BZIP2)));
  }

  /**
   * The rate–distortion point at another bound, from the same search.
   *
   * @param bound δ' ≥ 0
   * @return the most compressed description within δ'
   */
  public RatePoint at(double bound) {
    return outcome.bestWithin(bound)
        .map(p -> new RatePoint(bound, 8.0 * p.result().bytes(Compressor.BZIP2), p.loss(),
            p.result().coarseGraining().epsilon(), p.result().coarseGraining().kappa()))
        .orElse(new RatePoint(bound, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
  }

  /**
   * The rate–distortion curve over bounds: non-increasing in δ by construction (a larger bound admits a
   * superset of the grid).
   *
   * @param bounds the bounds δ'
   * @return one point per bound, in order
   */
  public List<RatePoint> curve(double[] bounds) {
    List<RatePoint> out = new ArrayList<>();
    for (double b : bounds) {
      out.add(at(b));
    }
    return out;
  }
}
