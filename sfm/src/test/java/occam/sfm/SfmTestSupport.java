package occam.sfm;

import occam.fourier.RealDft2Backend;
import occam.fourier.DftNormalization;
import occam.modular.ModularTask;
import occam.modular.Op;

final class SfmTestSupport {
  private SfmTestSupport() {}

  static SfmResult run(SfmConfig c) {
    return solver(c).run(c, SfmListener.NONE);
  }

  static SfmSolver solver(SfmConfig c) {
    return new SfmSolver(RealDft2Backend.JTRANSFORMS.create(c.task().groupOrder(), DftNormalization.STANDARD), 1);
  }

  static SfmConfig soft(int p, Op op, double frac, double beta, int iters) {
    return SfmConfig.of(ModularTask.of(p, op), frac, beta, Gate.SOFT, iters, 0);
  }
}
