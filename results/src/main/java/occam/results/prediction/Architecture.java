package occam.results.prediction;

import occam.transformer.records.ModelConfig;

/**
 * The transformer's shape, as far as a prediction's calibrated range is concerned.
 *
 * @param layers L ≥ 1
 * @param dModel d ≥ 1
 * @param heads H ≥ 1
 * @param dMlp MLP width ≥ 1
 */
public record Architecture(int layers, int dModel, int heads, int dMlp) {

  /**
   * Validates the shape.
   *
   * @throws IllegalArgumentException if a size is below 1
   */
  public Architecture {
    if (layers < 1 || dModel < 1 || heads < 1 || dMlp < 1) {
      throw new IllegalArgumentException("architecture " + this + " is not allowed: every size must be >= 1");
    }
  }

  /**
   * The shape of a run's model.
   *
   * @param m the model
   * @return its shape
   */
  public static Architecture of(ModelConfig m) {
    return new Architecture(m.layers(), m.dModel(), m.heads(), m.dMlp());
  }

  @Override
  public String toString() {
    return "layers " + layers + ", d_model " + dModel + ", heads " + heads + ", d_mlp " + dMlp;
  }
}
