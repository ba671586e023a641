package occam.transformer.llc;

import java.util.List;
import occam.transformer.NamedTensor;

/**
 * A model's weights at one training step: what the LLC is measured at.
 *
 * @param step updates behind the weights
 * @param tensors the parameters, in {@link occam.transformer.DecoderTransformer#namedParameters()} order
 */
public record Weights(int step, List<NamedTensor> tensors) {
  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if step &lt; 0 or there is no tensor
   */
  public Weights {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + " is not allowed: it must be >= 0");
    }
    tensors = List.copyOf(tensors);
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("weights without any tensor");
    }
  }

  /** @return the number of real parameters d */
  public int dimension() {
    return tensors.stream().mapToInt(NamedTensor::size).sum();
  }

  /** @return all values in order, widened to double */
  public double[] flatten() {
    double[] w = new double[dimension()];
    int at = 0;
    for (NamedTensor t : tensors) {
      for (float x : t.data()) {
        w[at++] = x;
      }
    }
    return w;
  }
}
