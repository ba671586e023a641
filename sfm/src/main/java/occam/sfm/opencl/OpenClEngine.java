package occam.sfm.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;

/**
 * Runs SFM cells in batches through Aparapi: every cell with the same (p, m) advances together,
 * one work item per matrix entry, row or cell of the whole batch (batch outermost), and the whole
 * iteration (prediction, residual, readouts, drift, gate, reductions for t_mem, t_gen and
 * convergence) stays on the device; the host sees the small per-cell state at log steps and every
 * {@value BatchRun#CHECK_EVERY} iterations, and W only at log steps and when a cell stops.
 *
 * <p>Cost: the m×m DFT is two dense complex matrix products with the twiddle matrix (prime m rules
 * out radix 2), so an iteration is about 24·m³ flops per cell (inverse: 8m³ + 4m³ for the real part
 * only; forward: 4m³ for a real residual + 8m³) plus O(m²) for the rest, against O(m² log m) for the
 * CPU engine's FFT. A GPU makes that up by running B·m² work items at once; a CPU OpenCL device
 * (PoCL) does not, and the benchmark ({@code occam bench sfm}) shows by how much.
 *
 * <p>Results match {@link occam.sfm.CpuEngine}'s to rounding in double precision (same phase, t_mem
 * and t_gen within an iteration, same support); see the engine's tests for the measured agreement,
 * in single precision too.
 */
public final class OpenClEngine implements SfmEngine {
  static {
    AparapiLogging.quiet();
  }

  /**
   * Default largest batch. A cell takes 80 bytes per matrix entry on the device (nine reals and two
   * ints per entry in fp64) and about as much again on the host, so 256 cells of p = 97 take about
   * 190 MB on the device and 250 MB on the host.
   */
  public static final int DEFAULT_MAX_BATCH = 256;

  private final OpenClTarget target;
  private final Precision precision;
  private final int logEvery;
  private final int maxBatch;

  /**
   * Creates the engine.
   *
   * @param target the device, or {@link OpenClTarget#javaThreadPool()}
   * @param precision the format to compute in
   * @param logEvery logging interval ≥ 1 passed to listeners
   * @param maxBatch most cells per batch ≥ 1 (more are split into several batches)
   * @throws IllegalArgumentException if logEvery or maxBatch &lt; 1, or double precision is asked of
   *     a device without cl_khr_fp64
   */
  public OpenClEngine(OpenClTarget target, Precision precision, int logEvery, int maxBatch) {
    if (target == null || precision == null) {
      throw new IllegalArgumentException("target and precision must be given");
    }
    if (logEvery < 1) {
      throw new IllegalArgumentException("log-every = " + logEvery + " is not allowed: it must be >= 1");
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("max batch = " + maxBatch + " is not allowed: it must be >= 1");
    }
    if (precision == Precision.DOUBLE && !target.supportsFp64()) {
      throw new IllegalArgumentException(target.name() + " has no double precision (cl_khr_fp64): use single");
    }
    this.target = target;
    this.precision = precision;
    this.logEvery = logEvery;
    this.maxBatch = maxBatch;
  }

  /**
   * The engine in the target's best precision with the default batch limit.
   *
   * @param target the device
   * @param logEvery logging interval ≥ 1
   * @return the engine
   * @throws IllegalArgumentException if logEvery &lt; 1
   */
  public static OpenClEngine of(OpenClTarget target, int logEvery) {
    return new OpenClEngine(target, target.bestPrecision(), logEvery, DEFAULT_MAX_BATCH);
  }

  /** @return where the kernels run */
  public OpenClTarget target() {
    return target;
  }

  /** One batch of cells at a time. */
  @Override
  public int runsInFlight(long runs) {
    return (int) Math.max(1, Math.min(maxBatch, runs));
  }

  /** @return the format the kernels compute in */
  public Precision precision() {
    return precision;
  }

  @Override
  public String name() {
    return (target.isOpenCl() ? "opencl (" : "opencl-java (") + target.name() + ", " + precision.label() + ")";
  }

  /**
   * Runs the cells, batching those with the same p and m (in order of first appearance, at most
   * {@code maxBatch} at a time); listeners are called from the calling thread.
   *
   * @param cells the runs
   * @param listener progress receiver
   * @return one result per cell, in the order given
   * @throws IllegalStateException if the kernels cannot run on the device
   */
  @Override
  public List<SfmResult> run(List<SfmConfig> cells, SfmListener listener) {
    Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      SfmConfig c = cells.get(i);
      groups.computeIfAbsent(List.of(c.task().p(), c.task().groupOrder()), k -> new ArrayList<>()).add(i);
    }
    SfmResult[] out = new SfmResult[cells.size()];
    for (List<Integer> group : groups.values()) {
      for (int from = 0; from < group.size(); from += maxBatch) {
        List<Integer> idx = group.subList(from, Math.min(group.size(), from + maxBatch));
        List<SfmConfig> batch = new ArrayList<>(idx.size());
        for (int i : idx) {
          batch.add(cells.get(i));
        }
        List<SfmResult> res = new BatchRun(target, precision, batch, logEvery).run(listener);
        for (int j = 0; j < idx.size(); j++) {
          out[idx.get(j)] = res.get(j);
        }
      }
    }
    return Arrays.asList(out);
  }
}
