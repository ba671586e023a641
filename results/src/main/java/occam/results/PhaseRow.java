package occam.results;

import occam.sfm.scan.ScanCell;

/**
 * One tidy row of a scan: one (gate, β, frac) cell aggregated over its seeds ({@link ScanCell}). The
 * same record is a row of {@code phase-table.csv} and an entry of {@code summary.json}'s cells, so
 * both carry the same columns under the same names. NaN marks a median over no seeds (no seed reached
 * that time); it is an empty CSV cell and a JSON null.
 *
 * @param gate Occam Gate (hard or soft)
 * @param beta β
 * @param frac training fraction α
 * @param n training-set size |S|
 * @param phase majority phase over seeds
 * @param votes seeds in the majority phase
 * @param seeds seeds run
 * @param tMemMedian median t_mem over the seeds that memorized
 * @param tGenMedian median t_gen over the seeds that generalized
 * @param tGenMin smallest t_gen
 * @param tGenMax largest t_gen
 * @param trainAcc median final train accuracy
 * @param testAcc median final test accuracy
 * @param support median final |supp W|
 * @param idealSupport |supp W*|
 * @param lambdaHat λ̂ = support/2
 * @param kSfm K_SFM = support·(2⌈log₂ m⌉ + C_float) bits
 * @param gini median final Gini of |W|²
 * @param ipr median final IPR
 */
public record PhaseRow(String gate, double beta, double frac, int n, String phase, int votes, int seeds,
    double tMemMedian, double tGenMedian, double tGenMin, double tGenMax, double trainAcc, double testAcc,
    double support, int idealSupport, double lambdaHat, double kSfm, double gini, double ipr) {

  /** Column names of {@code phase-table.csv}, gate first. */
  public static final String[] COLUMNS = Csv.columns(PhaseRow.class);

  /**
   * The row of a cell.
   *
   * @param c the cell
   * @param bitsPerCoefficient 2⌈log₂ m⌉ + C_float, to turn the support into K_SFM
   * @return its row
   */
  public static PhaseRow of(ScanCell c, double bitsPerCoefficient) {
    double support = c.medianSupport();
    return new PhaseRow(c.gate().cliName(), c.beta(), c.frac(), c.trainSize(), c.phase().label(), c.phaseVotes(),
        c.runs().size(), c.medianTMem(), c.medianTGen(), c.minTGen(), c.maxTGen(), c.medianTrainAcc(),
        c.medianTestAcc(), support, c.runs().get(0).idealSupport(), support / 2, support * bitsPerCoefficient,
        c.medianGini(), c.medianIpr());
  }
}
