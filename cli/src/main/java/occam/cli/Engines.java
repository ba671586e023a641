package occam.cli;

import occam.io.UsageException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import occam.fourier.RealDft2Backend;
import occam.sfm.CpuEngine;
import occam.sfm.SfmEngine;
import occam.sfm.opencl.OpenClDevices;
import occam.sfm.opencl.OpenClEngine;
import occam.sfm.opencl.OpenClTarget;
import occam.sfm.opencl.Precision;

/**
 * Picks the SFM engine from {@code --engine cpu|opencl|auto}: {@code opencl} runs on the best
 * OpenCL device and, when there is none, says so in one line and runs on the CPU engine (or, with
 * {@code --strict-engine}, stops with exit 2); {@code auto} takes an OpenCL GPU or accelerator when
 * there is one ({@link OpenClTarget#isAccelerator}) and the CPU engine otherwise: on a CPU OpenCL
 * device such as PoCL, or Aparapi's Java thread pool, the CPU engine is faster.
 */
final class Engines {
  /** What OpenCL devices there are; tests put a probe without devices here. */
  static volatile Supplier<OpenClDevices.Probe> probe = OpenClDevices::probe;

  private Engines() {}

  /**
   * Picks an engine, probing OpenCL with {@link #probe} (once per JVM).
   *
   * @param name cpu, opencl or auto
   * @param ocl the OpenCL options
   * @param backend DFT of the CPU engine
   * @param threads CPU engine threads
   * @param logEvery logging interval
   * @param err where the fallback line goes
   * @return the engine
   * @throws IllegalArgumentException for an unknown engine or precision
   * @throws UsageException with --strict-engine and no OpenCL device
   */
  static SfmEngine choose(String name, OpenClOptions ocl, RealDft2Backend backend, int threads, int logEvery, PrintWriter err) {
    return choose(name, ocl, backend, threads, logEvery, err, probe);
  }

  /**
   * Picks an engine with a given probe (tests pass one without a device).
   *
   * @param name cpu, opencl or auto
   * @param ocl the OpenCL options
   * @param backend DFT of the CPU engine
   * @param threads CPU engine threads
   * @param logEvery logging interval
   * @param err where the fallback line goes
   * @param probe what OpenCL devices there are
   * @return the engine
   * @throws IllegalArgumentException for an unknown engine or precision
   * @throws UsageException with --strict-engine and no OpenCL device
   */
  static SfmEngine choose(String name, OpenClOptions ocl, RealDft2Backend backend, int threads, int logEvery, PrintWriter err,
      Supplier<OpenClDevices.Probe> probe) {
    String n = name == null ? "cpu" : name.trim().toLowerCase(Locale.ROOT);
    String prec = ocl.precision == null ? "auto" : ocl.precision.trim();
    if (!"auto".equalsIgnoreCase(prec)) {
      Precision.parse(prec); // a bad --precision fails before any device is probed
    }
    switch (n) {
      case "cpu":
        return new CpuEngine(backend, threads, logEvery);
      case "auto": {
        Optional<OpenClTarget> device = probe.get().best().filter(OpenClTarget::isAccelerator);
        return device.isPresent() ? openCl(device.get(), ocl, logEvery) : new CpuEngine(backend, threads, logEvery);
      }
      case "opencl": {
        OpenClDevices.Probe found = probe.get();
        if (found.best().isPresent()) {
          return openCl(found.best().get(), ocl, logEvery);
        }
        if (ocl.strict) {
          throw new UsageException("--engine opencl --strict-engine: " + found.reason());
        }
        err.println("occam: --engine opencl: " + found.reason() + "; running on the CPU engine");
        err.flush();
        return new CpuEngine(backend, threads, logEvery);
      }
      default:
        throw new IllegalArgumentException("unknown engine '" + occam.io.Messages.value(name) + "': expected cpu, opencl or auto");
    }
  }

  /**
   * The OpenCL engine on a device in the asked precision.
   *
   * @param device the device
   * @param ocl the options (precision auto, double or single)
   * @param logEvery logging interval
   * @return the engine
   * @throws IllegalArgumentException for an unknown precision, or double on a device without fp64
   */
  static OpenClEngine openCl(OpenClTarget device, OpenClOptions ocl, int logEvery) {
    String p = ocl.precision == null ? "auto" : ocl.precision.trim();
    Precision precision = "auto".equalsIgnoreCase(p) ? device.bestPrecision() : Precision.parse(p);
    return new OpenClEngine(device, precision, logEvery, OpenClEngine.DEFAULT_MAX_BATCH);
  }
}
