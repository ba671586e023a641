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
   * What decides this engine's numbers, without what does not (a thread count): a scan journal made
   * with one engine is resumed only with an engine of the same key.
   *
   * @return the key; by default {@link #name()}
   */
  default String resultsKey() {
    return name();
  }

  /**
   * How many runs this engine holds in memory at once for a list of that many, for a size check
   * before allocating ({@link SfmSolver#memory}).
   *
   * @param runs the number of runs asked for
   * @return runs in flight, at least 1
   */
  default int runsInFlight(long runs) {
    return 1;
  }

  /**
   * Runs the cells.
   *
   * @param cells the runs
   * @param listener progress receiver (called from worker threads)
   * @return one result per cell, in the order given
   */
  List<SfmResult> run(List<SfmConfig> cells, SfmListener listener);
}
