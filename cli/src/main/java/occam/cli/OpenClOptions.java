package occam.cli;

import picocli.CommandLine.Option;

/** Options of the OpenCL engine, shared by the commands that take {@code --engine}. */
public final class OpenClOptions {
  @Option(names = "--strict-engine",
      description = "With --engine opencl: exit 2 when there is no OpenCL device, instead of falling back to the CPU engine.")
  boolean strict;

  @Option(names = "--precision",
      description = "OpenCL engine precision: auto (fp64 where the device has cl_khr_fp64, else fp32), double or single"
          + " (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
  String precision = "auto";
}
