package occam.theory.llc;

/**
 * A local learning coefficient estimate λ̂ = n·β*·(E_w[L_n(w)] − L_n(w*)) with what it came from.
 *
 * @param lambda λ̂, the mean of the per-chain estimates; NaN when a chain diverged
 * @param lambdaPerChain n·β*·(mean of chain c's draws − L_n(w*)), per chain
 * @param lossAtCenter L_n(w*)
 * @param n the number of samples n
 * @param nBeta n·β* = n/ln n
 * @param losses chains × draws: the loss recorded at each draw after the burn-in (NaN after a divergence)
 * @param diagnostics chain agreement and stationarity (NaN entries when a chain diverged)
 * @param diverged whether a chain's loss or weights became non-finite: then the settings (ε too large
 *     for this loss) are at fault, not the model, and λ̂ is NaN
 * @param settings the SGLD settings used
 */
public record LlcEstimate(
    double lambda,
    double[] lambdaPerChain,
    double lossAtCenter,
    int n,
    double nBeta,
    double[][] losses,
    SgldDiagnostics diagnostics,
    boolean diverged,
    SgldSettings settings) {}
