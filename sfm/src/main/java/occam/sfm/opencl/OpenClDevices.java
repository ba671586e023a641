package occam.sfm.opencl;

import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.opencl.OpenCLLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the OpenCL devices Aparapi can use, without ever letting its native loader print a stack
 * trace or throw: when the native library or the OpenCL ICD loader cannot be loaded, or no
 * platform has a device, the probe says so in one line. Aparapi's Java thread pool is never
 * counted as a device. The probe runs once per JVM.
 */
public final class OpenClDevices {
  static {
    AparapiLogging.quiet();
  }

  /** Preference among device types: GPUs, then accelerators, then CPUs (PoCL), then the rest. */
  private static final List<Device.TYPE> PREFERENCE = List.of(Device.TYPE.GPU, Device.TYPE.ACC, Device.TYPE.CPU);

  private static volatile Probe probe;

  private OpenClDevices() {}

  /**
   * What the probe found.
   *
   * @param devices OpenCL devices, best first (empty when there is none)
   * @param reason when there is none, why, in one line; empty otherwise
   */
  public record Probe(List<OpenClTarget> devices, String reason) {
    /** Copies the list. */
    public Probe {
      devices = List.copyOf(devices);
    }

    /** @return the best device: the first GPU, accelerator or CPU device, most compute units first */
    public Optional<OpenClTarget> best() {
      return devices.isEmpty() ? Optional.empty() : Optional.of(devices.get(0));
    }
  }

  /**
   * Probes once and remembers the answer.
   *
   * @return the devices or why there are none
   */
  public static Probe probe() {
    Probe p = probe;
    if (p == null) {
      synchronized (OpenClDevices.class) {
        p = probe;
        if (p == null) {
          p = detect();
          probe = p;
        }
      }
    }
    return p;
  }

  /** @return the best OpenCL device, if any */
  public static Optional<OpenClTarget> best() {
    return probe().best();
  }

  private static Probe detect() {
    try {
      if (!OpenCLLoader.isOpenCLAvailable()) {
        return new Probe(List.of(), "Aparapi could not load its OpenCL native library (is an OpenCL ICD loader, libOpenCL.so.1, installed?)");
      }
      List<OpenCLDevice> found = new ArrayList<>(OpenCLDevice.listDevices(null));
      if (found.isEmpty()) {
        return new Probe(List.of(), "no OpenCL device found (no OpenCL driver: install a GPU's OpenCL driver or pocl-opencl-icd)");
      }
      found.sort(Comparator.comparingInt((OpenCLDevice d) -> rank(d.getType()))
          .thenComparing(Comparator.comparingInt(OpenCLDevice::getMaxComputeUnits).reversed()));
      List<OpenClTarget> targets = new ArrayList<>();
      for (OpenCLDevice d : found) {
        targets.add(new OpenClTarget(d, describe(d), true, hasFp64(d)));
      }
      return new Probe(targets, "");
    } catch (RuntimeException | LinkageError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Probe(List.of(), "probing OpenCL through Aparapi failed: " + why.replaceAll("\\s*\\R\\s*", " ").trim());
    }
  }

  private static int rank(Device.TYPE type) {
    int i = PREFERENCE.indexOf(type);
    return i < 0 ? PREFERENCE.size() : i;
  }

  private static String describe(OpenCLDevice d) {
    String platform = d.getOpenCLPlatform() == null ? "" : d.getOpenCLPlatform().getName();
    String type = d.getType() == null ? "device" : d.getType().name().toLowerCase(Locale.ROOT);
    return d.getName().trim() + " (" + type + (platform.isBlank() ? "" : ", " + platform.trim()) + ", "
        + d.getMaxComputeUnits() + " compute units)";
  }

  /**
   * Compiles and runs {@link Fp64Probe} on the device: Aparapi rejects it where cl_khr_fp64 is
   * missing. The kernel is disposed only after it ran: Aparapi 3.0.2 crashes (SIGSEGV in
   * JNIContext::dispose) when a kernel that was compiled but never executed is disposed.
   */
  private static boolean hasFp64(OpenCLDevice d) {
    Fp64Probe k = new Fp64Probe();
    OpenClTarget target = new OpenClTarget(d, d.getName(), true, true);
    BatchRun.pin(k, target);
    try {
      k.compile(d);
    } catch (CompileFailedException | RuntimeException e) {
      return false;
    }
    k.execute(Range.create(d, 1, 1));
    boolean ran = !BatchRun.failed(k, target);
    k.dispose();
    return ran;
  }
}
