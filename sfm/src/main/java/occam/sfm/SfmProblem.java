package occam.sfm;

import java.util.SplittableRandom;
import occam.fourier.GeneralizingSolution;
import occam.modular.ModularTask;
import occam.modular.TrainSplit;

/**
 * The data one SFM run fits, in domain order (cell i = a·m + b, see {@link ModularTask}): labels c,
 * targets Y (c plus the seeded label noise on S), the train mask M, the ideal support σ, and the
 * exact generalizing solution W* with its training loss ε_gen. Shared by every engine.
 */
public final class SfmProblem {
  /** Mixed into the seed for the label-noise stream, so it is independent of the split's stream. */
  private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;

  /** Mixed into the seed for the random-init stream. */
  private static final long INIT_STREAM = 0xC2B2AE3D27D4EB4FL;

  private final SfmConfig config;
  private final TrainSplit split;
  private final int[] labels;
  private final double[] targets;
  private final boolean[] onSigma;
  private final int idealSupport;
  private final double epsGen;

  private SfmProblem(SfmConfig config) {
    this.config = config;
    ModularTask task = config.task();
    int m = task.groupOrder();
    int total = task.domainSize();
    this.split = TrainSplit.of(task, config.frac(), config.seed());
    this.labels = new int[total];
    this.targets = new double[total];
    for (int i = 0; i < total; i++) {
      labels[i] = task.label(i);
      targets[i] = labels[i];
    }
    if (config.labelNoise() > 0) {
      SplittableRandom noise = new SplittableRandom(config.seed() ^ NOISE_STREAM);
      for (int i : split.train()) {
        targets[i] += config.labelNoise() * noise.nextGaussian();
      }
    }
    this.onSigma = new boolean[total];
    for (int k = 0; k < m; k++) {
      onSigma[k * m + task.op().sigma(k, m)] = true;
    }
    this.idealSupport = GeneralizingSolution.supportSize(task);
    double sq = 0;
    for (int i : split.train()) {
      double r = targets[i] - labels[i];
      sq += r * r;
    }
    this.epsGen = sq / (2.0 * split.trainSize());
  }

  /**
   * Builds the data of a run.
   *
   * @param config the run
   * @return its problem
   */
  public static SfmProblem of(SfmConfig config) {
    return new SfmProblem(config);
  }

  /** @return the run */
  public SfmConfig config() {
    return config;
  }

  /** @return m */
  public int m() {
    return config.task().groupOrder();
  }

  /** @return the split */
  public TrainSplit split() {
    return split;
  }

  /** @return labels c per cell (a copy) */
  public int[] labels() {
    return labels.clone();
  }

  /** @return targets Y per cell: c + noise on S, c elsewhere (a copy) */
  public double[] targets() {
    return targets.clone();
  }

  /** @return whether each cell of the m×m weight matrix lies on σ (a copy) */
  public boolean[] onSigma() {
    return onSigma.clone();
  }

  /** @return |supp W*| */
  public int idealSupport() {
    return idealSupport;
  }

  /**
   * ε_gen: L_train of W*, whose prediction is exactly c, on the noisy targets: (1/2n)·Σ_S noise².
   *
   * @return ε_gen ≥ 0 (0 without label noise)
   */
  public double epsGen() {
    return epsGen;
  }

  /**
   * The initial weights as a half spectrum: 0, or initScale·DFT2(g)/m² for a seeded standard
   * Gaussian real matrix g, which is Hermitian so Ŷ stays real.
   *
   * @param dft a real-input transform of side m (STANDARD normalization)
   * @return W₀ in the {@link occam.fourier.HalfSpectrum} layout
   */
  public double[] initialWeights(occam.fourier.RealDft2 dft) {
    int total = config.task().domainSize();
    double[] w = new double[occam.fourier.HalfSpectrum.length(m())];
    if (config.initScale() > 0) {
      SplittableRandom rng = new SplittableRandom(config.seed() ^ INIT_STREAM);
      double[] g = new double[total];
      for (int i = 0; i < total; i++) {
        g[i] = rng.nextGaussian();
      }
      dft.forward(g, w);
      double scale = config.initScale() / total;
      for (int i = 0; i < w.length; i++) {
        w[i] *= scale;
      }
    }
    return w;
  }
}
