package occam.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import occam.io.AtomicFiles;
import occam.sfm.OccamThreshold;
import occam.sfm.SfmConfig;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;

/**
 * One SFM run as {@code occam run --json} prints it: the settings, the outcome and the final observables
 * of SPEC §8. Serialized by {@link occam.io.Json} (NaN and absent steps are null).
 *
 * @param p prime modulus
 * @param op operation
 * @param m group order
 * @param frac training fraction α
 * @param n |S|
 * @param beta β
 * @param tau gate threshold τ = √(2β ln n / n)
 * @param gate Occam Gate
 * @param eta drift step η
 * @param wd ℓ2 decay γ
 * @param labelNoise label-noise std
 * @param seed seed
 * @param phase phase
 * @param tMem t_mem, if reached
 * @param tGen t_gen, if reached
 * @param iterations last iteration
 * @param stop why the run stopped
 * @param trainAcc final train accuracy
 * @param testAcc final test accuracy
 * @param trainMse final train MSE
 * @param testMse final test MSE
 * @param support final |supp W|
 * @param supportOnSigma final |supp W ∩ σ|
 * @param idealSupport |supp W*|
 * @param massOnSigma final mass on σ
 * @param lambdaHat final λ̂
 * @param kSfm final K_SFM in bits
 * @param freeEnergy final F
 * @param epsGen ε_gen of the targets
 * @param gini final Gini of |W|²
 * @param ipr final IPR
 * @param l1 final ‖W‖₁
 * @param frobenius final ‖W‖_F
 * @param engine the engine that ran it
 */
public record RunSummary(int p, String op, int m, double frac, int n, double beta, double tau, String gate, double eta,
    double wd, double labelNoise, long seed, String phase, OptionalInt tMem, OptionalInt tGen, int iterations,
    String stop, double trainAcc, double testAcc, double trainMse, double testMse, int support, int supportOnSigma,
    int idealSupport, double massOnSigma, double lambdaHat, double kSfm, double freeEnergy, double epsGen, double gini,
    double ipr, double l1, double frobenius, String engine) {

  /**
   * The summary of a run.
   *
   * @param r the result
   * @param engine the engine's name
   * @return its summary
   */
  public static RunSummary of(SfmResult r, String engine) {
    SfmConfig c = r.config();
    SfmMetrics l = r.last();
    return new RunSummary(c.task().p(), c.task().op().cliName(), c.task().groupOrder(), c.frac(), r.trainSize(),
        c.beta(), OccamThreshold.value(c.beta(), r.trainSize()), c.gate().cliName(), c.eta(), c.wd(), c.labelNoise(),
        c.seed(), r.phase().label(), r.tMem(), r.tGen(), l.t(), r.stop().name().toLowerCase(Locale.ROOT), l.trainAcc(),
        l.testAcc(), l.trainMse(), l.testMse(), l.support(), l.supportOnSigma(), r.idealSupport(), l.massOnSigma(),
        l.lambdaHat(), l.kSfm(), l.freeEnergy(), r.epsGen(), l.gini(), l.ipr(), l.l1(), l.frobenius(), engine);
  }

  /**
   * The logged metrics of a run as CSV, one row per logged iteration ({@code occam run --trace}).
   *
   * @param logged the metrics in logging order
   * @param command the producing command
   * @return CSV text with the columns of {@link SfmMetrics#COLUMNS}
   */
  public static String traceCsv(List<SfmMetrics> logged, String command) {
    return Csv.of(SfmMetrics.class, logged, command);
  }

  /**
   * Opens the trace CSV as a stream ({@code occam run --trace}): rows are written as the run logs them,
   * so the trace is never held in memory.
   *
   * @param out where the text goes (closed with the stream)
   * @param command the producing command
   * @return the open stream, columns of {@link SfmMetrics#COLUMNS}
   * @throws IOException if the header cannot be written
   */
  public static Csv.Rows<SfmMetrics> trace(Appendable out, String command) throws IOException {
    return Csv.rows(SfmMetrics.class, out, command);
  }
}
