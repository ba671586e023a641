package occam.results.prediction;

/**
 * One row of a transformer {@code phase-table.csv}: one (p, op, lr, wd, frac) cell over its seeds.
 *
 * @param p prime
 * @param op operation
 * @param lr learning rate
 * @param wd weight decay
 * @param frac α
 * @param n |S| (of the first seed; the same for every seed)
 * @param phase majority phase
 * @param votes seeds in it
 * @param seeds seeds run
 * @param tMemMedian median t_mem
 * @param tGrokMedian median t_grok over the seeds that grokked
 * @param tGrokMin smallest t_grok
 * @param tGrokMax largest t_grok
 * @param grokked seeds that grokked
 * @param vMemMedian median V_mem = ‖θ‖² at t_mem
 * @param testAcc median final test accuracy
 */
public record TransformerPhaseRow(int p, String op, double lr, double wd, double frac, int n, String phase, int votes,
    int seeds, double tMemMedian, double tGrokMedian, double tGrokMin, double tGrokMax, int grokked, double vMemMedian,
    double testAcc) {

  /**
   * The row of a cell.
   *
   * @param c the cell
   * @return its row
   */
  public static TransformerPhaseRow of(TransformerCell c) {
    GridRun r = c.first();
    return new TransformerPhaseRow(r.task().p(), r.task().op().cliName(), r.lr(), r.wd(), r.frac(),
        r.record().trainSize(), c.phase().label(), c.votes(), c.runs().size(), c.medianTMem(), c.medianTGrok(),
        c.minTGrok(), c.maxTGrok(), (int) c.runs().stream().filter(GridRun::grokked).count(), c.medianVMem(),
        c.medianTestAcc());
  }
}
