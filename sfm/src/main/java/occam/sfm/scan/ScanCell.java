package occam.sfm.scan;

import java.util.ArrayList;
import java.util.List;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.SfmResult;

/**
 * One (β, frac) cell of a scan with its runs over seeds, aggregated as SPEC §3 asks: the phase by
 * majority (ties go to the phase listed first in {@link Phase}), medians over the seeds that reached
 * each time, and the spread (min, max) of t_gen.
 *
 * @param beta β
 * @param frac α
 * @param runs one result per seed
 */
public record ScanCell(double beta, double frac, List<SfmResult> runs) {

  /**
   * Validates the runs.
   *
   * @throws IllegalArgumentException if there are none
   */
  public ScanCell {
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("a scan cell needs at least one run");
    }
    runs = List.copyOf(runs);
    if (runs.stream().map(r -> r.config().gate()).distinct().count() > 1) {
      throw new IllegalArgumentException("the runs of a scan cell must share one gate");
    }
  }

  /** @return the majority phase over seeds */
  public Phase phase() {
    return Phase.majority(runs.stream().map(SfmResult::phase).toList());
  }

  /** @return the Occam Gate of the runs (the same for every seed) */
  public Gate gate() {
    return runs.get(0).config().gate();
  }

  /** @return how many seeds ended in the majority phase */
  public int phaseVotes() {
    Phase ph = phase();
    return (int) runs.stream().filter(r -> r.phase() == ph).count();
  }

  /** @return n = |S| (the same for every seed) */
  public int trainSize() {
    return runs.get(0).trainSize();
  }

  /** @return median t_gen over seeds that generalized (NaN if none did) */
  public double medianTGen() {
    return median(tGens());
  }

  /** @return the smallest t_gen over seeds (NaN if none generalized) */
  public double minTGen() {
    double[] t = tGens();
    return t.length == 0 ? Double.NaN : t[0];
  }

  /** @return the largest t_gen over seeds (NaN if none generalized) */
  public double maxTGen() {
    double[] t = tGens();
    return t.length == 0 ? Double.NaN : t[t.length - 1];
  }

  /** @return the number of seeds that generalized */
  public int generalizedSeeds() {
    return tGens().length;
  }

  /** @return median t_mem over seeds that memorized (NaN if none did) */
  public double medianTMem() {
    List<Double> t = new ArrayList<>();
    for (SfmResult r : runs) {
      r.tMem().ifPresent(x -> t.add((double) x));
    }
    return median(t.stream().mapToDouble(Double::doubleValue).sorted().toArray());
  }

  /** @return median over seeds of the final |supp W| */
  public double medianSupport() {
    return median(runs.stream().mapToDouble(r -> r.last().support()).sorted().toArray());
  }

  /** @return median over seeds of the final Gini of |W|² */
  public double medianGini() {
    return median(runs.stream().mapToDouble(r -> r.last().gini()).filter(Double::isFinite).sorted().toArray());
  }

  /** @return median over seeds of the final IPR */
  public double medianIpr() {
    return median(runs.stream().mapToDouble(r -> r.last().ipr()).filter(Double::isFinite).sorted().toArray());
  }

  /** @return median over seeds of the final test accuracy */
  public double medianTestAcc() {
    return median(runs.stream().mapToDouble(r -> r.last().testAcc()).sorted().toArray());
  }

  /** @return median over seeds of the final train accuracy */
  public double medianTrainAcc() {
    return median(runs.stream().mapToDouble(r -> r.last().trainAcc()).sorted().toArray());
  }

  private double[] tGens() {
    return runs.stream().filter(r -> r.tGen().isPresent()).mapToDouble(r -> r.tGen().getAsInt()).sorted().toArray();
  }

  /**
   * Median of sorted values: the middle one, or the mean of the two middle ones.
   *
   * @param sorted ascending values
   * @return the median, NaN if empty
   */
  static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
