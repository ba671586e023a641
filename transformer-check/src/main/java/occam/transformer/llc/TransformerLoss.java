package occam.transformer.llc;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import occam.transformer.AdamW;
import occam.transformer.CrossEntropy;
import occam.transformer.DecoderTransformer;
import occam.transformer.Examples;
import occam.transformer.ModularSequences;
import occam.transformer.NamedTensor;
import occam.transformer.records.TrainingConfig;
import occam.theory.llc.SampleLoss;

/**
 * A run's training loss as a {@link SampleLoss} for the LLC estimator: L_n(θ) = −(1/n)·Σ_{i∈S} log
 * softmax(z_i(θ))_{c_i}, the mean cross-entropy at the last position over the training set (the loss
 * training minimized, without weight decay, which is a prior and not part of the likelihood), and its
 * gradient by DJL autograd, as {@code TrainingLoop} takes it (loss and ∂L/∂z in float64, backpropagated
 * through the float32 model as the surrogate Σ z ⊙ ∂L/∂z).
 *
 * <p>θ is the concatenation of the parameters in {@link DecoderTransformer#namedParameters()} order
 * (the {@link Weights#flatten()} layout), rounded to float32 when set into the model. Each evaluation
 * copies θ in and the gradient out: O(d) on top of one forward and backward pass.
 *
 * <p>Not thread-safe. Close it to free the model's native memory.
 */
public final class TransformerLoss implements SampleLoss, AutoCloseable {
  private final Engine engine;
  private final NDManager manager;
  private final DecoderTransformer model;
  private final ParameterStore store;
  private final List<Parameter> parameters;
  private final Examples train;
  private final int d;
  private final int classes;

  private TransformerLoss(TrainingConfig config, Engine engine, Device device) {
    this.engine = engine;
    this.manager = engine.newBaseManager(device);
    this.model = DecoderTransformer.create(config.model(), config.seed(), manager);
    this.store = new ParameterStore(manager, false);
    this.parameters = new ArrayList<>(model.namedParameters().values());
    ModularSequences data = ModularSequences.of(config.split());
    this.train = Examples.of(manager, data, data.trainCells());
    this.classes = config.task().p();
    this.d = parameters.stream().mapToInt(p -> Math.toIntExact(p.getArray().size())).sum();
  }

  /**
   * The training loss of a run's configuration, on a fresh model.
   *
   * @param config the run (task, split, architecture)
   * @param engine the DJL engine
   * @param device where the model lives
   * @return the loss; close it when done
   */
  public static TransformerLoss of(TrainingConfig config, Engine engine, Device device) {
    return new TransformerLoss(config, engine, device);
  }

  /**
   * Checks that weights fit this model, tensor by tensor.
   *
   * @param weights the weights
   * @return them, flattened
   * @throws IllegalArgumentException if a tensor's size differs from the model's or the counts differ
   */
  public double[] coordinates(Weights weights) {
    List<NamedTensor> t = weights.tensors();
    if (t.size() != parameters.size()) {
      throw new IllegalArgumentException(
          "the weights hold " + t.size() + " tensors, the model " + parameters.size());
    }
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).size() != parameters.get(i).getArray().size()) {
        throw new IllegalArgumentException("tensor " + t.get(i).name() + " does not fit this model");
      }
    }
    return weights.flatten();
  }

  @Override
  public int samples() {
    return train.size();
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient) {
    return evaluate(w, gradient, train.tokenArray(), train.oneHot());
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient, int[] rows) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray[] batch = train.batch(scratch, rows, classes);
      return evaluate(w, gradient, batch[0], batch[1]);
    }
  }

  /** L_n(w) by one forward pass, without the backward pass the gradient would cost. */
  @Override
  public double value(double[] w) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      set(w);
      NDArray logits = model.forward(store, new NDList(train.tokenArray()), false).singletonOrThrow();
      return -CrossEntropy.logLikelihood(logits, train.oneHot()).mean().getDouble();
    }
  }

  private double evaluate(double[] w, double[] gradient, NDArray batchTokens, NDArray batchOneHot) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      set(w);
      double loss;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray logits = model.forward(store, new NDList(batchTokens), true).singletonOrThrow();
        loss = -CrossEntropy.logLikelihood(logits, batchOneHot).mean().getDouble();
        collector.backward(logits.mul(CrossEntropy.gradient(logits, batchOneHot)).sum());
      }
      int at = 0;
      for (Parameter p : parameters) {
        NDArray g = p.getArray().getGradient();
        float[] values = g.toFloatArray();
        for (float v : values) {
          gradient[at++] = v;
        }
        g.muli(0);
      }
      return loss;
    }
  }

  private void set(double[] w) {
    int at = 0;
    for (Parameter p : parameters) {
      NDArray array = p.getArray();
      float[] values = new float[Math.toIntExact(array.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) w[at++];
      }
      AdamW.assign(array, values);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
