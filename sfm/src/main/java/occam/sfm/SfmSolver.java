package occam.sfm;

import occam.io.MemoryEstimate;
import occam.modular.Milestones;
import occam.fourier.HalfSpectrum;
import occam.fourier.RealDft2;
import occam.fourier.SpectralConcentration;
import occam.theory.DescriptionLength;
import occam.theory.FreeEnergy;
import occam.theory.LearningCoefficient;

/**
 * The CPU SFM iteration for one run (SPEC §3), on interleaved re/im m×m arrays.
 *
 * <p>Iteration t, from W_t: (1) Ŷ = m²·IDFT2(W_t), accuracies and losses of W_t; (2) R = M ⊙ (Y −
 * Ŷ), W̃ = (1 − ηγ)·W_t + η·DFT2(R)/m²; (3) W_{t+1} = gate(W̃, τ), τ = √(2β ln n / n). Train and
 * test accuracy are measured at every t and fed to {@link Milestones}, so t_mem and t_gen are exact
 * whatever the logging interval.
 *
 * <p>W stays Hermitian (W₀ is, DFT2 of a real R is, and both gates depend on |W̃| only, which a
 * coefficient shares with its mirror), so the solver keeps only its half spectrum ({@link
 * HalfSpectrum}: columns 0..⌊m/2⌋) and uses real-input transforms ({@link RealDft2}): half the
 * work of complex transforms, and Ŷ real by construction. Sums over the full matrix (support,
 * ‖W‖², ‖W‖₁, the convergence measure) weight each stored entry by its column's multiplicity.
 *
 * <p>Not thread-safe: one solver per thread (it owns its transform and buffers).
 */
public final class SfmSolver {
  /** Training loss growth, relative to the loss of W₀ (plus one), past which a run has diverged. */
  public static final double DIVERGENCE_FACTOR = 1e8;

  /**
   * Bytes a run holds per entry of its m × m domain, counted from the arrays: the problem (labels 4,
   * targets 8, split mask 1, on-σ mask 1, training indices ≤ 4), the solver (column weights 4, W and
   * its update 8 + 8 as half spectra of complex doubles, the residual 8, the power spectrum 8) and the
   * 2D DFT's work arrays (≤ 32, two complex m × m planes): 86, rounded up to six complex doubles. The
   * OpenCL engine holds about as much per batched cell on the host ({@code BatchRun.load}).
   */
  public static final int BYTES_PER_ENTRY = 96;

  /**
   * Nanoseconds of one core per domain entry per iteration, calibrated on the README's speed table
   * ({@code occam bench sfm --part backends}, stockham backend): 0.027 ms at p = 31 (28 ns per entry),
   * 0.225 ms at p = 97 (24 ns), 2.06 ms at p = 257 (31 ns); the largest is taken.
   */
  public static final double NANOS_PER_ENTRY_ITERATION = 31;

  /**
   * The memory of the runs held at once, before any is allocated.
   *
   * @param m the group order (the domain is m × m)
   * @param inFlight runs held at once (threads, or a batch)
   * @return m² × {@link #BYTES_PER_ENTRY} × inFlight bytes
   */
  public static MemoryEstimate memory(int m, int inFlight) {
    long entries = (long) m * m;
    return new MemoryEstimate(MemoryEstimate.times(MemoryEstimate.times(entries, BYTES_PER_ENTRY), inFlight),
        "m² = " + entries + " entries × " + BYTES_PER_ENTRY + " B per run × " + inFlight + " run"
            + (inFlight == 1 ? "" : "s") + " at once");
  }

  /**
   * The most seconds one core spends on a run that uses its whole budget (a run that converges stops
   * earlier): m² × iterations × {@link #NANOS_PER_ENTRY_ITERATION}.
   *
   * @param m the group order
   * @param iterations the iteration budget
   * @return the estimate in seconds
   */
  public static double seconds(int m, long iterations) {
    return (double) m * m * iterations * NANOS_PER_ENTRY_ITERATION * 1e-9;
  }

  private final RealDft2 dft;
  private final int logEvery;

  /**
   * Creates a solver.
   *
   * @param dft real-input transform of side m with STANDARD normalization
   * @param logEvery logging interval ≥ 1 (the last iteration is always logged)
   * @throws IllegalArgumentException if logEvery &lt; 1 or the transform is not STANDARD
   */
  public SfmSolver(RealDft2 dft, int logEvery) {
    if (logEvery < 1) {
      throw new IllegalArgumentException("log-every = " + logEvery + " is not allowed: it must be >= 1");
    }
    if (dft.normalization() != occam.fourier.DftNormalization.STANDARD) {
      throw new IllegalArgumentException("the SFM needs a STANDARD-normalized DFT, got " + dft.normalization());
    }
    this.dft = dft;
    this.logEvery = logEvery;
  }

  /**
   * Runs one cell to its stopping rule.
   *
   * @param config the run (its task's m must equal the transform's size)
   * @param listener receives logged metrics and the result
   * @return the result
   * @throws IllegalArgumentException if m differs from the transform's size
   */
  public SfmResult run(SfmConfig config, SfmListener listener) {
    SfmProblem problem = SfmProblem.of(config);
    int m = problem.m();
    if (m != dft.size()) {
      throw new IllegalArgumentException("task needs m = " + m + " but the transform has m = " + dft.size());
    }
    int total = m * m;
    double m2 = total;
    int p = config.task().p();
    int n = problem.split().trainSize();
    int nTest = total - n;
    boolean[] mask = problem.split().mask();
    double[] y = problem.targets();
    int[] labels = problem.labels();
    double tau = OccamThreshold.value(config.beta(), n);
    double eta = config.eta();
    double decay = 1 - eta * config.wd();
    Gate gate = config.gate();

    int h = HalfSpectrum.columns(m);
    double[] weight = new double[m * h];
    for (int j = 0; j < weight.length; j++) {
      weight[j] = HalfSpectrum.multiplicity(m, j % h);
    }
    double[] w = problem.initialWeights(dft);
    double[] spec = new double[w.length];
    double[] real = new double[total];
    Milestones milestones = new Milestones(config.accThreshold());
    StopReason stop = StopReason.BUDGET;
    double divergenceBound = Double.NaN;
    int quiet = 0;
    SfmMetrics last = null;

    for (int t = 0; ; t++) {
      // (1) Ŷ = m²·IDFT2(W_t); R = M ⊙ (Y − Ŷ), overwriting Ŷ.
      dft.inverse(w, real);
      double trainSq = 0;
      double testSq = 0;
      int trainOk = 0;
      int testOk = 0;
      for (int i = 0; i < total; i++) {
        double yhat = m2 * real[i];
        boolean correct = Math.floorMod(Math.round(yhat), p) == labels[i];
        if (mask[i]) {
          double r = y[i] - yhat;
          trainSq += r * r;
          trainOk += correct ? 1 : 0;
          real[i] = r;
        } else {
          double r = labels[i] - yhat;
          testSq += r * r;
          testOk += correct ? 1 : 0;
          real[i] = 0;
        }
      }
      double trainAcc = (double) trainOk / n;
      double testAcc = nTest == 0 ? 1.0 : (double) testOk / nTest;
      milestones.observe(t, trainAcc, testAcc);
      double trainLoss = trainSq / (2.0 * n);
      if (t == 0) {
        divergenceBound = DIVERGENCE_FACTOR * (trainLoss + 1);
      }
      boolean diverged = !Double.isFinite(trainSq) || !Double.isFinite(testSq) || trainLoss > divergenceBound;
      if (diverged) {
        stop = StopReason.DIVERGED;
      }
      boolean done = diverged || t >= config.iters() || stop == StopReason.CONVERGED;
      if (done || t % logEvery == 0) {
        last = metrics(t, problem, HalfSpectrum.expand(w, m), trainSq / n, nTest == 0 ? 0 : testSq / nTest,
            trainAcc, testAcc, n);
        listener.logged(config, last);
      }
      if (done) {
        break;
      }

      // (2) drift and (3) gate, with the convergence measure ‖W_{t+1} − W_t‖_F.
      dft.forward(real, spec);
      double stepScale = eta / m2;
      double diffSq = 0;
      double normSq = 0;
      for (int j = 0; j < weight.length; j++) {
        double re = decay * w[2 * j] + stepScale * spec[2 * j];
        double im = decay * w[2 * j + 1] + stepScale * spec[2 * j + 1];
        double f = gate.factor(re * re + im * im, tau, eta);
        re *= f;
        im *= f;
        double dr = re - w[2 * j];
        double di = im - w[2 * j + 1];
        diffSq += weight[j] * (dr * dr + di * di);
        normSq += weight[j] * (re * re + im * im);
        w[2 * j] = re;
        w[2 * j + 1] = im;
      }
      if (config.tol() > 0 && Math.sqrt(diffSq) <= config.tol() * Math.max(Math.sqrt(normSq), 1)) {
        if (++quiet >= config.window()) {
          stop = StopReason.CONVERGED;
        }
      } else {
        quiet = 0;
      }
    }
    SfmResult result = new SfmResult(config, milestones.phase(stop == StopReason.DIVERGED), milestones.tMem(),
        milestones.tGen(), stop, n, problem.idealSupport(),
        problem.epsGen(), last);
    listener.finished(result);
    return result;
  }

  /**
   * The full metrics of SPEC §3 for the weights W_t; every engine computes its metrics here.
   *
   * @param t iteration
   * @param problem the run's data
   * @param w interleaved W_t
   * @param trainMse train MSE
   * @param testMse test MSE
   * @param trainAcc train accuracy
   * @param testAcc test accuracy
   * @param n training-set size
   * @return the metrics
   */
  public static SfmMetrics metrics(int t, SfmProblem problem, double[] w, double trainMse, double testMse,
      double trainAcc, double testAcc, int n) {
    int m = problem.m();
    boolean[] onSigma = problem.onSigma();
    int total = m * m;
    double[] power = new double[total];
    int support = 0;
    int supportOnSigma = 0;
    double mass = 0;
    double massSigma = 0;
    double l1 = 0;
    for (int j = 0; j < total; j++) {
      double a2 = w[2 * j] * w[2 * j] + w[2 * j + 1] * w[2 * j + 1];
      power[j] = a2;
      if (a2 > 0) {
        support++;
        if (onSigma[j]) {
          supportOnSigma++;
          massSigma += a2;
        }
      }
      mass += a2;
      l1 += Math.sqrt(a2);
    }
    SpectralConcentration sc = SpectralConcentration.of(power);
    double lambdaHat = LearningCoefficient.value(support);
    double freeEnergy = FreeEnergy.value(n, trainMse / 2, lambdaHat);
    return new SfmMetrics(t, trainMse, testMse, trainAcc, testAcc, support, supportOnSigma,
        mass > 0 ? massSigma / mass : Double.NaN, lambdaHat, DescriptionLength.value(support, m, SfmMetrics.C_FLOAT),
        freeEnergy, sc.gini(), sc.ipr(), l1, Math.sqrt(mass));
  }
}
