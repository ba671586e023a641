package occam.sfm;

/**
 * The observables of SPEC §3 for the weights W_t after t iterations.
 *
 * <p>L_train = (1/2n)·Σ_S (Y − Ŷ)² (half the train MSE, targets with label noise); λ̂ = |supp W|/2
 * (the paper's RLCT proxy); K_SFM = |supp W|·(2⌈log₂ m⌉ + C_float) bits; F = n·L_train + λ̂·ln n.
 *
 * @param t iteration
 * @param trainMse mean squared error on S (noisy targets)
 * @param testMse mean squared error off S (clean targets; 0 when the test set is empty)
 * @param trainAcc fraction of S with round(Re ŷ) mod p = c
 * @param testAcc likewise off S (1 when the test set is empty)
 * @param support |supp W|
 * @param supportOnSigma |supp W ∩ σ|
 * @param massOnSigma Σ_σ|W|²/Σ|W|² (NaN when W = 0)
 * @param lambdaHat λ̂
 * @param kSfm K_SFM in bits
 * @param freeEnergy F
 * @param gini Gini of |W|² (NaN when W = 0)
 * @param ipr IPR of |W| (NaN when W = 0)
 * @param l1 ‖W‖₁ = Σ|W_kl|
 * @param frobenius ‖W‖_F
 */
public record SfmMetrics(
    int t,
    double trainMse,
    double testMse,
    double trainAcc,
    double testAcc,
    int support,
    int supportOnSigma,
    double massOnSigma,
    double lambdaHat,
    double kSfm,
    double freeEnergy,
    double gini,
    double ipr,
    double l1,
    double frobenius) {

  /** Bits per stored coefficient value in K_SFM (SPEC §3 default). */
  public static final int C_FLOAT = occam.theory.DescriptionLength.DEFAULT_C_FLOAT;

  /** Names of the fields in trace order, for CSV headers. */
  public static final String[] COLUMNS = {
    "t", "train_mse", "test_mse", "train_acc", "test_acc", "support", "support_on_sigma",
    "mass_on_sigma", "lambda_hat", "k_sfm", "free_energy", "gini", "ipr", "l1", "frobenius"
  };

  /** @return the fields in {@link #COLUMNS} order */
  public double[] values() {
    return new double[] {
      t, trainMse, testMse, trainAcc, testAcc, support, supportOnSigma, massOnSigma, lambdaHat,
      kSfm, freeEnergy, gini, ipr, l1, frobenius
    };
  }
}
