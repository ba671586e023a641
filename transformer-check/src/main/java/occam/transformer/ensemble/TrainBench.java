package occam.transformer.ensemble;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import occam.transformer.Djl;
import occam.transformer.MetricsLine;
import occam.transformer.ModelState;
import occam.transformer.Scores;
import occam.transformer.WeightComplexity;
import occam.transformer.records.Preset;
import occam.transformer.records.TrainingConfig;

/**
 * What {@code occam bench train} measures, in one process (plus child processes for one model per
 * process): models·steps/s of ensembles of the quick preset ({@link EnsembleBench}, GATHER layout)
 * for each thread count and K; the same work as one model per process, alone and side by side; the
 * nanda preset's single-model step as a fraction of the 1024² matmul rate; and a step's breakdown.
 */
public final class TrainBench {
  /**
   * One ensemble cell.
   *
   * @param threads PyTorch intra-op threads
   * @param members K
   * @param modelStepsPerSecond models·steps per second
   * @param modelGflops model GFLOP/s ({@link ModelFlops})
   * @param matmulGflops the 1024² float32 matmul's GFLOP/s at the same thread count
   * @param ratio modelGflops / matmulGflops
   * @param forwardMs forward pass and loss gradient, per ensemble step
   * @param backwardMs backward pass, per ensemble step
   * @param optimizerMs AdamW update of all members, per ensemble step
   * @param measurementMs the metrics lines of all members, amortized over the quick preset's log interval
   */
  public record EnsembleCell(int threads, int members, double modelStepsPerSecond, double modelGflops,
      double matmulGflops, double ratio, double forwardMs, double backwardMs, double optimizerMs, double measurementMs) {}

  /**
   * Single models, one per process.
   *
   * @param threads PyTorch intra-op threads of each process
   * @param processes processes running at once (1: this process)
   * @param modelStepsPerSecond the processes' steps per second, summed
   */
  public record ProcessCell(int threads, int processes, double modelStepsPerSecond) {}

  /**
   * The nanda preset's single-model full-batch step.
   *
   * @param threads PyTorch intra-op threads
   * @param stepsPerSecond steps per second
   * @param modelGflops model GFLOP/s
   * @param matmulGflops the matmul's GFLOP/s at the same thread count
   * @param ratio modelGflops / matmulGflops
   */
  public record NandaCell(int threads, double stepsPerSecond, double modelGflops, double matmulGflops, double ratio) {}

  /**
   * The whole benchmark.
   *
   * @param cores available processors
   * @param loadBefore 1-minute load average before
   * @param loadAfter 1-minute load average after
   * @param secondsPerCell timed seconds per cell
   * @param defaultEnsemble the default K on this machine ({@link EnsemblePlan#defaultSize})
   * @param ensembles ensemble cells
   * @param processes one-model-per-process cells
   * @param nanda nanda cells
   */
  public record Report(int cores, double loadBefore, double loadAfter, double secondsPerCell, int defaultEnsemble,
      List<EnsembleCell> ensembles, List<ProcessCell> processes, List<NandaCell> nanda) {

    /**
     * The fastest thread count for an ensemble size.
     *
     * @param members K
     * @return its cell with the most models·steps/s, if measured
     */
    public java.util.Optional<EnsembleCell> fastest(int members) {
      return ensembles.stream().filter(c -> c.members() == members)
          .max(java.util.Comparator.comparingDouble(EnsembleCell::modelStepsPerSecond));
    }

    /**
     * Models·steps/s of an ensemble (its fastest thread count) against two single-model processes side
     * by side at one thread each: what ensembles gain over what a user would do without them.
     *
     * @param members K
     * @return the ratio, NaN when a cell is missing
     */
    public double speedupOverProcesses(int members) {
      double ensemble = fastest(members).map(EnsembleCell::modelStepsPerSecond).orElse(Double.NaN);
      double pair = processes.stream().filter(c -> c.processes() == 2)
          .mapToDouble(ProcessCell::modelStepsPerSecond).findFirst().orElse(Double.NaN);
      return ensemble / pair;
    }
  }

  /** Metrics lines measured before the timing starts. */
  static final int WARM_UP_LINES = 5;

  private TrainBench() {}

  /**
   * Runs the benchmark.
   *
   * @param threads PyTorch thread counts, each ≥ 1
   * @param sizes ensemble sizes K, each ≥ 1 (the default K is added when missing)
   * @param seconds timed seconds per cell, &gt; 0
   * @param processes whether to time single models in child processes
   * @return the report
   * @throws IOException if a child process fails
   * @throws IllegalArgumentException if a count or the time is out of range
   */
  public static Report run(int[] threads, int[] sizes, double seconds, boolean processes) throws IOException {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("seconds = " + seconds + " is not allowed: it must be > 0");
    }
    TrainingConfig quick = Preset.QUICK.builder().build();
    int defaultK = EnsemblePlan.defaultSize(quick, EnsemblePlan.freeMemory());
    int[] ks = withDefault(sizes, defaultK);
    double loadBefore = load();
    List<EnsembleCell> ensembles = new ArrayList<>();
    List<NandaCell> nanda = new ArrayList<>();
    double line = metricsLineSeconds(quick, seconds);
    TrainingConfig nandaConfig = Preset.NANDA.builder().build();
    double nandaFlops = ModelFlops.perStep(nandaConfig.model(), nandaConfig.split().trainSize());
    for (int th : threads) {
      if (th < 1) {
        throw new IllegalArgumentException("threads = " + th + " is not allowed: it must be >= 1");
      }
      for (EnsembleBench.Row r : EnsembleBench.run(new int[] {th}, new SetLayout[] {SetLayout.GATHER}, ks, seconds)) {
        StepTimes t = r.perStep();
        ensembles.add(new EnsembleCell(th, r.members(), r.modelSteps(), r.gflops(), r.matmulGflops(), r.ratio(),
            1e3 * t.forward(), 1e3 * t.backward(), 1e3 * t.optimizer(),
            1e3 * line * r.members() / quick.logEvery()));
      }
      double matmul = ensembles.get(ensembles.size() - 1).matmulGflops();
      double rate = EnsembleBench.single(Preset.NANDA, th, seconds, () -> {});
      nanda.add(new NandaCell(th, rate, nandaFlops * rate / 1e9, matmul, nandaFlops * rate / 1e9 / matmul));
    }
    List<ProcessCell> perProcess = new ArrayList<>();
    perProcess.add(new ProcessCell(1, 1, EnsembleBench.single(1, seconds)));
    if (processes) {
      double sum = 0;
      for (double r : SingleModelProcess.sideBySide(2, 1, seconds)) {
        sum += r;
      }
      perProcess.add(new ProcessCell(1, 2, sum));
    }
    return new Report(Runtime.getRuntime().availableProcessors(), loadBefore, load(), seconds, defaultK, ensembles,
        perProcess, nanda);
  }

  private static int[] withDefault(int[] sizes, int k) {
    for (int s : sizes) {
      if (s < 1) {
        throw new IllegalArgumentException("K = " + s + " is not allowed: an ensemble needs at least 1 member");
      }
      if (s == k) {
        return sizes.clone();
      }
    }
    int[] out = java.util.Arrays.copyOf(sizes, sizes.length + 1);
    out[sizes.length] = k;
    return out;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Mean seconds of one member's metrics line (parameters copied out, then measured), after {@link
   * #WARM_UP_LINES} untimed ones: the JIT makes the first lines up to 10× slower.
   */
  static double metricsLineSeconds(TrainingConfig config, double seconds) {
    Djl.engine();
    JniUtils.setNumThreads(1);
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device());
        Ensemble ensemble = Ensemble.of(List.of(config), SetLayout.GATHER, manager)) {
      MetricsLine metrics = new MetricsLine(config, WeightComplexity.NONE);
      float[] table = new float[config.task().domainSize() * config.task().p()];
      Runnable line = () -> metrics.measure(new ModelState(config, 0, false, new Scores(1, 0), new Scores(1, 0),
          ensemble.tensors(0), table, 0));
      for (int i = 0; i < WARM_UP_LINES; i++) {
        line.run();
      }
      return EnsembleBench.meanSeconds(line, seconds);
    }
  }
}
