package occam.cli;

import java.io.PrintWriter;
import occam.io.MemoryEstimate;
import occam.io.UsageException;
import occam.sfm.opencl.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.fourier.RealDft2Backend;
import occam.fourier.bench.TransformBench;
import occam.sfm.bench.IterationTiming;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.opencl.OpenClEngine;
import occam.sfm.scan.ScanPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam bench}: timings; {@code occam bench sfm} times the SFM engines side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Sfm.class, BenchTrainCommand.class},
    description = "Benchmarks. 'occam bench sfm': SFM engines; 'occam bench train': ensemble training throughput.")
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("occam bench: name a benchmark: sfm or train");
    err.flush();
    return Occam.EXIT_USAGE;
  }

  /**
   * {@code occam bench sfm}: cells × iterations per second of the CPU engine (its thread pool, one
   * cell per thread) and the OpenCL engine (one batch on the device), for each p and batch size.
   * Cells spread β over [1e−4, 1e−1] and frac over [0.3, 0.9], alternate the gates, and have
   * convergence stopping off (tol 0), so every cell runs exactly its budget on both engines.
   */
  @Command(name = "sfm", mixinStandardHelpOptions = true,
      description = {"SFM throughput in cells x iterations per second, CPU engine and OpenCL engine side by side,",
          "for batches of cells at each p (one OpenCL batch; the CPU engine's thread pool takes the same cells).",
          "Defaults take a few minutes on 2 cores."})
  public static final class Sfm implements Callable<Integer> {
    CommandSpec spec;

    /** The most CPU engine threads per core. */
    static final int MAX_THREADS_PER_CORE = 4;

    /** Adds the largest p this heap supports to the help. */
    @Spec
    void spec(CommandSpec value) {
      this.spec = value;
      value.usageMessage().footer("Largest p on this heap (" + MemoryEstimate.human(MemoryEstimate.heapLimit())
          + ", " + Runtime.getRuntime().availableProcessors() + " threads): about " + largestP()
          + "; larger sizes exit 2 before benchmarking (raise -Xmx via OCCAM_JAVA_OPTS).");
    }

    @Option(names = "--engine", description = "cpu, opencl or both (default: ${DEFAULT-VALUE}).", defaultValue = "both")
    String engine;

    @Option(names = "--p", split = ",", description = "Primes to time (default: ${DEFAULT-VALUE}).", defaultValue = "31,97")
    List<Integer> ps;

    @Option(names = "--op", description = "add, sub, mul or div (default: ${DEFAULT-VALUE}).", defaultValue = "add")
    String op;

    @Option(names = "--batches", split = ",", description = "Cells per run (default: ${DEFAULT-VALUE}).",
        defaultValue = "1,16,64,256")
    List<Integer> batches;

    @Option(names = "--iters", description = "Iterations per cell; 0 (default): 20*(97/m)^2, i.e. 20 at p = 97 and"
        + " about 200 at p = 31, the same work per cell at every p.", defaultValue = "0")
    int iters;

    @Option(names = "--threads", description = "CPU engine threads (default: all cores = ${DEFAULT-VALUE}).", defaultValue = "0")
    int threads;

    @Mixin OpenClOptions ocl;

    @Option(names = "--part", description = "backends (transform backends, one cell, one thread), engines (batches),"
        + " or all (default: ${DEFAULT-VALUE}).", defaultValue = "all")
    String part;

    @Option(names = "--backend-p", split = ",", description = "Primes for the backend table (default: ${DEFAULT-VALUE}).",
        defaultValue = "31,97,257")
    List<Integer> backendPs;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String parts = choice("part", part, "all", "backends", "engines");
      String which = choice("engine", engine, "cpu", "opencl", "both");
      if (iters < 0) {
        throw new UsageException("iters = " + iters + " is not allowed: it must be >= 1, or 0 for auto");
      }
      for (int b : batches) {
        if (b < 1) {
          throw new UsageException("batch = " + b + " is not allowed: batches must be >= 1");
        }
      }
      int cores = Runtime.getRuntime().availableProcessors();
      if (threads < 0 || threads > MAX_THREADS_PER_CORE * cores) {
        throw new UsageException("threads = " + threads + " is not allowed: it must be 0 (all cores) to "
            + MAX_THREADS_PER_CORE * cores + " (" + MAX_THREADS_PER_CORE + " per core on these " + cores + " cores)");
      }
      Op operation = Commands.userInput(() -> Op.parse(op));
      List<ModularTask> tasks = Commands.userInput(() -> ps.stream().map(p -> ModularTask.of(p, operation)).toList());
      List<ModularTask> backendTasks = Commands.userInput(() -> backendPs.stream().map(p -> ModularTask.of(p, operation)).toList());
      int workers = threads > 0 ? threads : cores;
      int largestBatch = batches.stream().mapToInt(Integer::intValue).max().orElse(1);
      for (ModularTask t : parts.equals("backends") ? backendTasks : tasks) {
        memory(t.groupOrder(), parts.equals("backends") ? 1 : largestBatch, parts.equals("backends") ? 1 : workers,
            !which.equals("cpu")).requireFits("p = " + t.p() + (parts.equals("backends") ? "" : " with --batches " + largestBatch),
            "a smaller p or --batches");
      }
      if (parts.equals("backends")) {
        Commands.userInput(() -> ocl.precision.equalsIgnoreCase("auto") ? null : Precision.parse(ocl.precision));
        backends(out, operation);
        return 0;
      }
      SfmEngine cpu = which.equals("opencl") ? null : new CpuEngine(RealDft2Backend.fastest(), workers, Integer.MAX_VALUE);
      SfmEngine gpu = null;
      if (!which.equals("cpu")) {
        SfmEngine chosen = Engines.choose("opencl", ocl, RealDft2Backend.fastest(), workers, Integer.MAX_VALUE, err);
        if (chosen instanceof OpenClEngine) {
          gpu = chosen;
        } else if (cpu == null) {
          cpu = chosen;
        }
      }

      if (parts.equals("all")) {
        backends(out, operation);
        out.println();
      }
      out.printf(Locale.ROOT, "occam bench sfm: op %s, convergence off (every cell runs its budget), %d cores;"
          + " times include each run's setup%n", operation.cliName(), Runtime.getRuntime().availableProcessors());
      if (cpu != null) {
        out.println("  cpu:    " + cpu.name());
      }
      if (gpu != null) {
        out.println("  opencl: " + gpu.name());
      }
      out.println();
      out.println("|   p |   m | iters | cells |  cpu s | cpu cell-it/s | opencl s | opencl cell-it/s | opencl/cpu |");
      out.println("|----:|----:|------:|------:|-------:|--------------:|---------:|-----------------:|-----------:|");
      out.flush();
      for (ModularTask task : tasks) {
        // Warm-up (JIT, kernel build) outside the timings.
        List<SfmConfig> warm = cells(task, 1, 2);
        for (SfmEngine e : new SfmEngine[] {cpu, gpu}) {
          if (e != null) {
            e.run(warm, SfmListener.NONE);
          }
        }
        int n = iters > 0 ? iters : autoIters(task.groupOrder());
        for (int b : batches) {
          List<SfmConfig> cells = cells(task, b, n);
          double cpuS = cpu == null ? Double.NaN : seconds(cpu, cells);
          double gpuS = gpu == null ? Double.NaN : seconds(gpu, cells);
          double work = (double) b * n;
          out.printf(Locale.ROOT, "| %3d | %3d | %5d | %5d | %6s | %13s | %8s | %16s | %10s |%n", task.p(), task.groupOrder(), n, b,
              fixed(cpuS, 2), fixed(work / cpuS, 0), fixed(gpuS, 2), fixed(work / gpuS, 0), fixed(cpuS / gpuS, 2));
          out.flush();
        }
      }
      return 0;
    }

    /**
     * The heap a benchmark at group order m takes: the scan's own estimate ({@link ScanPlan#memory}) for
     * the cells of the largest batch, held by the CPU engine's threads or, with OpenCL, staged as one batch.
     *
     * @param m the group order
     * @param batch cells per run
     * @param workers CPU engine threads
     * @param opencl whether the OpenCL engine runs
     * @return the estimate
     */
    static MemoryEstimate memory(int m, long batch, int workers, boolean opencl) {
      return ScanPlan.memory(m, batch, opencl ? (int) Math.min(Integer.MAX_VALUE, batch + workers) : workers);
    }

    /** The largest p whose CPU-engine state fits the default heap with the default threads (help text). */
    static long largestP() {
      int workers = Runtime.getRuntime().availableProcessors();
      return MemoryEstimate.largest(p -> memory((int) p, 256, workers, false).bytes(), 2, 46_340, MemoryEstimate.heapLimit());
    }

    private static String choice(String what, String given, String... allowed) {
      String n = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
      if (!List.of(allowed).contains(n)) {
        throw new UsageException("unknown " + what + " '" + given + "': expected " + String.join(", ",
            List.of(allowed).subList(0, allowed.length - 1)) + " or " + allowed[allowed.length - 1]);
      }
      return n;
    }

    /**
     * The transform-backend table: for each p and real-input backend, the bare forward + inverse
     * pair ({@link TransformBench}) and one SFM iteration ({@link IterationTiming}), both in thread
     * CPU time on one thread, and their ratio: the transforms are the floor of the iteration.
     */
    private void backends(PrintWriter out, Op operation) {
      out.println("occam bench sfm: transform backends, one cell on one thread, median thread CPU time; op "
          + operation.cliName());
      out.println();
      out.println("|   p |   m | backend     | real pair ms | SFM iteration ms | iterations/s | iteration/pair |");
      out.println("|----:|----:|-------------|-------------:|-----------------:|-------------:|---------------:|");
      out.flush();
      for (int p : backendPs) {
        ModularTask task = ModularTask.of(p, operation);
        int m = task.groupOrder();
        List<TransformBench.Result> pairs = TransformBench.run(new int[] {m}, TransformBench.Settings.DEFAULT);
        for (RealDft2Backend b : new RealDft2Backend[] {RealDft2Backend.STOCKHAM, RealDft2Backend.JTRANSFORMS}) {
          double pair = pairs.stream().filter(r -> r.kind() == TransformBench.Kind.REAL
              && r.backend().equalsIgnoreCase(b.name())).mapToDouble(TransformBench.Result::medianCpuMillis)
              .findFirst().orElse(Double.NaN);
          int k = (int) Math.max(20, Math.min(2000, 2e5 / ((double) m * m)));
          double it = 1e3 * IterationTiming.secondsPerIteration(b, task, k, 5);
          out.printf(Locale.ROOT, "| %3d | %3d | %-11s | %12s | %16s | %12s | %14s |%n", p, m,
              b.name().toLowerCase(Locale.ROOT), fixed(pair, 4), fixed(it, 4), fixed(1e3 / it, 0), fixed(it / pair, 2));
          out.flush();
        }
      }
      out.println("(NumPy baseline of the same iteration: python3 bench/numpy_sfm.py --p 97)");
    }

    /**
     * The default budget, 20·(97/m)² clamped to [20, 2000]: the OpenCL engine's work per cell
     * iteration grows as m³ and the CPU engine's as m² log m, so this keeps rows at about the same
     * wall time.
     *
     * @param m side
     * @return iterations per cell
     */
    static int autoIters(int m) {
      return (int) Math.max(20, Math.min(2000, Math.round(20.0 * 97 * 97 / ((double) m * m))));
    }

    /**
     * B cells of a task with convergence off: β log-spaced over [1e−4, 1e−1], frac spread over
     * [0.3, 0.9], gates alternating, seeds 0..B−1.
     */
    static List<SfmConfig> cells(ModularTask task, int b, int iters) {
      List<SfmConfig> out = new ArrayList<>(b);
      for (int i = 0; i < b; i++) {
        double x = b == 1 ? 0 : (double) i / (b - 1);
        double frac = 0.3 + 0.6 * ((i * 7L) % b) / Math.max(1, b - 1);
        out.add(new SfmConfig(task, frac, 1e-4 * Math.pow(1e3, x), i % 2 == 0 ? Gate.SOFT : Gate.HARD, 1.0, 0.0, iters,
            i, 0.0, 0.0, SfmConfig.DEFAULT_ACC_THRESHOLD, 0.0, 1));
      }
      return out;
    }

    private static double seconds(SfmEngine e, List<SfmConfig> cells) {
      long t0 = System.nanoTime();
      e.run(cells, SfmListener.NONE);
      return (System.nanoTime() - t0) / 1e9;
    }

    private static String fixed(double v, int digits) {
      return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }
  }
}
