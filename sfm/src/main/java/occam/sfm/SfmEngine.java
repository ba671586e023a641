package occam.sfm;

import java.util.List;

/**
 * Runs SFM cells. Implementations: {@link CpuEngine} (one cell per thread, JTransforms or another
 * {@link occam.fourier.RealDft2Backend}) and the batched {@link occam.sfm.opencl.OpenClEngine}. Every
 * engine gives the same phases, t_mem and t_gen for the same cells (up to its stated precision).
 */
public interface SfmEngine {
  /** @return a short name for reports, including the device it runs on */
  String name();

  /**
   * Runs the cells.
   *
   * @param cells the runs
   * @param listener progress receiver (called from worker threads)
   * @return one result per cell, in the order given
   */
  List<SfmResult> run(List<SfmConfig> cells, SfmListener listener);
}
