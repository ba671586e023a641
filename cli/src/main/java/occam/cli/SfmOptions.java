package occam.cli;

import occam.io.MemoryEstimate;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.scan.ScanPlan;
import picocli.CommandLine.Option;

/** Options shared by {@code occam run} and {@code occam scan}: task, dynamics and stopping rule. */
public final class SfmOptions {
  static {
    // The largest p on this heap, for the help of --p: run holds one run, scan one per core.
    long heap = MemoryEstimate.heapLimit();
    int cores = Runtime.getRuntime().availableProcessors();
    System.setProperty("occam.sfm.largest-p.run", Long.toString(largestP(1, 1, heap)));
    System.setProperty("occam.sfm.largest-p.scan", Long.toString(largestP(cores, 1000, heap)));
  }

  @Option(names = "--p", description = "Prime modulus p >= 3 (default: ${DEFAULT-VALUE}). Largest p this heap holds"
      + " (add/sub; checked before allocating): run ${sys:occam.sfm.largest-p.run}, scan ${sys:occam.sfm.largest-p.scan}"
      + " (one run per core, 1000 runs); raise -Xmx via OCCAM_JAVA_OPTS for more.", defaultValue = "31")
  int p;

  @Option(names = "--op", description = "add, sub, mul or div (default: ${DEFAULT-VALUE}).", defaultValue = "add")
  String op;

  @Option(names = "--gate", description = "Occam Gate: hard (the paper's), soft (l1 proximal); scan also takes both."
      + " Default: hard for run, both for scan.")
  String gate;

  @Option(names = "--eta", description = "Drift step eta in (0, 2) (default: ${DEFAULT-VALUE}).", defaultValue = "1.0")
  double eta;

  @Option(names = "--wd", description = "l2 decay gamma >= 0 (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  double wd;

  @Option(names = "--iters", description = "Iteration budget (default: ${DEFAULT-VALUE}).", defaultValue = "5000")
  int iters;

  @Option(names = "--label-noise", description = "Std of Gaussian noise added once to training targets (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  double labelNoise;

  @Option(names = "--init-scale", description = "Scale of a random Hermitian initial W (default: ${DEFAULT-VALUE}: W0 = 0).",
      defaultValue = "0")
  double initScale;

  @Option(names = "--acc-threshold", description = "Accuracy threshold for t_mem and t_gen (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.99")
  double accThreshold;

  @Option(names = "--tol", description = "Convergence: stop when ||W_t - W_t-1||_F <= tol*max(||W_t||_F, 1) for a window (0: never) (default: ${DEFAULT-VALUE}).",
      defaultValue = "1e-12")
  double tol;

  @Option(names = "--window", description = "Convergence window in iterations (default: ${DEFAULT-VALUE}).", defaultValue = "20")
  int window;

  @Option(names = "--dft", description = "2D DFT backend for the CPU engine (default: the fastest available).")
  String dft;

  /**
   * Builds a validated config for one (frac, beta, seed).
   *
   * @param frac alpha
   * @param beta beta
   * @param seed seed
   * @return the config
   * @throws IllegalArgumentException for any value out of range
   */
  SfmConfig config(double frac, double beta, long seed) {
    return config(frac, beta, seed, Gate.parse(gate == null ? "hard" : gate));
  }

  /**
   * Builds a validated config with an explicit gate (scans over both gates).
   *
   * @param frac alpha
   * @param beta beta
   * @param seed seed
   * @param g the gate
   * @return the config
   * @throws IllegalArgumentException for any value out of range
   */
  SfmConfig config(double frac, double beta, long seed, Gate g) {
    return new SfmConfig(task(), frac, beta, g, eta, wd, iters, seed, labelNoise, initScale, accThreshold, tol, window);
  }

  /**
   * The largest group order m whose runs fit a heap ({@link ScanPlan#memory}); for add and sub m = p.
   *
   * @param inFlight runs held at once
   * @param runs runs whose results are kept
   * @param heap bytes available
   * @return the largest m (at least 2)
   */
  static long largestP(int inFlight, long runs, long heap) {
    return MemoryEstimate.largest(m -> ScanPlan.memory(m, runs, inFlight).bytes(), 3, 46_340, heap);
  }

  /**
   * The task of the options.
   *
   * @return the task
   * @throws IllegalArgumentException if p is not a prime &gt;= 3 or the operation is unknown
   */
  ModularTask task() {
    return ModularTask.of(p, Op.parse(op));
  }

  /**
   * Refuses, before anything is allocated, runs that cannot fit the heap.
   *
   * @param estimate the memory the runs need
   * @param inFlight runs held at once
   * @param runs runs whose results are kept
   * @throws occam.io.UsageException with the estimate and the largest p that fits
   */
  void requireFits(MemoryEstimate estimate, int inFlight, long runs) {
    long largest = largestP(inFlight, runs, MemoryEstimate.heapLimit());
    estimate.requireFits("p = " + p + (runs > 1 ? " and " + runs + " runs" : ""),
        largest < 3 ? "a smaller grid" : "p ≤ " + largest + (runs > 1 ? " or a smaller grid" : ""));
  }

  occam.fourier.RealDft2Backend backend() {
    return dft == null ? occam.fourier.RealDft2Backend.fastest() : occam.fourier.RealDft2Backend.parse(dft);
  }
}
