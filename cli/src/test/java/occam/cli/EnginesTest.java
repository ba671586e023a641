package occam.cli;

import occam.io.UsageException;
import occam.sfm.SfmEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import occam.fourier.RealDft2Backend;
import occam.sfm.CpuEngine;
import occam.sfm.opencl.OpenClDevices;
import occam.sfm.opencl.OpenClEngine;
import occam.sfm.opencl.OpenClTarget;
import occam.sfm.opencl.Precision;
import org.junit.jupiter.api.Test;

class EnginesTest {
  /** A probe that "finds" Aparapi's Java thread pool, to drive the device branch without a device. */
  private static OpenClDevices.Probe javaOnly() {
    return new OpenClDevices.Probe(List.of(OpenClTarget.javaThreadPool()), "");
  }

  private static SfmEngine choose(String engine, boolean strict, String precision, OpenClDevices.Probe probe,
      StringWriter err) {
    OpenClOptions ocl = new OpenClOptions();
    ocl.strict = strict;
    ocl.precision = precision;
    return Engines.choose(engine, ocl, RealDft2Backend.JTRANSFORMS, 1, 10, new PrintWriter(err, true), () -> probe);
  }

  @Test
  void openClWithoutDeviceSaysSoInOneLineAndRunsOnTheCpu() {
    StringWriter err = new StringWriter();
    SfmEngine c = choose("opencl", false, "auto", CliRun.NO_DEVICE.get(), err);
    assertInstanceOf(CpuEngine.class, c);
    assertEquals("occam: --engine opencl: no OpenCL device found (test probe); running on the CPU engine"
        + System.lineSeparator(), err.toString());
  }

  @Test
  void strictEngineWithoutDeviceIsAUsageError() {
    UsageException e = assertThrows(UsageException.class,
        () -> choose("opencl", true, "auto", CliRun.NO_DEVICE.get(), new StringWriter()));
    assertEquals("--engine opencl --strict-engine: no OpenCL device found (test probe)", e.getMessage());
  }

  @Test
  void autoTakesOnlyAnAcceleratorAndTheCpuOtherwise() {
    StringWriter err = new StringWriter();
    assertInstanceOf(CpuEngine.class, choose("auto", false, "auto", CliRun.NO_DEVICE.get(), err));
    // Neither the Java pool nor a CPU OpenCL device (PoCL) beats the CPU engine: auto keeps the CPU.
    assertInstanceOf(CpuEngine.class, choose("auto", false, "auto", javaOnly(), err));
    assertFalse(occam.sfm.opencl.OpenClTarget.javaThreadPool().isAccelerator());
    occam.sfm.opencl.OpenClDevices.best().ifPresent(t -> assertEquals(
        t.name().contains("(gpu") || t.name().contains("(acc"), t.isAccelerator(), t.name()));
    assertInstanceOf(CpuEngine.class, choose("cpu", false, "auto", javaOnly(), err));
    assertEquals("", err.toString(), "auto and cpu say nothing");
  }

  @Test
  void precisionAndNamesPassThrough() {
    OpenClEngine single = (OpenClEngine) choose("opencl", false, "single", javaOnly(), new StringWriter());
    assertEquals(Precision.SINGLE, single.precision());
    OpenClEngine best = (OpenClEngine) choose("opencl", false, "auto", javaOnly(), new StringWriter());
    assertEquals(Precision.DOUBLE, best.precision());
    assertThrows(UsageException.class, () -> choose("opencl", false, "half", javaOnly(), new StringWriter()));
    assertThrows(UsageException.class, () -> choose("gpu", false, "auto", javaOnly(), new StringWriter()));
  }

  @Test
  void runFallsBackOrStopsAsAsked() {
    String[] args = {"run", "--p", "7", "--frac", "0.5", "--beta", "0.01", "--iters", "20", "--json", "--engine", "opencl"};
    CliRun fallback = CliRun.withProbe(CliRun.NO_DEVICE, args);
    assertEquals(0, fallback.exit(), fallback.err());
    assertEquals(List.of("occam: --engine opencl: no OpenCL device found (test probe); running on the CPU engine"),
        fallback.errLines().stream().filter(l -> !l.matches("occam run: \\d+% .*")).toList(), "besides the progress lines");
    JsonObject o = JsonParser.parseString(fallback.out()).getAsJsonObject();
    assertTrue(o.get("engine").getAsString().startsWith("cpu"), o.toString());

    String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
    strict[args.length] = "--strict-engine";
    CliRun stopped = CliRun.withProbe(CliRun.NO_DEVICE, strict);
    assertEquals(Occam.EXIT_USAGE, stopped.exit());
    assertEquals(List.of("occam run: --engine opencl --strict-engine: no OpenCL device found (test probe)"), stopped.errLines());
    assertEquals("", stopped.out());
  }

  /** On a device (PoCL in CI) or on the Java thread pool, run --engine opencl reports the same run as the CPU. */
  @Test
  void runOnOpenClMatchesCpu() {
    String[] args = {"run", "--p", "7", "--frac", "0.5", "--beta", "0.01", "--iters", "30", "--json", "--engine"};
    CliRun cpu = CliRun.of(concat(args, "cpu"));
    boolean device = OpenClDevices.best().isPresent();
    CliRun cl = device ? CliRun.of(concat(args, "opencl")) : CliRun.withProbe(EnginesTest::javaOnly, concat(args, "opencl"));
    assertEquals(0, cl.exit(), cl.err());
    JsonObject a = JsonParser.parseString(cpu.out()).getAsJsonObject();
    JsonObject b = JsonParser.parseString(cl.out()).getAsJsonObject();
    assertTrue(b.get("engine").getAsString().startsWith(device ? "opencl (" : "opencl-java ("), b.toString());
    for (String key : List.of("phase", "t_mem", "t_gen", "support", "ideal_support")) {
      assertEquals(a.get(key), b.get(key), key);
    }
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
