package occam.sfm.opencl;

import com.aparapi.Kernel;

/**
 * A one-line double-precision kernel: Aparapi refuses to compile it for a device without
 * cl_khr_fp64 ("FP64 required but not supported"), which is how {@link OpenClDevices} asks a
 * device whether it has fp64.
 */
final class Fp64Probe extends Kernel {
  /** One value, halved. */
  double[] x = {1.0};

  @Override
  public void run() {
    x[0] = x[0] * 0.5;
  }
}
