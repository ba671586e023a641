package occam.theory.llc;

/**
 * Whether an SGLD estimate can be trusted, from its loss traces alone (SGLD has no acceptance rate):
 *
 * <ul>
 *   <li><b>chain agreement</b>: the spread (sample standard deviation) of the per-chain λ̂ and its standard
 *       error spread/√C; and the Gelman–Rubin R̂ of the loss traces (Gelman &amp; Rubin 1992; BDA3 eq. 11.4):
 *       with D draws per chain, W the mean within-chain variance and B/D the variance of the chain means,
 *       R̂ = √(((D − 1)/D·W + B/D)/W); near 1 when the chains sample one law, above ~1.1 when they do not;
 *   <li><b>stationarity</b>: drift = λ̂(second half of the draws) − λ̂(first half), pooled over chains, and
 *       its z-score against the spread of the per-chain half differences d_c (independent across chains,
 *       so no autocorrelation model is needed): z = mean(d)/(sd(d)/√C). |z| ≳ 3 or a drift that is a
 *       sizeable share of λ̂ says the burn-in was too short (or the chain is still escaping w*).
 * </ul>
 * With one chain every chain statistic is NaN.
 *
 * @param chainSpread sample standard deviation of the per-chain λ̂
 * @param standardError chainSpread/√C
 * @param rHat Gelman–Rubin R̂ of the loss traces
 * @param drift λ̂ from the second half of the draws minus λ̂ from the first half
 * @param driftZ drift over its standard error across chains
 */
public record SgldDiagnostics(double chainSpread, double standardError, double rHat, double drift, double driftZ) {

  /**
   * The diagnostics of loss traces.
   *
   * @param losses chains × draws losses (every trace of one length ≥ 2)
   * @param lossAtCenter L_n(w*)
   * @param nBeta n·β*
   * @return the diagnostics
   * @throws IllegalArgumentException if there is no chain, a trace is shorter than 2 or the traces differ in length
   */
  public static SgldDiagnostics of(double[][] losses, double lossAtCenter, double nBeta) {
    int chains = losses.length;
    if (chains == 0) {
      throw new IllegalArgumentException("no chains to diagnose");
    }
    int draws = losses[0].length;
    for (double[] trace : losses) {
      if (trace.length != draws || draws < 2) {
        throw new IllegalArgumentException("every chain needs the same number (>= 2) of draws");
      }
    }
    int half = draws / 2;
    double[] perChain = new double[chains];
    double[] halfDifference = new double[chains];
    double within = 0;
    for (int c = 0; c < chains; c++) {
      double mean = mean(losses[c], 0, draws);
      perChain[c] = nBeta * (mean - lossAtCenter);
      halfDifference[c] = nBeta * (mean(losses[c], draws - half, draws) - mean(losses[c], 0, half));
      double sq = 0;
      for (double x : losses[c]) {
        sq += (x - mean) * (x - mean);
      }
      within += sq / (draws - 1);
    }
    within /= chains;
    double spread = sd(perChain);
    double between = sd(perChain) / nBeta;
    double pooled = (draws - 1.0) / draws * within + between * between;
    double rHat = chains < 2 ? Double.NaN : Math.sqrt(pooled / within);
    double drift = mean(halfDifference, 0, chains);
    double driftError = sd(halfDifference) / Math.sqrt(chains);
    return new SgldDiagnostics(spread, spread / Math.sqrt(chains), rHat, drift, drift / driftError);
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    return s / (to - from);
  }

  /** Sample standard deviation; NaN for fewer than two values. */
  static double sd(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x, 0, x.length);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}
