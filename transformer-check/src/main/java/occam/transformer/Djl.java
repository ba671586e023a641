package occam.transformer;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * DJL's PyTorch engine, run offline from the natives that Maven put on the class path
 * ({@code pytorch-native-cpu} and {@code pytorch-jni}): DJL then extracts them into its cache and
 * never downloads. Offline mode is switched on (system property {@code ai.djl.offline=true}) unless
 * the caller set the property, so a missing native fails loudly instead of reaching the network.
 */
public final class Djl {
  /** DJL's system property for offline mode. */
  public static final String OFFLINE_PROPERTY = "ai.djl.offline";

  /** DJL's system property for PyTorch's intra-op CPU threads, read once when the engine loads. */
  public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

  /** The most PyTorch threads per core {@link #useThreads} accepts. */
  public static final int MAX_THREADS_PER_CORE = 4;

  private Djl() {}

  /** @return the PyTorch engine, loaded offline */
  public static Engine engine() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
    return Engine.getInstance();
  }

  /**
   * Sets PyTorch's intra-op CPU threads; takes effect only if called before the engine first loads.
   *
   * <p>Why it matters: with more threads than free cores, OpenMP's spinning workers thrash; on a
   * loaded two-core machine a tiny model ran 5 steps/s on 2 threads and 360 steps/s on 1.
   *
   * @param threads threads ≥ 1, or 0 for PyTorch's default (one per core)
   * @throws IllegalArgumentException if threads &lt; 0 or above {@link #MAX_THREADS_PER_CORE} per core
   *     (1000 threads on two cores ran 40× slower)
   */
  public static void useThreads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads = " + threads + " is not allowed: it must be >= 0 (0: one per core)");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads > MAX_THREADS_PER_CORE * cores) {
      throw new IllegalArgumentException("threads = " + threads + " is not allowed: at most " + MAX_THREADS_PER_CORE
          + " per core, " + MAX_THREADS_PER_CORE * cores + " on these " + cores + " cores (more only contend)");
    }
    if (threads > 0) {
      System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
    } else {
      System.clearProperty(THREADS_PROPERTY);
    }
  }

  /** @return the first GPU when the engine sees one, the CPU otherwise */
  public static Device device() {
    return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
