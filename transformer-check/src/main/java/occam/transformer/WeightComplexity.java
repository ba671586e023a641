package occam.transformer;

import java.util.List;

/**
 * Hook for an algorithmic-complexity estimate of the weights (SPEC §5–§6: BDM of the quantized
 * weight tensors), logged as {@code complexity} at every log step. The training loop does not know
 * how the estimate is made; the {@code complexity} module's BDM plugs in here.
 */
@FunctionalInterface
public interface WeightComplexity {

  /** Measures nothing: every value is NaN (logged as null). */
  WeightComplexity NONE =
      new WeightComplexity() {
        @Override
        public double bits(List<NamedTensor> weights) {
          return Double.NaN;
        }

        @Override
        public String description() {
          return "none";
        }
      };

  /**
   * Estimates the complexity of a model's weights.
   *
   * @param weights every parameter of the model under its canonical name, in {@link
   *     DecoderTransformer#namedParameters()} order (an implementation may skip vectors)
   * @return the estimate in bits, or NaN when not measured
   */
  double bits(List<NamedTensor> weights);

  /** @return what is measured, for the run summary (e.g. the CTM table and block shape) */
  default String description() {
    return getClass().getName();
  }
}
