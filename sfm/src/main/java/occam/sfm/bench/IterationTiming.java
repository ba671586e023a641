package occam.sfm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import occam.fourier.RealDft2Backend;
import occam.modular.ModularTask;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;

/**
 * Seconds per SFM iteration for one cell on one thread with a given transform backend: the cost the
 * speed goal of the SFM is stated in. Each sample runs a budget of 2K and of K iterations
 * (convergence stopping off) and takes the difference over K, so set-up (split, targets, W*, plans)
 * cancels; time is the thread's CPU time, so other processes on a loaded machine inflate it less
 * than wall time. Reports the median of the samples.
 */
public final class IterationTiming {
  private IterationTiming() {}

  /**
   * Times the iteration.
   *
   * @param backend transform backend
   * @param task the task (m fixes the cost)
   * @param iterations K ≥ 1
   * @param samples number of samples ≥ 1 (one extra warm-up sample is discarded)
   * @return median seconds per iteration
   * @throws IllegalArgumentException if iterations or samples &lt; 1
   */
  public static double secondsPerIteration(RealDft2Backend backend, ModularTask task, int iterations, int samples) {
    if (iterations < 1 || samples < 1) {
      throw new IllegalArgumentException("iterations = " + iterations + ", samples = " + samples + ": both must be >= 1");
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    CpuEngine engine = new CpuEngine(backend, 1, Integer.MAX_VALUE);
    // A grokking soft-gate cell: dense W while memorizing, so the gate and metrics do full work.
    SfmConfig base = new SfmConfig(task, 0.5, 1e-6, Gate.SOFT, 1.0, 0.0, iterations, 0, 0.0, 0.0,
        SfmConfig.DEFAULT_ACC_THRESHOLD, 0.0, SfmConfig.DEFAULT_WINDOW);
    SfmConfig twice = new SfmConfig(task, 0.5, 1e-6, Gate.SOFT, 1.0, 0.0, 2 * iterations, 0, 0.0, 0.0,
        SfmConfig.DEFAULT_ACC_THRESHOLD, 0.0, SfmConfig.DEFAULT_WINDOW);
    double[] t = new double[samples];
    for (int s = -1; s < samples; s++) {
      long a = mx.getCurrentThreadCpuTime();
      engine.run(java.util.List.of(base), SfmListener.NONE);
      long b = mx.getCurrentThreadCpuTime();
      engine.run(java.util.List.of(twice), SfmListener.NONE);
      long c = mx.getCurrentThreadCpuTime();
      if (s >= 0) {
        t[s] = Math.max(0, (c - b) - (b - a)) / 1e9 / iterations;
      }
    }
    Arrays.sort(t);
    return samples % 2 == 1 ? t[samples / 2] : 0.5 * (t[samples / 2 - 1] + t[samples / 2]);
  }
}
