package occam.sfm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import occam.fourier.RealDft2Backend;
import occam.fourier.DftNormalization;

/**
 * Runs cells on CPU threads, one cell per task, each with its own transform. Results do not depend
 * on the thread count: every cell is computed by the same sequential code from its own seed.
 */
public final class CpuEngine implements SfmEngine {
  private final RealDft2Backend backend;
  private final int threads;
  private final int logEvery;

  /**
   * Creates the engine.
   *
   * @param backend the real-input 2D DFT to use
   * @param threads worker threads ≥ 1
   * @param logEvery logging interval passed to listeners
   * @throws IllegalArgumentException if threads &lt; 1 or logEvery &lt; 1
   */
  public CpuEngine(RealDft2Backend backend, int threads, int logEvery) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " is not allowed: threads must be >= 1");
    }
    if (logEvery < 1) {
      throw new IllegalArgumentException("log-every = " + logEvery + " is not allowed: it must be >= 1");
    }
    this.backend = backend;
    this.threads = threads;
    this.logEvery = logEvery;
  }

  @Override
  public String name() {
    return "cpu (" + backend.name().toLowerCase(java.util.Locale.ROOT) + ", " + threads + " thread"
        + (threads == 1 ? "" : "s") + ")";
  }

  /** The DFT backend decides the rounding; the thread count does not. */
  @Override
  public String resultsKey() {
    return "cpu (" + backend.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /** One run per thread. */
  @Override
  public int runsInFlight(long runs) {
    return (int) Math.max(1, Math.min(threads, runs));
  }

  @Override
  public List<SfmResult> run(List<SfmConfig> cells, SfmListener listener) {
    if (threads == 1 || cells.size() == 1) {
      List<SfmResult> out = new ArrayList<>(cells.size());
      for (SfmConfig c : cells) {
        out.add(runOne(c, listener));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, cells.size()), r -> {
      Thread th = new Thread(r, "sfm-worker");
      th.setDaemon(true);
      return th;
    });
    try {
      List<Future<SfmResult>> futures = new ArrayList<>(cells.size());
      for (SfmConfig c : cells) {
        futures.add(pool.submit(() -> runOne(c, listener)));
      }
      List<SfmResult> out = new ArrayList<>(cells.size());
      for (Future<SfmResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("SFM scan interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private SfmResult runOne(SfmConfig c, SfmListener listener) {
    SfmSolver solver = new SfmSolver(backend.create(c.task().groupOrder(), DftNormalization.STANDARD), logEvery);
    return solver.run(c, listener);
  }
}
