package occam.results.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Baseline: t_grok = A·lr^a·wd^b·frac^c·p^d, by least squares on ln t_grok over the calibration runs
 * that grokked with wd &gt; 0. A variable with one value in the calibration runs (one prime, one
 * learning rate) cannot be fitted: its exponent is held at 0 and named in {@code fixed}.
 *
 * @param lnA ln A (NaN: not fitted, fewer runs than parameters)
 * @param lrExponent a
 * @param wdExponent b
 * @param fracExponent c
 * @param pExponent d
 * @param fixed the variables held at exponent 0
 * @param points calibration runs it was fitted on
 */
public record PowerLaw(double lnA, double lrExponent, double wdExponent, double fracExponent, double pExponent,
    List<String> fixed, int points) implements Predictor {

  /** Name in reports. */
  public static final String NAME = "power_law";

  private static final String[] VARIABLES = {"lr", "wd", "frac", "p"};
  private static final List<ToDoubleFunction<GridRun>> LOGS = List.of(r -> Math.log(r.lr()), r -> Math.log(r.wd()),
      r -> Math.log(r.frac()), r -> Math.log(r.task().p()));

  /** Copies the list. */
  public PowerLaw {
    fixed = List.copyOf(fixed);
  }

  /**
   * Fits the law.
   *
   * @param calibration the calibration runs
   * @return the law (NaN ln A when there are fewer runs than free parameters or the design is singular)
   */
  public static PowerLaw fit(List<GridRun> calibration) {
    List<GridRun> runs = calibration.stream().filter(r -> r.grokked() && r.wd() > 0).toList();
    List<Integer> free = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (int j = 0; j < VARIABLES.length; j++) {
      ToDoubleFunction<GridRun> f = LOGS.get(j);
      double lo = runs.stream().mapToDouble(f).min().orElse(0);
      double hi = runs.stream().mapToDouble(f).max().orElse(0);
      if (hi > lo) {
        free.add(j);
      } else {
        fixed.add(VARIABLES[j]);
      }
    }
    double[] e = new double[VARIABLES.length];
    double lnA = Double.NaN;
    if (runs.size() >= free.size() + 1) {
      double[][] x = new double[runs.size()][free.size() + 1];
      double[] y = new double[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        x[i][0] = 1;
        for (int k = 0; k < free.size(); k++) {
          x[i][k + 1] = LOGS.get(free.get(k)).applyAsDouble(runs.get(i));
        }
        y[i] = Math.log(runs.get(i).measured());
      }
      try {
        RealVector b = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver().solve(new ArrayRealVector(y, false));
        lnA = b.getEntry(0);
        for (int k = 0; k < free.size(); k++) {
          e[free.get(k)] = b.getEntry(k + 1);
        }
      } catch (SingularMatrixException ex) {
        lnA = Double.NaN;
      }
    }
    return new PowerLaw(lnA, e[0], e[1], e[2], e[3], fixed, runs.size());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Prediction predict(Query q) {
    double[] e = {lrExponent, wdExponent, fracExponent, pExponent};
    double[] x = {q.lr(), q.wd(), q.frac(), q.task().p()};
    double ln = lnA;
    for (int j = 0; j < e.length; j++) {
      if (e[j] != 0) {
        ln += e[j] * Math.log(x[j]);
      }
    }
    return Prediction.ofSteps(Math.exp(ln));
  }
}
