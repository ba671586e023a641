package occam.sfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import occam.fourier.RealDft2Backend;
import occam.io.UsageException;
import occam.sfm.opencl.OpenClDevices;
import occam.sfm.opencl.OpenClEngine;
import occam.sfm.opencl.OpenClTarget;
import occam.sfm.opencl.Precision;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {
  private static final OpenClDevices.Probe NONE = new OpenClDevices.Probe(List.of(), "no device (test probe)");
  /** Aparapi's Java thread pool: a device that is not an accelerator. */
  private static final OpenClDevices.Probe JAVA_POOL =
      new OpenClDevices.Probe(List.of(OpenClTarget.javaThreadPool()), "");

  private final CpuEngine cpu = new CpuEngine(RealDft2Backend.JTRANSFORMS, 1, 10);
  private final List<String> fallbacks = new ArrayList<>();

  private SfmEngine engine(EngineChoice c, OpenClDevices.Probe probe, Optional<Precision> precision, boolean strict) {
    return c.engine(() -> probe, precision, strict, () -> cpu, 10, fallbacks::add);
  }

  @Test
  void parsesNamesIgnoringCase() {
    assertEquals(EngineChoice.OPENCL, EngineChoice.parse(" OpenCL "));
    assertEquals(EngineChoice.AUTO, EngineChoice.parse("auto"));
    assertEquals(EngineChoice.CPU, EngineChoice.parse(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineChoice.parse("gpu"));
    assertEquals("unknown engine 'gpu': expected cpu, opencl or auto", e.getMessage());
  }

  @Test
  void cpuNeverProbes() {
    assertSame(cpu, EngineChoice.CPU.engine(() -> {
      throw new AssertionError("probed");
    }, Optional.empty(), true, () -> cpu, 10, fallbacks::add));
  }

  @Test
  void autoTakesOnlyAnAccelerator() {
    assertSame(cpu, engine(EngineChoice.AUTO, NONE, Optional.empty(), false));
    assertSame(cpu, engine(EngineChoice.AUTO, JAVA_POOL, Optional.empty(), false), "a non-accelerator keeps the CPU");
    assertEquals(List.of(), fallbacks, "auto says nothing");
  }

  @Test
  void openClFallsBackWithItsReasonOrFailsWhenStrict() {
    assertSame(cpu, engine(EngineChoice.OPENCL, NONE, Optional.empty(), false));
    assertEquals(List.of("no device (test probe)"), fallbacks);
    UsageException e = assertThrows(UsageException.class, () -> engine(EngineChoice.OPENCL, NONE, Optional.empty(), true));
    assertEquals("--engine opencl --strict-engine: no device (test probe)", e.getMessage());
  }

  @Test
  void openClTakesAnyDeviceInTheAskedPrecision() {
    OpenClEngine best = assertInstanceOf(OpenClEngine.class, engine(EngineChoice.OPENCL, JAVA_POOL, Optional.empty(), true));
    assertEquals(OpenClTarget.javaThreadPool().bestPrecision(), best.precision());
    OpenClEngine single = assertInstanceOf(OpenClEngine.class,
        engine(EngineChoice.OPENCL, JAVA_POOL, Optional.of(Precision.SINGLE), false));
    assertEquals(Precision.SINGLE, single.precision());
  }
}
