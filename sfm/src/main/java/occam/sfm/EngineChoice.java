package occam.sfm;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import occam.io.EnumNames;
import occam.io.UsageException;
import occam.sfm.opencl.OpenClDevices;
import occam.sfm.opencl.OpenClEngine;
import occam.sfm.opencl.OpenClTarget;
import occam.sfm.opencl.Precision;

/**
 * Which SFM engine a run takes. {@link #AUTO} takes OpenCL only on a GPU or accelerator ({@link
 * OpenClTarget#isAccelerator}): on a CPU OpenCL device such as PoCL, or Aparapi's Java thread pool, the
 * CPU engine is faster. Measured on an NVIDIA H200 (README), the OpenCL engine ran at 0.2–0.6× the CPU
 * engine on 16 cores, so {@link #CPU} is the commands' default.
 */
public enum EngineChoice {
  /** The CPU engine. */
  CPU,
  /** The OpenCL engine on the best device; without one, the CPU engine (or, when strict, a usage error). */
  OPENCL,
  /** The OpenCL engine on a GPU or accelerator, the CPU engine otherwise. */
  AUTO;

  /**
   * Parses an engine name.
   *
   * @param name cpu, opencl or auto (any case); null means cpu
   * @return the choice
   * @throws IllegalArgumentException for any other name, e.g. "unknown engine 'gpu': expected cpu, opencl
   *     or auto"
   */
  public static EngineChoice parse(String name) {
    return name == null ? CPU : EnumNames.parse(EngineChoice.class, name, "engine");
  }

  /**
   * The engine this choice takes. The devices are probed only when OpenCL is a candidate.
   *
   * @param devices what OpenCL devices there are
   * @param precision the OpenCL precision; empty for the device's best ({@link OpenClTarget#bestPrecision})
   * @param strict with {@link #OPENCL}: fail instead of falling back to the CPU engine
   * @param cpu builds the CPU engine
   * @param logEvery the OpenCL engine's logging interval
   * @param fallback told why, when {@link #OPENCL} falls back to the CPU engine
   * @return the engine
   * @throws UsageException for {@link #OPENCL}, strict, without a device
   * @throws IllegalArgumentException for double precision on a device without fp64
   */
  public SfmEngine engine(Supplier<OpenClDevices.Probe> devices, Optional<Precision> precision, boolean strict,
      Supplier<SfmEngine> cpu, int logEvery, Consumer<String> fallback) {
    switch (this) {
      case AUTO: {
        Optional<OpenClTarget> device = devices.get().best().filter(OpenClTarget::isAccelerator);
        return device.isPresent() ? openCl(device.get(), precision, logEvery) : cpu.get();
      }
      case OPENCL: {
        OpenClDevices.Probe found = devices.get();
        if (found.best().isPresent()) {
          return openCl(found.best().get(), precision, logEvery);
        }
        if (strict) {
          throw new UsageException("--engine opencl --strict-engine: " + found.reason());
        }
        fallback.accept(found.reason());
        return cpu.get();
      }
      default:
        return cpu.get();
    }
  }

  /**
   * The OpenCL engine on a device.
   *
   * @param device the device
   * @param precision the precision; empty for the device's best
   * @param logEvery logging interval
   * @return the engine
   * @throws IllegalArgumentException for double precision on a device without fp64
   */
  public static OpenClEngine openCl(OpenClTarget device, Optional<Precision> precision, int logEvery) {
    return new OpenClEngine(device, precision.orElseGet(device::bestPrecision), logEvery, OpenClEngine.DEFAULT_MAX_BATCH);
  }
}
