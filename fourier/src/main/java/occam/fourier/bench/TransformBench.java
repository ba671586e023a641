package occam.fourier.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import occam.fourier.Dft2;
import occam.fourier.Dft2Backend;
import occam.fourier.DftNormalization;
import occam.fourier.HalfSpectrum;
import occam.fourier.RealDft2;
import occam.fourier.RealDft2Backend;

/**
 * Times one forward + inverse pair of each fast 2D DFT backend, complex ({@link Dft2Backend}) and
 * real-input ({@link RealDft2Backend}), the unit of work of one SFM iteration. The O(m⁴) NAIVE
 * backends are left out.
 *
 * <p>Method, per (backend, kind, m): a fresh transform on seeded uniform input; warm-up pairs until
 * {@link Settings#warmupMillis} have passed (so the JIT has compiled the kernels); then the number
 * of pairs per batch is chosen so a batch lasts about {@link Settings#batchMillis}, and {@link
 * Settings#batches} batches are timed, by the wall clock ({@link System#nanoTime()}) and by the
 * thread's CPU clock ({@link ThreadMXBean#getCurrentThreadCpuTime()}). Reported: the median and the
 * minimum over batches of (batch time / pairs), wall and CPU. Single-threaded, in the calling
 * thread. On a shared machine the wall time includes waiting for a core; the CPU time does not, and
 * is the steadier number to compare backends by.
 */
public final class TransformBench {
  /** The sizes the SFM needs: p and p − 1 for p = 31, 97, 257. */
  public static final int[] DEFAULT_SIZES = {31, 30, 97, 96, 257, 256};

  /** Which API a timing is for. */
  public enum Kind {
    /** {@link Dft2}: in-place complex m×m, forward then inverse. */
    COMPLEX,
    /** {@link RealDft2}: real m×m to half spectrum and back. */
    REAL
  }

  /**
   * One timing.
   *
   * @param backend backend name (enum constant)
   * @param kind complex or real-input
   * @param m side
   * @param medianMillis median over batches of the wall time per forward + inverse pair, ms
   * @param minMillis fastest batch's wall time per pair, ms
   * @param medianCpuMillis median over batches of the thread CPU time per pair, ms
   * @param batches number of timed batches
   * @param pairsPerBatch pairs in each batch
   */
  public record Result(
      String backend, Kind kind, int m, double medianMillis, double minMillis, double medianCpuMillis, int batches, int pairsPerBatch) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException on a null name or kind, m &lt; 1 or counts &lt; 1
     */
    public Result {
      if (backend == null || kind == null || m < 1 || batches < 1 || pairsPerBatch < 1) {
        throw new IllegalArgumentException("incomplete benchmark result for " + backend + " " + kind + " m=" + m);
      }
    }
  }

  /**
   * How long to measure.
   *
   * @param warmupMillis warm-up time per case, ≥ 0
   * @param batchMillis target duration of one timed batch, &gt; 0
   * @param batches number of timed batches, ≥ 1
   */
  public record Settings(double warmupMillis, double batchMillis, int batches) {
    /**
     * Defaults: 1 s warm-up (half a second left the 97×97 real pair about 15% slow: C2 had not
     * finished with the kernels), 11 batches of about 40 ms.
     */
    public static final Settings DEFAULT = new Settings(1000, 40, 11);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a field is outside its range
     */
    public Settings {
      if (!(warmupMillis >= 0) || !(batchMillis > 0) || batches < 1) {
        throw new IllegalArgumentException(
            "benchmark settings (" + warmupMillis + ", " + batchMillis + ", " + batches
                + ") are not allowed: warm-up >= 0 ms, batch > 0 ms, batches >= 1");
      }
    }
  }

  private TransformBench() {}

  /**
   * Times every fast backend, complex and real-input, at each size.
   *
   * @param sizes sides to time, each ≥ 1
   * @param settings how long to measure
   * @return one result per (size, kind, backend), in that order
   * @throws IllegalArgumentException if sizes or settings is null or a size is &lt; 1
   */
  public static List<Result> run(int[] sizes, Settings settings) {
    if (sizes == null || settings == null) {
      throw new IllegalArgumentException("sizes and settings must not be null");
    }
    for (int m : sizes) {
      if (m < 1) {
        throw new IllegalArgumentException("size m = " + m + " is not allowed: m must be >= 1");
      }
    }
    List<Result> out = new ArrayList<>();
    for (int m : sizes) {
      for (Dft2Backend b : Dft2Backend.values()) {
        if (b != Dft2Backend.NAIVE) {
          out.add(time(b.name(), Kind.COMPLEX, m, settings, complexPair(b.create(m, DftNormalization.STANDARD), m)));
        }
      }
      for (RealDft2Backend b : RealDft2Backend.values()) {
        if (b != RealDft2Backend.NAIVE) {
          out.add(time(b.name(), Kind.REAL, m, settings, realPair(b.create(m, DftNormalization.STANDARD), m)));
        }
      }
    }
    return out;
  }

  /**
   * Formats results as a Markdown table.
   *
   * @param results from {@link #run}
   * @return the table, one row per result
   */
  public static String table(List<Result> results) {
    StringBuilder s = new StringBuilder(
        "| m | kind | backend | wall median ms/pair | wall min ms/pair | CPU median ms/pair |\n|---:|---|---|---:|---:|---:|\n");
    for (Result r : results) {
      s.append(String.format(Locale.ROOT, "| %d | %s | %s | %.4f | %.4f | %.4f |%n",
          r.m(), r.kind().name().toLowerCase(Locale.ROOT), r.backend().toLowerCase(Locale.ROOT),
          r.medianMillis(), r.minMillis(), r.medianCpuMillis()));
    }
    return s.toString();
  }

  /**
   * Runs the benchmark and prints the table; exits with status 2 and a one-line reason on bad
   * arguments.
   *
   * @param args optional sizes, each ≥ 1 (default 31 30 97 96 257 256)
   */
  public static void main(String[] args) {
    int[] sizes;
    try {
      sizes = args.length == 0 ? DEFAULT_SIZES : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
      for (int m : sizes) {
        if (m < 1) {
          throw new IllegalArgumentException("size " + m + " is not >= 1");
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("usage: TransformBench [m ...] (sides >= 1): " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = System.out;
    out.println("forward + inverse pair per backend, single thread, median of "
        + Settings.DEFAULT.batches() + " batches (" + Runtime.getRuntime().availableProcessors() + " CPUs visible)");
    out.print(table(run(sizes, Settings.DEFAULT)));
  }

  private static Runnable complexPair(Dft2 dft, int m) {
    double[] a = random(2 * m * m, m);
    return () -> {
      dft.forward(a);
      dft.inverse(a);
    };
  }

  private static Runnable realPair(RealDft2 dft, int m) {
    double[] x = random(m * m, m);
    double[] half = new double[HalfSpectrum.length(m)];
    return () -> {
      dft.forward(x, half);
      dft.inverse(half, x);
    };
  }

  private static double[] random(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextDouble(-1, 1);
    }
    return a;
  }

  private static Result time(String backend, Kind kind, int m, Settings settings, Runnable pair) {
    long warmupEnd = System.nanoTime() + (long) (settings.warmupMillis() * 1e6);
    long calls = 0;
    long start = System.nanoTime();
    do {
      pair.run();
      calls++;
    } while (System.nanoTime() < warmupEnd);
    double perPair = Math.max(1, System.nanoTime() - start) / (double) calls;
    int pairs = (int) Math.max(1, Math.min(1_000_000, settings.batchMillis() * 1e6 / perPair));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
    double[] millis = new double[settings.batches()];
    double[] cpuMillis = new double[settings.batches()];
    for (int r = 0; r < millis.length; r++) {
      long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        pair.run();
      }
      millis[r] = (System.nanoTime() - t0) / 1e6 / pairs;
      cpuMillis[r] = cpuClock ? (threads.getCurrentThreadCpuTime() - c0) / 1e6 / pairs : Double.NaN;
    }
    Arrays.sort(millis);
    Arrays.sort(cpuMillis);
    return new Result(backend, kind, m, millis[millis.length / 2], millis[0], cpuMillis[cpuMillis.length / 2], millis.length, pairs);
  }
}
