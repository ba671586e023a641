package occam.results.prediction;

import java.util.List;
import occam.modular.Phase;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One (task, lr, wd, frac) cell of the transformer's phase table with its runs over seeds, aggregated
 * as the SFM's scan cells are (SPEC §3): phase by majority ({@link Phase#majority}), medians over the
 * seeds that reached each step, the spread (min, max) of t_grok.
 *
 * @param runs the runs of the cell, one per seed (same p, op, lr, wd, frac)
 */
public record TransformerCell(List<GridRun> runs) {

  /**
   * Validates the runs.
   *
   * @throws IllegalArgumentException if there are none or they differ in condition
   */
  public TransformerCell {
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("a phase-table cell needs at least one run");
    }
    runs = List.copyOf(runs);
    if (runs.stream().map(GridRun::condition).distinct().count() > 1) {
      throw new IllegalArgumentException("the runs of a phase-table cell must share p, op, lr, wd and frac");
    }
  }

  /** @return the first run (its settings are the cell's) */
  public GridRun first() {
    return runs.get(0);
  }

  /** @return the majority phase over seeds */
  public Phase phase() {
    return Phase.majority(runs.stream().map(GridRun::phase).toList());
  }

  /** @return the seeds in the majority phase */
  public int votes() {
    Phase ph = phase();
    return (int) runs.stream().filter(r -> r.phase() == ph).count();
  }

  /** @return median t_grok over the seeds that grokked (NaN: none) */
  public double medianTGrok() {
    return median(runs.stream().filter(GridRun::grokked).mapToDouble(GridRun::measured).toArray());
  }

  /** @return the smallest t_grok (NaN: none) */
  public double minTGrok() {
    return runs.stream().filter(GridRun::grokked).mapToDouble(GridRun::measured).min().orElse(Double.NaN);
  }

  /** @return the largest t_grok (NaN: none) */
  public double maxTGrok() {
    return runs.stream().filter(GridRun::grokked).mapToDouble(GridRun::measured).max().orElse(Double.NaN);
  }

  /** @return median t_mem over the seeds that memorized (NaN: none) */
  public double medianTMem() {
    return median(runs.stream().filter(r -> r.tMem().isPresent()).mapToDouble(r -> r.tMem().getAsInt()).toArray());
  }

  /** @return median final test accuracy */
  public double medianTestAcc() {
    return median(runs.stream().filter(r -> r.last() != null).mapToDouble(r -> r.last().testAcc()).toArray());
  }

  /** @return median V_mem */
  public double medianVMem() {
    return median(runs.stream().mapToDouble(GridRun::vMem).filter(Double::isFinite).toArray());
  }

  /**
   * The median of a sample.
   *
   * @param v the sample
   * @return its median (NaN: empty)
   */
  static double median(double[] v) {
    return new Median().evaluate(v);
  }
}
