package occam.sfm.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import occam.fourier.RealDft2Backend;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.StopReason;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL engine against the CPU engine (the reference), computed in the test: on Aparapi's
 * Java thread pool (always: the kernels' own Java code, which is also what runs without an OpenCL
 * device) and on the best OpenCL device when there is one (PoCL in CI).
 *
 * <p>Tolerances, from the measured differences (the tests print them): in double precision the
 * matrix DFT and the CPU's FFT round differently, by about 1e−14 relative on every metric; we
 * allow 1e−11 relative, plus 1e−20 absolute for train MSEs that should be 0 (≈1e−30 either way).
 * In single precision the metrics differ by up to about 1e−5 relative (a fitted train MSE, which
 * sits at 5e−13 instead of 1e−30); we allow 1e−4 relative plus 1e−10 absolute.
 */
class OpenClEngineTest {
  private static final double FP64_REL = 1e-11;
  private static final double FP64_ABS = 1e-20;
  private static final double FP32_REL = 1e-4;
  private static final double FP32_ABS = 1e-10;

  /** The grokking cell of the issue: soft gate, p = 13 add, frac 0.6, β = 1e−3 (CPU: t_mem 1, t_gen 85). */
  static SfmConfig grokking(int iters) {
    return SfmConfig.of(ModularTask.of(13, Op.ADD), 0.6, 1e-3, Gate.SOFT, iters, 0);
  }

  /**
   * Cells with both gates and every phase the small tasks give; several m (13, 12, 11, 7) so
   * batches form per (p, m); one cell with a 5-iteration budget beside 4000-iteration ones, so it
   * stops and freezes while its batch runs on; one with no test set; one with every option set.
   */
  static List<SfmConfig> cells() {
    return List.of(
        grokking(4000),
        SfmConfig.of(ModularTask.of(13, Op.ADD), 0.6, 1e-3, Gate.HARD, 300, 0),
        SfmConfig.of(ModularTask.of(13, Op.SUB), 0.4, 1e-2, Gate.SOFT, 500, 1),
        SfmConfig.of(ModularTask.of(13, Op.ADD), 0.3, 1e-2, Gate.SOFT, 5, 4),
        SfmConfig.of(ModularTask.of(13, Op.MUL), 0.6, 1e-3, Gate.SOFT, 4000, 0),
        SfmConfig.of(ModularTask.of(7, Op.ADD), 0.5, 1e-2, Gate.HARD, 100, 2),
        SfmConfig.of(ModularTask.of(7, Op.ADD), 1.0, 1e-6, Gate.HARD, 50, 0),
        new SfmConfig(ModularTask.of(11, Op.SUB), 0.5, 3e-3, Gate.SOFT, 0.8, 0.01, 300, 3, 0.3, 0.1, 0.95, 1e-10, 5));
  }

  private static List<SfmResult> cpu(List<SfmConfig> cells, SfmListener listener) {
    return new CpuEngine(RealDft2Backend.JTRANSFORMS, 1, 25).run(cells, listener);
  }

  /** Runs the cells on both engines, logging every 25 iterations, and checks results and traces. */
  private static void agree(OpenClEngine engine, List<SfmConfig> cells, Agreement agreement, boolean sameStop) {
    Agreement.Trace cpuTrace = new Agreement.Trace();
    Agreement.Trace clTrace = new Agreement.Trace();
    List<SfmResult> expected = cpu(cells, cpuTrace);
    List<SfmResult> actual = engine.run(cells, clTrace);
    assertEquals(cells.size(), actual.size());
    for (int i = 0; i < cells.size(); i++) {
      assertTrue(actual.get(i).config() == cells.get(i), "results keep the order of the cells");
      agreement.result(expected.get(i), actual.get(i), sameStop);
      if (sameStop) {
        agreement.trace(cells.get(i), cpuTrace.logged.get(cells.get(i)), clTrace.logged.get(cells.get(i)));
      }
    }
    System.out.println(agreement.summary());
  }

  @Test
  void javaThreadPoolAgreesWithCpuEngine() {
    // Batches of at most 3 cells: several batches per (p, m) group, results still in input order.
    OpenClEngine engine = new OpenClEngine(OpenClTarget.javaThreadPool(), Precision.DOUBLE, 25, 3);
    agree(engine, cells(), new Agreement("fp64 on the Java thread pool", FP64_REL, FP64_ABS), true);
  }

  @Test
  void openClDeviceAgreesWithCpuEngine() {
    Optional<OpenClTarget> device = OpenClDevices.best();
    assumeTrue(device.isPresent(), () -> "no OpenCL device: " + OpenClDevices.probe().reason());
    assumeTrue(device.get().supportsFp64(), () -> device.get().name() + " has no fp64");
    OpenClEngine engine = new OpenClEngine(device.get(), Precision.DOUBLE, 25, OpenClEngine.DEFAULT_MAX_BATCH);
    assertTrue(engine.name().contains(device.get().name()), engine.name());
    agree(engine, cells(), new Agreement("fp64 on " + device.get().name(), FP64_REL, FP64_ABS), true);
  }

  /**
   * Single precision (forced, on the device when there is one, else on the Java thread pool):
   * same phases, t_mem, t_gen and supports, but a 1e−12 convergence tolerance is below float's
   * noise floor, so cells run to their budget (the budgets here are kept short for that).
   */
  @Test
  void singlePrecisionAgreesToItsRounding() {
    OpenClTarget target = OpenClDevices.best().orElse(OpenClTarget.javaThreadPool());
    OpenClEngine engine = new OpenClEngine(target, Precision.SINGLE, 25, OpenClEngine.DEFAULT_MAX_BATCH);
    List<SfmConfig> cells = List.of(grokking(300),
        SfmConfig.of(ModularTask.of(13, Op.ADD), 0.6, 1e-3, Gate.HARD, 100, 0),
        SfmConfig.of(ModularTask.of(13, Op.SUB), 0.4, 1e-2, Gate.SOFT, 300, 1),
        SfmConfig.of(ModularTask.of(7, Op.ADD), 0.5, 1e-2, Gate.HARD, 100, 2));
    Agreement agreement = new Agreement("fp32 on " + target.name(), FP32_REL, FP32_ABS);
    List<SfmResult> expected = cpu(cells, SfmListener.NONE);
    List<SfmResult> actual = engine.run(cells, SfmListener.NONE);
    for (int i = 0; i < cells.size(); i++) {
      agreement.result(expected.get(i), actual.get(i), false);
      assertEquals(StopReason.BUDGET, actual.get(i).stop());
    }
    System.out.println(agreement.summary());
    assertEquals(Phase.GROKKING, actual.get(0).phase());
  }

  /** The reference cell, computed here with the CPU engine: grokking with t_mem 1. */
  @Test
  void grokkingCellGroksOnBothEngines() {
    SfmResult cpu = cpu(List.of(grokking(4000)), SfmListener.NONE).get(0);
    assertEquals(Phase.GROKKING, cpu.phase());
    assertEquals(1, cpu.tMem().getAsInt());
    SfmResult jtp = OpenClEngine.of(OpenClTarget.javaThreadPool(), 1000).run(List.of(grokking(4000)), SfmListener.NONE).get(0);
    assertEquals(cpu.tGen(), jtp.tGen());
    assertEquals(cpu.last().t(), jtp.last().t());
  }

  @Test
  void namesSayWhereTheKernelsRun() {
    OpenClEngine jtp = OpenClEngine.of(OpenClTarget.javaThreadPool(), 1);
    assertEquals("opencl-java (Aparapi Java thread pool, fp64)", jtp.name());
    assertFalse(jtp.target().isOpenCl());
    OpenClDevices.best().ifPresent(d -> assertTrue(OpenClEngine.of(d, 1).name().startsWith("opencl (" + d.name())));
  }

  @Test
  void invalidArgumentsFail() {
    OpenClTarget jtp = OpenClTarget.javaThreadPool();
    assertThrows(IllegalArgumentException.class, () -> new OpenClEngine(jtp, Precision.DOUBLE, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new OpenClEngine(jtp, Precision.DOUBLE, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new OpenClEngine(null, Precision.DOUBLE, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new OpenClEngine(jtp, null, 1, 1));
    OpenClTarget noFp64 = new OpenClTarget(jtp.device(), "a device without fp64", true, false);
    assertThrows(IllegalArgumentException.class, () -> new OpenClEngine(noFp64, Precision.DOUBLE, 1, 1));
    assertEquals(Precision.SINGLE, OpenClEngine.of(noFp64, 1).precision());
    List<SfmConfig> mixed = List.of(grokking(10), SfmConfig.of(ModularTask.of(7, Op.ADD), 0.5, 1e-2, Gate.HARD, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new BatchRun(jtp, Precision.DOUBLE, mixed, 1));
    assertThrows(IllegalArgumentException.class, () -> Precision.parse("half"));
    assertEquals(Precision.SINGLE, Precision.parse("FP32"));
    assertEquals(Precision.DOUBLE, Precision.parse("double"));
  }

  /** The accuracy test trainOk/n ≥ thr as a count, the least k that passes it. */
  @Test
  void needCountIsTheLeastPassingCount() {
    assertEquals(99, BatchRun.needCount(0.99, 100));
    assertEquals(100, BatchRun.needCount(0.99, 101));
    assertEquals(101, BatchRun.needCount(1.0, 101));
    assertEquals(2, BatchRun.needCount(0.5, 3));
    assertEquals(2, BatchRun.needCount(0.5, 4));
    assertEquals(1, BatchRun.needCount(1e-9, 4));
    assertEquals(0, BatchRun.needCount(0.99, 0));
    for (int n = 1; n < 300; n++) {
      int k = BatchRun.needCount(0.99, n);
      assertTrue((double) k / n >= 0.99 && (k == 0 || (double) (k - 1) / n < 0.99), "n = " + n);
    }
  }
}
