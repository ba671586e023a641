package occam.transformer;

import java.util.LinkedHashMap;
import java.util.Map;
import occam.fourier.SpectralConcentration;
import occam.modular.ModularTask;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;

/**
 * The measurement behind each line of {@code metrics.jsonl} ({@link StepMetrics}): scores, ‖θ‖₂, the
 * embedding and 2D logit spectra's concentration, the {@link WeightComplexity} estimate and, every
 * {@link TrainingConfig#rankEvery()} steps, the effective rank of every matrix. Runs every {@link
 * TrainingConfig#logEvery()} steps and at the final step.
 */
public final class MetricsLine implements Measurement<StepMetrics> {
  /** Name of this measurement. */
  public static final String NAME = "metrics";

  private final int d;
  private final ModularTask task;
  private final Schedule schedule;
  private final Schedule ranks;
  private final WeightComplexity complexity;

  /**
   * The metrics line of a run.
   *
   * @param config the run (task, d_model, log and rank intervals)
   * @param complexity the complexity estimate ({@link WeightComplexity#NONE} for none)
   */
  public MetricsLine(TrainingConfig config, WeightComplexity complexity) {
    this.d = config.model().dModel();
    this.task = config.task();
    this.schedule = new Schedule(config.logEvery(), true);
    this.ranks = config.rankEvery() == 0 ? schedule : new Schedule(config.rankEvery());
    this.complexity = complexity;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Schedule schedule() {
    return schedule;
  }

  @Override
  public StepMetrics measure(ModelState state) {
    boolean withRanks = ranks.isDue(state.step(), state.isFinal());
    double sumSq = 0;
    Map<String, Double> effectiveRanks = new LinkedHashMap<>();
    float[] embedding = null;
    for (NamedTensor t : state.parameters()) {
      for (float x : t.data()) {
        sumSq += (double) x * x;
      }
      if (withRanks && t.isMatrix()) {
        effectiveRanks.put(t.name(), EffectiveRank.value(t));
      }
      if (t.name().equals("embed.W_E")) {
        embedding = t.data();
      }
    }
    SpectralConcentration embed = SpectralConcentration.orNaN(EmbeddingSpectrum.power(embedding, d, task));
    double[] logitPower = LogitSpectrum2d.power(state.logitTable(), task);
    SpectralConcentration logit2d = SpectralConcentration.orNaN(logitPower);
    Scores train = state.train();
    Scores test = state.test();
    return new StepMetrics(state.step(), train.loss(), train.accuracy(), test.loss(), test.accuracy(),
        Math.sqrt(sumSq), embed.gini(), embed.ipr(), logit2d.gini(), logit2d.ipr(),
        LogitSpectrum2d.sigmaMass(logitPower, task), complexity.bits(state.parameters()), effectiveRanks,
        state.elapsedSeconds(), state.edge());
  }

  /** @return what the complexity estimate measures, for the summary */
  public String complexity() {
    return complexity.description();
  }
}
