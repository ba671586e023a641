package occam.sfm.opencl;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;

/**
 * Where the OpenCL engine's kernels run: an OpenCL device found by {@link OpenClDevices}, or
 * Aparapi's Java thread pool, which runs the same kernels' Java code (the pure-Java reference path
 * of every stage, and the fallback when there is no device).
 */
public final class OpenClTarget {
  static {
    AparapiLogging.quiet();
  }

  private final Device device;
  private final String name;
  private final boolean openCl;
  private final boolean fp64;

  OpenClTarget(Device device, String name, boolean openCl, boolean fp64) {
    this.device = device;
    this.name = name;
    this.openCl = openCl;
    this.fp64 = fp64;
  }

  /**
   * Aparapi's Java thread pool: the kernels' {@code run()} in Java, one task per work-group lane.
   *
   * @return the Java target (always available, double precision)
   */
  public static OpenClTarget javaThreadPool() {
    return new OpenClTarget(JavaDevice.THREAD_POOL, "Aparapi Java thread pool", false, true);
  }

  /** @return a short description: the device and its platform, or the Java thread pool */
  public String name() {
    return name;
  }

  /** @return true for an OpenCL device, false for Aparapi's Java thread pool */
  public boolean isOpenCl() {
    return openCl;
  }

  /**
   * Whether this target should beat the CPU engine: an OpenCL GPU or accelerator. On a CPU OpenCL
   * device (PoCL) the batched matrix DFT, O(m³) per cell, loses to the CPU engine's FFT (measured
   * with {@code occam bench sfm}: 0.07–0.7× at p = 31 and 97 on 2 cores), so {@code --engine auto}
   * takes only devices for which this is true.
   *
   * @return true for an OpenCL device of type GPU or ACC
   */
  public boolean isAccelerator() {
    return openCl && (device.getType() == Device.TYPE.GPU || device.getType() == Device.TYPE.ACC);
  }

  /** @return whether the target computes in double precision (cl_khr_fp64 on OpenCL devices) */
  public boolean supportsFp64() {
    return fp64;
  }

  /** @return double precision when supported, else single */
  public Precision bestPrecision() {
    return fp64 ? Precision.DOUBLE : Precision.SINGLE;
  }

  /** @return the Aparapi device */
  Device device() {
    return device;
  }

  @Override
  public String toString() {
    return name;
  }
}
