package occam.cli;

import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import picocli.CommandLine.Option;

/** Options shared by {@code occam run} and {@code occam scan}: task, dynamics and stopping rule. */
public final class SfmOptions {
  @Option(names = "--p", description = "Prime modulus p >= 3 (default: ${DEFAULT-VALUE}).", defaultValue = "31")
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
    ModularTask task = ModularTask.of(p, Op.parse(op));
    return new SfmConfig(task, frac, beta, g, eta, wd, iters, seed, labelNoise, initScale, accThreshold, tol, window);
  }

  occam.fourier.RealDft2Backend backend() {
    return dft == null ? occam.fourier.RealDft2Backend.fastest() : occam.fourier.RealDft2Backend.parse(dft);
  }
}
