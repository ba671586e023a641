package occam.transformer.ensemble;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import occam.transformer.NativeArrays;
import occam.transformer.CrossEntropy;
import occam.transformer.Djl;
import occam.transformer.records.Preset;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import occam.transformer.AdamW;
import occam.transformer.DecoderTransformer;
import occam.transformer.ModularSequences;

/**
 * Throughput of ensembles at the quick preset's size against the dense-matmul rate of the same
 * engine, measured in one process: models·steps/s for each (threads, layout, K), the model FLOP
 * rate ({@link ModelFlops}) as a fraction of a 1024² float32 matmul's rate at the same thread count,
 * and the split of a step into forward, backward and optimizer.
 */
public final class EnsembleBench {
  /** Side of the reference matmul. */
  static final int MATMUL_SIZE = 1024;

  /**
   * One measured cell.
   *
   * @param threads PyTorch intra-op threads
   * @param layout training-set layout
   * @param members K
   * @param modelSteps models·steps per second
   * @param gflops model GFLOP/s (useful rows only)
   * @param matmulGflops the 1024² matmul's GFLOP/s at the same thread count
   * @param perStep mean seconds of forward, backward and optimizer per ensemble step
   */
  public record Row(int threads, SetLayout layout, int members, double modelSteps, double gflops,
      double matmulGflops, StepTimes perStep) {
    /** @return the model FLOP rate as a fraction of the matmul rate */
    public double ratio() {
      return gflops / matmulGflops;
    }
  }

  private EnsembleBench() {}

  /**
   * Measures every (threads, layout, K) cell.
   *
   * @param threads thread counts to try
   * @param layouts layouts to try
   * @param sizes ensemble sizes K
   * @param seconds minimum timed seconds per cell (after two warm-up steps)
   * @return one row per cell
   */
  public static List<Row> run(int[] threads, SetLayout[] layouts, int[] sizes, double seconds) {
    List<Row> rows = new ArrayList<>();
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device())) {
      for (int th : threads) {
        JniUtils.setNumThreads(th);
        double matmul = matmulGflops(manager, seconds);
        for (SetLayout layout : layouts) {
          for (int k : sizes) {
            rows.add(cell(manager, th, layout, k, seconds, matmul));
          }
        }
      }
    }
    return rows;
  }

  /**
   * Steps per second of the single-model path on the same work as an ensemble cell ({@link
   * DecoderTransformer} and {@link AdamW}: forward, loss gradient, backward, update; no scoring),
   * quick preset, seed 0: the reference for K = 1 and for one model per process.
   *
   * @param threads PyTorch intra-op threads
   * @param seconds minimum timed seconds (after two warm-up steps)
   * @return steps per second
   */
  public static double single(int threads, double seconds) {
    return single(Preset.QUICK, threads, seconds, () -> {});
  }

  /**
   * Steps per second of the single-model path on a preset's full-batch step, as {@link #single(int, double)}.
   *
   * @param preset the model and training set
   * @param threads PyTorch intra-op threads
   * @param seconds minimum timed seconds (after two warm-up steps)
   * @param ready called after the warm-up, before the timing starts (e.g. to wait for a start signal)
   * @return steps per second
   */
  public static double single(Preset preset, int threads, double seconds, Runnable ready) {
    Djl.engine();
    JniUtils.setNumThreads(threads);
    TrainingConfig config = preset.builder().build();
    ModularSequences data = ModularSequences.of(config.split());
    Engine engine = Djl.engine();
    try (NDManager manager = engine.newBaseManager(Djl.device())) {
      DecoderTransformer model = DecoderTransformer.create(config.model(), config.seed(), manager);
      ParameterStore store = new ParameterStore(manager, false);
      int[] cells = data.trainCells();
      NDArray tokens = NativeArrays.owned(manager.create(data.tokens(cells), new Shape(cells.length, config.model().context())));
      NDArray oneHot = NativeArrays.owned(manager.create(data.labels(cells))).oneHot(config.task().p(), CrossEntropy.TYPE);
      try (AdamW adam = new AdamW(config.optimizer(), model.namedParameters(), manager)) {
        Runnable step = () -> {
          try (NDScope scope = new NDScope(); GradientCollector collector = engine.newGradientCollector()) {
            scope.suppressNotUsedWarning();
            NDArray logits = model.forward(store, new NDList(tokens), true).singletonOrThrow();
            collector.backward(logits.mul(CrossEntropy.gradient(logits, oneHot)).sum());
          }
          adam.step();
        };
        step.run();
        step.run();
        ready.run();
        return 1 / meanSeconds(step, seconds);
      }
    }
  }

  /** The quick preset's runs with seeds 0..K−1. */
  static List<TrainingConfig> quick(int k) {
    List<TrainingConfig> members = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      members.add(Preset.QUICK.builder().set(Settings.SEED, (long) i).build());
    }
    return members;
  }

  private static Row cell(NDManager manager, int threads, SetLayout layout, int k, double seconds, double matmul) {
    List<TrainingConfig> members = quick(k);
    double flops = 0;
    for (TrainingConfig c : members) {
      flops += ModelFlops.perStep(c.model(), c.split().trainSize());
    }
    try (Ensemble ensemble = Ensemble.of(members, layout, manager)) {
      for (int i = 0; i < 2; i++) {
        step(ensemble);
      }
      StepTimes[] total = {StepTimes.ZERO};
      int[] counted = {0};
      double stepsPerSecond = 1 / meanSeconds(() -> {
        total[0] = total[0].plus(step(ensemble));
        counted[0]++;
      }, seconds);
      StepTimes sum = total[0];
      int steps = counted[0];
      StepTimes mean = new StepTimes(sum.forward() / steps, sum.backward() / steps, sum.optimizer() / steps);
      return new Row(threads, layout, k, k * stepsPerSecond, flops * stepsPerSecond / 1e9, matmul, mean);
    }
  }

  private static StepTimes step(Ensemble ensemble) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ensemble.gradientPass();
      ensemble.update();
      return ensemble.lastTimes();
    }
  }

  /**
   * Mean wall-clock seconds of one call, over at least three calls and at least the given time.
   *
   * @param work what to time
   * @param seconds minimum timed seconds
   * @return seconds per call
   */
  static double meanSeconds(Runnable work, double seconds) {
    int n = 0;
    long t0 = System.nanoTime();
    while (n < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
      work.run();
      n++;
    }
    return (System.nanoTime() - t0) / 1e9 / n;
  }

  /** GFLOP/s of a 1024² float32 matmul (2·n³ operations). */
  static double matmulGflops(NDManager manager, double seconds) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray a = scratch.randomNormal(new Shape(MATMUL_SIZE, MATMUL_SIZE));
      NDArray b = scratch.randomNormal(new Shape(MATMUL_SIZE, MATMUL_SIZE));
      a.matMul(b).close();
      return 2.0 * MATMUL_SIZE * MATMUL_SIZE * MATMUL_SIZE / meanSeconds(() -> a.matMul(b).close(), seconds) / 1e9;
    }
  }

  /**
   * Prints the table: K = 1, 4, 16 on 1 and 2 threads, both layouts.
   *
   * @param args optional: seconds per cell (default 3), threads (default 1,2), layouts (default
   *     GATHER,MASK), ensemble sizes (default 1,4,16), each comma-separated
   */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int[] threads = args.length > 1 ? ints(args[1]) : new int[] {1, 2};
    SetLayout[] layouts = args.length > 2
        ? Arrays.stream(args[2].split(",")).map(SetLayout::valueOf).toArray(SetLayout[]::new)
        : SetLayout.values();
    int[] sizes = args.length > 3 ? ints(args[3]) : new int[] {1, 4, 16};
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<Row> rows = run(threads, layouts, sizes, seconds);
    for (int th : threads) {
      System.out.println(String.format(Locale.ROOT, "single model (DecoderTransformer + AdamW), %d thread(s): %.1f steps/s",
          th, single(th, seconds)));
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.println(String.format(Locale.ROOT, "%d cores, 1-minute load %.2f before, %.2f after",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
    System.out.println("threads layout  K  models·steps/s  model GFLOP/s  matmul GFLOP/s  ratio  fwd ms  bwd ms  opt ms");
    for (Row r : rows) {
      System.out.println(String.format(Locale.ROOT, "%7d %-6s %2d %15.1f %14.1f %15.1f %6.2f %7.1f %7.1f %7.1f",
          r.threads(), r.layout(), r.members(), r.modelSteps(), r.gflops(), r.matmulGflops(), r.ratio(),
          1e3 * r.perStep().forward(), 1e3 * r.perStep().backward(), 1e3 * r.perStep().optimizer()));
    }
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
