package occam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import occam.sfm.opencl.OpenClDevices;
import picocli.CommandLine;

/** Runs the command line in-process and keeps its exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {
  /** A probe that finds no OpenCL device, as on a machine without an ICD. */
  static final Supplier<OpenClDevices.Probe> NO_DEVICE =
      () -> new OpenClDevices.Probe(List.of(), "no OpenCL device found (test probe)");

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Occam.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Runs with {@link Engines#probe} replaced. */
  static CliRun withProbe(Supplier<OpenClDevices.Probe> probe, String... args) {
    Supplier<OpenClDevices.Probe> saved = Engines.probe;
    Engines.probe = probe;
    try {
      return of(args);
    } finally {
      Engines.probe = saved;
    }
  }

  List<String> errLines() {
    return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
  }
}
