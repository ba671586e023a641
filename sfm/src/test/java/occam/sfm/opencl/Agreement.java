package occam.sfm.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;

/**
 * Compares an engine's results with the CPU engine's, metric by metric, with a tolerance
 * |a − b| ≤ abs + rel·|a| per metric, and keeps the largest and RMS relative differences for the
 * report line the tests print.
 */
final class Agreement {
  /** Iterations by which t_mem and t_gen may differ (the "within ±1"). */
  static final int T_SLACK = 1;

  private final String what;
  private final double rel;
  private final double abs;
  private final double[] maxRel = new double[SfmMetrics.COLUMNS.length];
  private final double[] sumSqRel = new double[SfmMetrics.COLUMNS.length];
  private int compared;
  private int maxDtMem;
  private int maxDtGen;

  /**
   * @param what engine and precision, for messages
   * @param rel relative tolerance per metric
   * @param abs absolute tolerance per metric (for values that should be 0, such as a fitted train MSE)
   */
  Agreement(String what, double rel, double abs) {
    this.what = what;
    this.rel = rel;
    this.abs = abs;
  }

  /** A listener that records every logged metric per config (by identity), thread-safe. */
  static final class Trace implements SfmListener {
    final Map<SfmConfig, List<SfmMetrics>> logged = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public void logged(SfmConfig config, SfmMetrics metrics) {
      synchronized (logged) {
        logged.computeIfAbsent(config, k -> new ArrayList<>()).add(metrics);
      }
    }
  }

  /**
   * Asserts that two results agree: phase, t_mem and t_gen within {@link #T_SLACK}, support and
   * support on σ equal, every metric within tolerance; with {@code sameStop}, also the stop reason
   * and the final iteration (within the slack).
   */
  void result(SfmResult cpu, SfmResult other, boolean sameStop) {
    String cell = describe(cpu.config());
    assertEquals(cpu.phase(), other.phase(), () -> what + ": phase of " + cell);
    assertEquals(cpu.tMem().isPresent(), other.tMem().isPresent(), () -> what + ": t_mem of " + cell);
    assertEquals(cpu.tGen().isPresent(), other.tGen().isPresent(), () -> what + ": t_gen of " + cell);
    if (cpu.tMem().isPresent()) {
      int d = Math.abs(cpu.tMem().getAsInt() - other.tMem().getAsInt());
      maxDtMem = Math.max(maxDtMem, d);
      assertTrue(d <= T_SLACK, () -> what + ": t_mem " + cpu.tMem() + " vs " + other.tMem() + " for " + cell);
    }
    if (cpu.tGen().isPresent()) {
      int d = Math.abs(cpu.tGen().getAsInt() - other.tGen().getAsInt());
      maxDtGen = Math.max(maxDtGen, d);
      assertTrue(d <= T_SLACK, () -> what + ": t_gen " + cpu.tGen() + " vs " + other.tGen() + " for " + cell);
    }
    if (sameStop) {
      assertEquals(cpu.stop(), other.stop(), () -> what + ": stop of " + cell);
      assertTrue(Math.abs(cpu.last().t() - other.last().t()) <= T_SLACK,
          () -> what + ": last t " + cpu.last().t() + " vs " + other.last().t() + " for " + cell);
    }
    metrics(cpu.config(), cpu.last(), other.last());
  }

  /** Asserts that two traces log the same iterations with agreeing metrics. */
  void trace(SfmConfig config, List<SfmMetrics> cpu, List<SfmMetrics> other) {
    assertEquals(cpu.stream().map(SfmMetrics::t).toList(), other.stream().map(SfmMetrics::t).toList(),
        () -> what + ": logged iterations of " + describe(config));
    for (int i = 0; i < cpu.size(); i++) {
      metrics(config, cpu.get(i), other.get(i));
    }
  }

  private void metrics(SfmConfig config, SfmMetrics a, SfmMetrics b) {
    assertEquals(a.support(), b.support(), () -> what + ": support at t=" + a.t() + " of " + describe(config));
    assertEquals(a.supportOnSigma(), b.supportOnSigma(), () -> what + ": support on sigma of " + describe(config));
    double[] va = a.values();
    double[] vb = b.values();
    compared++;
    for (int j = 1; j < va.length; j++) {
      int col = j;
      // W = 0 has NaN Gini, IPR and mass on sigma; both engines must say so.
      assertEquals(Double.isNaN(va[j]), Double.isNaN(vb[j]),
          () -> what + ": " + SfmMetrics.COLUMNS[col] + " NaN in one engine only, t=" + a.t() + " of " + describe(config));
      double size = Double.isNaN(va[j]) ? 0 : Math.abs(va[j]);
      double d = Double.isNaN(va[j]) ? 0 : Math.abs(va[j] - vb[j]);
      double r = d == 0 ? 0 : d / Math.max(size, Double.MIN_NORMAL);
      if (d > abs) {
        maxRel[j] = Math.max(maxRel[j], r);
        sumSqRel[j] += r * r;
      }
      assertTrue(d <= abs + rel * size, () -> String.format(Locale.ROOT,
          "%s: %s at t=%d: cpu %s vs %s (|diff| %.3g > %.1g + %.1g*|cpu|) for %s", what, SfmMetrics.COLUMNS[col],
          a.t(), va[col], vb[col], Math.abs(va[col] - vb[col]), abs, rel, describe(config)));
    }
  }

  /** @return one line: the largest t differences and the largest and RMS relative metric differences */
  String summary() {
    int worst = 1;
    for (int j = 1; j < maxRel.length; j++) {
      if (maxRel[j] > maxRel[worst]) {
        worst = j;
      }
    }
    double rms = 0;
    int n = 0;
    for (int j = 1; j < maxRel.length; j++) {
      rms += sumSqRel[j];
      n += compared;
    }
    return String.format(Locale.ROOT,
        "%s vs cpu: %d metric rows; max |dt_mem| %d, max |dt_gen| %d; max rel diff %.2e (%s), RMS rel diff %.2e"
            + " (differences below abs %.0e not counted)",
        what, compared, maxDtMem, maxDtGen, maxRel[worst], SfmMetrics.COLUMNS[worst], Math.sqrt(rms / Math.max(n, 1)), abs);
  }

  static String describe(SfmConfig c) {
    return String.format(Locale.ROOT, "p=%d %s frac=%.2f beta=%.0e %s seed=%d", c.task().p(), c.task().op().cliName(),
        c.frac(), c.beta(), c.gate().cliName(), c.seed());
  }
}
