package occam.cli;

import java.io.PrintWriter;
import java.util.Locale;
import occam.fourier.RealDft2Backend;
import occam.sfm.CpuEngine;
import occam.sfm.SfmEngine;

/** Picks the SFM engine from {@code --engine cpu|opencl|auto}. */
final class Engines {
  private Engines() {}

  record Choice(SfmEngine engine) {}

  static Choice choose(String name, RealDft2Backend backend, int threads, int logEvery, PrintWriter err) {
    String n = name == null ? "cpu" : name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "cpu":
      case "auto":
        return new Choice(new CpuEngine(backend, threads, logEvery));
      case "opencl":
        err.println("occam: the OpenCL engine is not built yet; running on the CPU engine");
        err.flush();
        return new Choice(new CpuEngine(backend, threads, logEvery));
      default:
        throw new IllegalArgumentException("unknown engine '" + name + "': expected cpu, opencl or auto");
    }
  }
}
