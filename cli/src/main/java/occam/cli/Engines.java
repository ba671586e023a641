package occam.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import occam.fourier.RealDft2Backend;
import occam.io.UsageException;
import occam.sfm.CpuEngine;
import occam.sfm.EngineChoice;
import occam.sfm.SfmEngine;
import occam.sfm.opencl.OpenClDevices;
import occam.sfm.opencl.Precision;

/**
 * Maps {@code --engine cpu|opencl|auto} and the {@link OpenClOptions} to the library's {@link
 * EngineChoice}, whose javadoc holds the policy; the fallback line goes to stderr.
 */
final class Engines {
  /** What OpenCL devices there are; tests put a probe without devices here. */
  static volatile Supplier<OpenClDevices.Probe> probe = OpenClDevices::probe;

  private Engines() {}

  /**
   * Picks an engine, probing OpenCL with {@link #probe}.
   *
   * @param name cpu, opencl or auto
   * @param ocl the OpenCL options
   * @param backend DFT of the CPU engine
   * @param threads CPU engine threads
   * @param logEvery logging interval
   * @param err where the fallback line goes
   * @return the engine
   * @throws UsageException for an unknown engine or precision, or with --strict-engine and no OpenCL device
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
   * @throws UsageException for an unknown engine or precision, or with --strict-engine and no OpenCL device
   */
  static SfmEngine choose(String name, OpenClOptions ocl, RealDft2Backend backend, int threads, int logEvery, PrintWriter err,
      Supplier<OpenClDevices.Probe> probe) {
    EngineChoice choice = Commands.userInput(() -> EngineChoice.parse(name));
    Optional<Precision> precision = Commands.userInput(() -> precision(ocl.precision));
    return Commands.userInput(() -> choice.engine(probe, precision, ocl.strict,
        () -> new CpuEngine(backend, threads, logEvery), logEvery, reason -> {
          err.println("occam: --engine opencl: " + reason + "; running on the CPU engine");
          err.flush();
        }));
  }

  private static Optional<Precision> precision(String name) {
    return name == null || "auto".equalsIgnoreCase(name.trim()) ? Optional.empty() : Optional.of(Precision.parse(name));
  }
}
