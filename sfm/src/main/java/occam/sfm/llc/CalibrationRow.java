package occam.sfm.llc;

/**
 * One line of the SFM calibration of the LLC estimator: a fixed point of one task, split and SGLD
 * setting, the λ the theory states beside the one the loss has and the estimate.
 *
 * @param p the prime
 * @param op the operation
 * @param frac training fraction
 * @param seed split seed
 * @param n training set size
 * @param point the fixed point
 * @param support |supp| in cells of the m×m W
 * @param dof real coordinates (= support: one per cell, see {@link SfmLoss})
 * @param lambdaSupport the support count's λ = |supp|/2 (theory: λ_mem = m²/2, λ_gen = |supp W*|/2)
 * @param lambdaExact the loss's learning coefficient rank(H)/2 (H the Hessian of the quadratic loss)
 * @param lambdaSgld what SGLD must give at these settings ({@link QuadraticLlc#sgldMean})
 * @param lambdaHat the estimate λ̂
 * @param ratioToExact λ̂/(rank(H)/2): 1 when the estimator recovers the loss's learning coefficient
 * @param ratioToSupport λ̂/(|supp|/2): 1 when the estimate agrees with the support count
 * @param standardError spread of the per-chain λ̂ over √chains
 * @param rHat Gelman–Rubin R̂ of the loss traces
 * @param driftZ z-score of the second-half vs first-half drift
 * @param diverged whether a chain diverged
 * @param stepSize ε
 * @param localization γ
 * @param seconds wall time of the SGLD chains
 */
public record CalibrationRow(
    int p,
    String op,
    double frac,
    long seed,
    int n,
    String point,
    int support,
    int dof,
    double lambdaSupport,
    double lambdaExact,
    double lambdaSgld,
    double lambdaHat,
    double ratioToExact,
    double ratioToSupport,
    double standardError,
    double rHat,
    double driftZ,
    boolean diverged,
    double stepSize,
    double localization,
    double seconds) {}
