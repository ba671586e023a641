package occam.results.prediction;

import java.util.List;
import occam.modular.Phase;
import occam.sfm.SfmResult;

/**
 * A transformer phase table side by side with the SFM's at the fitted mapping β = k·wd^a (issue 13,
 * item 2): cell-by-cell phase agreement, the confusion matrix of phases, and Spearman's ρ of the median
 * times over the cells where both legs generalize.
 *
 * @param task the table (p, op, lr), as the phase-table folder names it
 * @param predictor the SFM predictor whose mapping is used ({@code sfm_soft}, {@code sfm_hard})
 * @param k k of β = k·wd^a
 * @param a a
 * @param cells one pair per (wd, frac) cell, wd-major then frac
 */
public record PhaseAgreement(String task, String predictor, double k, double a, List<PhasePair> cells) {

  /**
   * Copies the cells.
   *
   * @throws IllegalArgumentException if a name or the cells are missing
   */
  public PhaseAgreement {
    if (task == null || predictor == null || cells == null) {
      throw new IllegalArgumentException("a side-by-side table needs its task, predictor and cells");
    }
    cells = List.copyOf(cells);
  }

  /**
   * Puts a transformer table beside the SFM's on the same runs' splits at the predictor's β = k·wd^a: per
   * cell, the SFM's majority phase over the seeds ({@link Phase#majority}) and its median t_gen over the
   * seeds that generalized.
   *
   * @param task the table's name
   * @param table its cells
   * @param sfm the fitted SFM predictor (runs what its cache lacks)
   * @return the side-by-side table
   */
  public static PhaseAgreement of(String task, List<TransformerCell> table, SfmPredictor sfm) {
    List<PhasePair> pairs = table.stream().map(c -> {
      List<SfmResult> results = c.runs().stream().map(r -> sfm.result(r.query())).toList();
      double sfmTime = TransformerCell.median(results.stream().filter(r -> r.tGen().isPresent())
          .mapToDouble(r -> r.tGen().getAsInt()).toArray());
      return new PhasePair(c.first().wd(), c.first().frac(), results.get(0).config().beta(), c.phase(),
          Phase.majority(results.stream().map(SfmResult::phase).toList()), c.medianTGrok(), sfmTime);
    }).toList();
    return new PhaseAgreement(task, sfm.name(), sfm.fit().k(), sfm.fit().a(), pairs);
  }

  /** @return cells in the same phase on both legs */
  public int agreeing() {
    return (int) cells.stream().filter(PhasePair::agrees).count();
  }

  /** @return the share of cells in the same phase (NaN: no cell) */
  public double agreement() {
    return cells.isEmpty() ? Double.NaN : (double) agreeing() / cells.size();
  }

  /**
   * One entry of the confusion matrix.
   *
   * @param transformer the transformer's phase (row)
   * @param sfm the SFM's phase (column)
   * @return cells with that pair of phases
   */
  public int count(Phase transformer, Phase sfm) {
    return (int) cells.stream().filter(c -> c.transformer() == transformer && c.sfm() == sfm).count();
  }

  /** @return cells where both legs generalize with a median time */
  public int bothGeneralize() {
    return (int) cells.stream().filter(PhasePair::bothGeneralize).count();
  }

  /** @return Spearman's ρ of the transformer's median t_grok against the SFM's median t_gen over those cells */
  public double spearman() {
    List<PhasePair> both = cells.stream().filter(PhasePair::bothGeneralize).toList();
    return Scored.spearman(both.stream().mapToDouble(PhasePair::transformerTime).toArray(),
        both.stream().mapToDouble(PhasePair::sfmTime).toArray());
  }
}
