package occam.complexity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How two CTM tables agree on the blocks both list (same shape, same canonical key).
 *
 * @param common number of blocks in both tables
 * @param onlyFirst blocks listed by the first table only
 * @param onlySecond blocks listed by the second table only
 * @param spearman Spearman rank correlation of the CTM values on the common blocks (Commons Math,
 *     average ranks for ties); NaN with fewer than 2 common blocks
 * @param pearson Pearson correlation of the values on the common blocks
 * @param meanAbsDifference mean |CTM₁ − CTM₂| in bits
 * @param maxAbsDifference max |CTM₁ − CTM₂| in bits
 */
public record TableAgreement(
    int common,
    int onlyFirst,
    int onlySecond,
    double spearman,
    double pearson,
    double meanAbsDifference,
    double maxAbsDifference) {

  /**
   * Compares two tables, optionally on one shape only.
   *
   * @param first a table
   * @param second another table
   * @param shape the shape to compare, or null for all shapes
   * @return the agreement
   */
  public static TableAgreement of(CtmTable first, CtmTable second, BlockShape shape) {
    List<double[]> pairs = new ArrayList<>();
    int onlyFirst = 0;
    int inSecond = 0;
    for (BlockShape s : first.shapes()) {
      if (shape != null && !shape.equals(s)) {
        continue;
      }
      Map<String, Double> b = second.entries(s);
      for (Map.Entry<String, Double> e : first.entries(s).entrySet()) {
        Double v = b.get(e.getKey());
        if (v == null) {
          onlyFirst++;
        } else {
          pairs.add(new double[] {e.getValue(), v});
        }
      }
    }
    for (BlockShape s : second.shapes()) {
      if (shape == null || shape.equals(s)) {
        inSecond += second.entries(s).size();
      }
    }
    int n = pairs.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double sumAbs = 0;
    double maxAbs = 0;
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
      double d = Math.abs(x[i] - y[i]);
      sumAbs += d;
      maxAbs = Math.max(maxAbs, d);
    }
    double rho = n < 2 ? Double.NaN : new SpearmansCorrelation().correlation(x, y);
    double r = n < 2 ? Double.NaN : new PearsonsCorrelation().correlation(x, y);
    return new TableAgreement(
        n, onlyFirst, inSecond - n, rho, r, n == 0 ? Double.NaN : sumAbs / n, maxAbs);
  }

  /**
   * Compares two tables shape by shape, on the shapes both list.
   *
   * @param first a table
   * @param second another table
   * @param shape the one shape to compare, or null for every common shape
   * @return the agreement per shape, in the first table's shape order
   */
  public static Map<BlockShape, TableAgreement> byShape(CtmTable first, CtmTable second, BlockShape shape) {
    Map<BlockShape, TableAgreement> out = new LinkedHashMap<>();
    for (BlockShape s : first.shapes()) {
      if ((shape == null || shape.equals(s)) && second.shapes().contains(s)) {
        out.put(s, of(first, second, s));
      }
    }
    return out;
  }
}
