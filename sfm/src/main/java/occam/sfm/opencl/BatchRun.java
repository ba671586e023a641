package occam.sfm.opencl;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import occam.fourier.HalfSpectrum;
import occam.fourier.RealDft2;
import occam.fourier.RealDft2Backend;
import occam.fourier.DftNormalization;
import occam.sfm.Gate;
import occam.sfm.OccamThreshold;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmProblem;
import occam.sfm.SfmResult;
import occam.sfm.SfmSolver;
import occam.sfm.StopReason;

/**
 * One batch of cells with the same m and p on one target: uploads the data once, launches the
 * eight stages of {@link SfmKernel} per iteration with no transfer in between, and talks to the
 * device only at log steps (per-cell state, and W when a metric needs it) and every {@link
 * #CHECK_EVERY} iterations (per-cell state only, to report stopped cells and to end the batch once
 * every cell has stopped). Metrics are computed on the host by {@link SfmSolver#metrics}.
 */
final class BatchRun {
  /** Iterations between looks at the per-cell state when no log step asks for one. */
  static final int CHECK_EVERY = 16;

  /** Work-group size on OpenCL devices (a multiple of every GPU's SIMD width). */
  static final int GROUP = 64;

  private final OpenClTarget target;
  private final Precision precision;
  private final List<SfmConfig> configs;
  private final int logEvery;

  /**
   * Prepares a batch.
   *
   * @param target where to run
   * @param precision the kernels' format
   * @param configs the cells, all with the task's same m and p
   * @param logEvery logging interval ≥ 1
   * @throws IllegalArgumentException if the cells differ in m or p
   */
  BatchRun(OpenClTarget target, Precision precision, List<SfmConfig> configs, int logEvery) {
    int m = configs.get(0).task().groupOrder();
    int p = configs.get(0).task().p();
    for (SfmConfig c : configs) {
      if (c.task().groupOrder() != m || c.task().p() != p) {
        throw new IllegalArgumentException("a batch needs one m and p: got p = " + c.task().p() + ", m = "
            + c.task().groupOrder() + " beside p = " + p + ", m = " + m);
      }
    }
    this.target = target;
    this.precision = precision;
    this.configs = List.copyOf(configs);
    this.logEvery = logEvery;
  }

  /**
   * The twiddle matrix F[k, x] = e^{−2πi·kx/m}, from a table of e^{−2πij/m} indexed by kx mod m as
   * in {@link occam.fourier.NaiveDft2}, so the table is exact to one rounding per entry.
   *
   * @param m side
   * @return {Re F, Im F}, each m×m row-major
   */
  static double[][] twiddles(int m) {
    double[] cos = new double[m];
    double[] sin = new double[m];
    for (int j = 0; j < m; j++) {
      cos[j] = Math.cos(2 * Math.PI * j / m);
      sin[j] = Math.sin(2 * Math.PI * j / m);
    }
    double[] re = new double[m * m];
    double[] im = new double[m * m];
    for (int k = 0; k < m; k++) {
      for (int x = 0; x < m; x++) {
        int j = (int) ((long) k * x % m);
        re[k * m + x] = cos[j];
        im[k * m + x] = -sin[j];
      }
    }
    return new double[][] {re, im};
  }

  /**
   * The least count k in [0, total] with (double) k / total ≥ thr: the solver's accuracy test as a
   * count, so the device compares integers and agrees with the host in any precision.
   *
   * @param thr accuracy threshold in (0, 1]
   * @param total denominator ≥ 0 (0: the accuracy is 1 by convention, so 0 suffices)
   * @return k
   */
  static int needCount(double thr, int total) {
    if (total == 0) {
      return 0;
    }
    int k = (int) Math.min(total, Math.max(0, Math.ceil(thr * total)));
    while (k > 0 && (double) (k - 1) / total >= thr) {
      k--;
    }
    while (k < total && (double) k / total < thr) {
      k++;
    }
    return k;
  }

  /**
   * Runs every cell to its stopping rule.
   *
   * @param listener receives logged metrics and results (from the calling thread)
   * @return one result per cell, in order
   * @throws IllegalStateException if the kernels do not compile for the device or Aparapi left it
   */
  List<SfmResult> run(SfmListener listener) {
    int cells = configs.size();
    SfmProblem[] problems = new SfmProblem[cells];
    for (int c = 0; c < cells; c++) {
      problems[c] = SfmProblem.of(configs.get(c));
    }
    int m = problems[0].m();
    int nn = m * m;
    SfmKernel kernel = precision == Precision.DOUBLE
        ? new SfmKernel64(cells, m, configs.get(0).task().p())
        : new SfmKernel32(cells, m, configs.get(0).task().p());
    boolean launched = false;
    try {
      double[] w0 = load(kernel, problems);
      pin(kernel, target);
      // Explicit transfers on a device; none on the Java thread pool, which works on these arrays.
      kernel.setExplicit(target.isOpenCl());
      Device device = target.device();
      Range elements = range(device, cells * nn);
      Range rows = range(device, cells * m);
      Range perCell = range(device, cells);
      if (target.isOpenCl()) {
        try {
          kernel.compile(device);
        } catch (CompileFailedException e) {
          throw new IllegalStateException("the SFM kernel does not compile for " + target.name() + ": " + e.getMessage(), e);
        }
      }
      kernel.putAll();
      launched = true;

      SfmResult[] results = new SfmResult[cells];
      int remaining = cells;
      for (int t = 0; remaining > 0; t++) {
        kernel.t = t;
        launch(kernel, SfmKernel.INVERSE_ROWS, elements);
        launch(kernel, SfmKernel.PREDICT, elements);
        launch(kernel, SfmKernel.RESIDUAL_ROWS, rows);
        launch(kernel, SfmKernel.MEASURE, perCell);
        boolean log = t % logEvery == 0;
        if (log || t % CHECK_EVERY == 0) {
          kernel.fetchCells();
          double[] w = null;
          for (int c = 0; c < cells; c++) {
            boolean stopped = results[c] == null && kernel.active[c] == 0;
            if (stopped || (results[c] == null && log)) {
              if (w == null) {
                w = t == 0 ? w0 : kernel.fetchWeights();
              }
              int at = stopped ? kernel.tStop[c] : t;
              SfmMetrics mt = metrics(kernel, c, at, problems[c], w);
              listener.logged(configs.get(c), mt);
              if (stopped) {
                results[c] = result(kernel, c, problems[c], mt);
                listener.finished(results[c]);
                remaining--;
              }
            }
          }
        }
        if (remaining > 0) {
          launch(kernel, SfmKernel.FORWARD_ROWS, elements);
          launch(kernel, SfmKernel.DRIFT_GATE, elements);
          launch(kernel, SfmKernel.STEP_ROWS, rows);
          launch(kernel, SfmKernel.CONVERGENCE, perCell);
        }
      }
      return Arrays.asList(results);
    } finally {
      if (launched) {
        // Aparapi 3.0.2 crashes disposing a kernel that never ran (SIGSEGV in JNIContext::dispose).
        kernel.dispose();
      }
    }
  }

  /** Fills the kernel's host arrays; returns W₀ of every cell, interleaved. */
  private double[] load(SfmKernel kernel, SfmProblem[] problems) {
    int cells = problems.length;
    int m = problems[0].m();
    int nn = m * m;
    RealDft2 dft = RealDft2Backend.fastest().create(m, DftNormalization.STANDARD);
    double[] target = new double[cells * nn];
    double[] w0 = new double[2 * cells * nn];
    double[] tau = new double[cells];
    double[] eta = new double[cells];
    double[] decay = new double[cells];
    double[] stepScale = new double[cells];
    double[] tol = new double[cells];
    for (int c = 0; c < cells; c++) {
      SfmProblem pr = problems[c];
      SfmConfig cf = pr.config();
      int n = pr.split().trainSize();
      System.arraycopy(pr.targets(), 0, target, c * nn, nn);
      System.arraycopy(pr.labels(), 0, kernel.label, c * nn, nn);
      boolean[] mask = pr.split().mask();
      for (int i = 0; i < nn; i++) {
        kernel.mask[c * nn + i] = mask[i] ? 1 : 0;
      }
      System.arraycopy(HalfSpectrum.expand(pr.initialWeights(dft), m), 0, w0, 2 * c * nn, 2 * nn);
      tau[c] = OccamThreshold.value(cf.beta(), n);
      eta[c] = cf.eta();
      decay[c] = 1 - cf.eta() * cf.wd();
      stepScale[c] = cf.eta() / (double) nn;
      tol[c] = cf.tol();
      kernel.setCell(c, cf.gate() == Gate.HARD ? SfmKernel.HARD_GATE : 1, cf.iters(), cf.window(), n,
          needCount(cf.accThreshold(), n), needCount(cf.accThreshold(), nn - n));
    }
    double[][] f = twiddles(m);
    kernel.load(f[0], f[1], target, w0, tau, eta, decay, stepScale, tol);
    return w0;
  }

  /**
   * Makes Aparapi run the kernel where the target says. In its default AUTO mode Aparapi 3.0.2
   * treats a range on the Java thread pool as a failed OpenCL request and moves the kernel to its
   * preferred OpenCL device, so the Java target needs the (deprecated) JTP execution mode; the
   * OpenCL target gets AUTO explicitly, so a {@code com.aparapi.executionMode} system property
   * cannot turn its device into an assertion error.
   *
   * @param kernel the kernel
   * @param target where it must run
   */
  @SuppressWarnings("deprecation")
  static void pin(Kernel kernel, OpenClTarget target) {
    kernel.setExecutionModeWithoutFallback(target.isOpenCl() ? Kernel.EXECUTION_MODE.AUTO : Kernel.EXECUTION_MODE.JTP);
  }

  /**
   * Whether Aparapi gave up on the target's device. Kernel.isRunningCL() cannot tell: in Aparapi
   * 3.0.2 it reports the kernel class's preferred device, not the one that ran; a device that
   * failed is instead put on the class's list of failed devices before Aparapi falls back.
   *
   * @param kernel a kernel that was launched
   * @param target its target
   * @return true if the target is an OpenCL device that Aparapi marked failed
   */
  static boolean failed(Kernel kernel, OpenClTarget target) {
    return target.isOpenCl()
        && KernelManager.instance().getPreferences(kernel).getFailedDevices().contains(target.device());
  }

  private Range range(Device device, int items) {
    int local = target.isOpenCl() ? Math.min(GROUP, device.getMaxWorkGroupSize()) : javaLanes();
    int global = (items + local - 1) / local * local;
    return Range.create(device, global, local);
  }

  /** Work-group size on the Java thread pool: Aparapi runs one task per lane, so one per core. */
  private static int javaLanes() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private void launch(SfmKernel kernel, int stage, Range range) {
    kernel.stage = stage;
    kernel.execute(range);
    if (failed(kernel, target)) {
      throw new IllegalStateException("Aparapi could not run the SFM kernel on " + target.name()
          + " (run with -Dcom.aparapi.logLevel=WARNING for its reason)");
    }
  }

  private static SfmMetrics metrics(SfmKernel kernel, int c, int t, SfmProblem problem, double[] w) {
    int nn = problem.m() * problem.m();
    int n = problem.split().trainSize();
    int nTest = nn - n;
    double[] wc = Arrays.copyOfRange(w, 2 * c * nn, 2 * (c + 1) * nn);
    return SfmSolver.metrics(t, problem, wc, kernel.trainSq(c) / n, nTest == 0 ? 0 : kernel.testSq(c) / nTest,
        (double) kernel.trainOk[c] / n, nTest == 0 ? 1.0 : (double) kernel.testOk[c] / nTest, n);
  }

  private static SfmResult result(SfmKernel kernel, int c, SfmProblem problem, SfmMetrics last) {
    OptionalInt tMem = kernel.tMem[c] < 0 ? OptionalInt.empty() : OptionalInt.of(kernel.tMem[c]);
    OptionalInt tGen = kernel.tGen[c] < 0 ? OptionalInt.empty() : OptionalInt.of(kernel.tGen[c]);
    StopReason stop = switch (kernel.stop[c]) {
      case SfmKernel.DIVERGED -> StopReason.DIVERGED;
      case SfmKernel.CONVERGED -> StopReason.CONVERGED;
      default -> StopReason.BUDGET;
    };
    return new SfmResult(problem.config(), Phase.classify(stop == StopReason.DIVERGED, tMem, tGen), tMem, tGen,
        stop, problem.split().trainSize(), problem.idealSupport(), problem.epsGen(), last);
  }
}
