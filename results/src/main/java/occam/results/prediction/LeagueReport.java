package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.results.Csv;
import occam.results.prediction.Bootstrap.Interval;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the league's report folder: {@code grid-summary.csv} (one {@link GridRow} per run), {@code
 * phase-tables/} ({@link TransformerPhaseTables}), {@code side-by-side/} ({@link SideBySideReport}), {@code
 * league.csv} (one {@link ScoreRow} per protocol and predictor), {@code predictions.csv} (one {@link
 * PredictionRow} per run and predictor), {@code league.md}, {@code calibration.json}, and the figures:
 * {@code predicted-vs-measured-NAME.png} per timed predictor (log-log), {@code league-error.png} (mean
 * |ln ratio| with its interval) and {@code league-coverage.png}. Every file names the command.
 */
public final class LeagueReport {
  private LeagueReport() {}

  /** The Markdown report. */
  public static final String MARKDOWN = "league.md";

  /** The scores. */
  public static final String SCORES = "league.csv";

  /** Every prediction. */
  public static final String PREDICTIONS = "predictions.csv";

  /** The grid summary. */
  public static final String GRID = "grid-summary.csv";

  /** The calibration. */
  public static final String CALIBRATION = "calibration.json";

  /** The goal of issue 13: at least this many held-out-condition runs... */
  public static final int GOAL_RUNS = 150;

  /** ...with the best predictor's mean |ln ratio| at most this (a factor 1.16). */
  public static final double GOAL_ERROR = 0.15;

  /** The folder of the phase tables. */
  public static final String PHASE_TABLES = "phase-tables";

  /**
   * One row of {@code league.csv}: a {@link Score} flattened, each interval as point, lo, hi.
   *
   * @param protocol protocol
   * @param predictor predictor
   * @param kind baseline or theory
   * @param timed whether it predicts steps
   * @param runs runs
   * @param covered answered
   * @param paired grokked with a step
   * @param coverage coverage
   * @param coverageLo its 2.5 % bound
   * @param coverageHi its 97.5 % bound
   * @param accuracy grok/no-grok accuracy
   * @param accuracyLo its lower bound
   * @param accuracyHi its upper bound
   * @param meanAbsLnRatio mean |ln ratio|
   * @param meanAbsLnRatioLo its lower bound
   * @param meanAbsLnRatioHi its upper bound
   * @param mape MAPE
   * @param mapeLo its lower bound
   * @param mapeHi its upper bound
   * @param spearman Spearman's ρ
   * @param spearmanLo its lower bound
   * @param spearmanHi its upper bound
   */
  public record ScoreRow(String protocol, String predictor, String kind, boolean timed, int runs, int covered,
      int paired, double coverage, double coverageLo, double coverageHi, double accuracy, double accuracyLo,
      double accuracyHi, double meanAbsLnRatio, double meanAbsLnRatioLo, double meanAbsLnRatioHi, double mape,
      double mapeLo, double mapeHi, double spearman, double spearmanLo, double spearmanHi) {

    static ScoreRow of(Score s) {
      return new ScoreRow(s.protocol().label(), s.predictor(), LeagueReport.kind(s), s.timed(), s.runs(), s.covered(), s.paired(),
          s.coverage().point(), s.coverage().lo(), s.coverage().hi(), s.accuracy().point(), s.accuracy().lo(),
          s.accuracy().hi(), s.meanAbsLogRatio().point(), s.meanAbsLogRatio().lo(), s.meanAbsLogRatio().hi(),
          s.mape().point(), s.mape().lo(), s.mape().hi(), s.spearman().point(), s.spearman().lo(), s.spearman().hi());
    }
  }

  /**
   * One row of {@code predictions.csv}.
   *
   * @param run run folder name
   * @param role its protocol
   * @param p prime
   * @param op op
   * @param wd weight decay
   * @param lr learning rate
   * @param frac α
   * @param seed seed
   * @param steps step budget
   * @param tGrok measured t_grok (empty: not reached)
   * @param predictor predictor
   * @param outcome groks, no_grokking or abstains
   * @param predicted predicted step (empty: none)
   * @param lnRatio ln(predicted/measured)
   */
  public record PredictionRow(String run, String role, int p, String op, double wd, double lr, double frac, long seed,
      int steps, java.util.OptionalInt tGrok, String predictor, String outcome, double predicted, double lnRatio) {}

  private static String kind(Score s) {
    return s.theory() ? "theory" : "baseline";
  }

  /**
   * Writes the report.
   *
   * @param league the league
   * @param dir the folder
   * @param unfinished run folders left out because unfinished
   * @param duplicates run folders left out because an earlier folder holds the same run
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(League league, Path dir, int unfinished, int duplicates, String command)
      throws IOException {
    Files.createDirectories(dir);
    List<GridRun> runs = league.results().stream().map(League.RunResult::run).toList();
    List<Path> files = new ArrayList<>();
    files.add(text(dir.resolve(GRID), Csv.of(GridRow.class, runs.stream().map(GridRow::of).toList(), command)));
    files.addAll(TransformerPhaseTables.write(runs, dir.resolve(PHASE_TABLES), command));
    files.addAll(SideBySideReport.write(league.sideBySide(), dir, command));
    files.add(text(dir.resolve(SCORES), Csv.of(ScoreRow.class, league.scores().stream().map(ScoreRow::of).toList(), command)));
    files.add(text(dir.resolve(PREDICTIONS), Csv.of(PredictionRow.class, predictionRows(league), command)));
    files.add(text(dir.resolve(MARKDOWN), markdown(league, unfinished, duplicates, command)));
    Path cal = dir.resolve(CALIBRATION);
    league.calibration().write(cal);
    files.add(cal);
    for (String name : league.predictors()) {
      if (league.scores().stream().anyMatch(s -> s.predictor().equals(name) && s.timed())) {
        files.add(png(dir.resolve("predicted-vs-measured-" + name + ".png"), predictedChart(league, name, command)));
      }
    }
    files.add(png(dir.resolve("league-error.png"), intervalChart(league, true, "mean |ln(predicted/measured)|, 95 % bootstrap interval",
        "mean |ln ratio|", Score::meanAbsLogRatio, command)));
    files.add(png(dir.resolve("league-coverage.png"), intervalChart(league, false, "coverage of the held-out runs, 95 % bootstrap interval",
        "coverage", Score::coverage, command)));
    return files;
  }

  private static Path text(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
    return file;
  }

  private static Path png(Path file, XYChart chart) throws IOException {
    AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    return file;
  }

  static List<PredictionRow> predictionRows(League league) {
    List<PredictionRow> rows = new ArrayList<>();
    for (League.RunResult r : league.results()) {
      GridRun g = r.run();
      r.predictions().forEach((name, p) -> rows.add(new PredictionRow(g.name(), r.role().label(), g.task().p(),
          g.task().op().cliName(), g.wd(), g.lr(), g.frac(), g.seed(), g.steps(), g.tGrok(), name,
          p.outcome().name().toLowerCase(Locale.ROOT), p.steps(), new Scored(g, p).logRatio())));
    }
    return rows;
  }

  /**
   * The Markdown report: the runs, each predictor's calibration, the scores per protocol and the verdict.
   *
   * @param league the league
   * @param unfinished run folders left out because unfinished
   * @param duplicates run folders left out because an earlier folder holds the same run
   * @param command the producing command
   * @return Markdown text
   */
  public static String markdown(League league, int unfinished, int duplicates, String command) {
    Calibration c = league.calibration();
    StringBuilder md = new StringBuilder("# League of grokking-time predictors\n\nProduced by `").append(command)
        .append("`.\n\n");
    md.append("## Runs\n\n| protocol | runs | grokked |\n|---|---|---|\n");
    for (Protocol p : Protocol.values()) {
      List<League.RunResult> rs = league.results().stream().filter(r -> r.role() == p).toList();
      md.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", p.label(), rs.size(),
          rs.stream().filter(r -> r.run().grokked()).count()));
    }
    md.append(String.format(Locale.ROOT, "%nCalibration: op %s, p %d, seeds %s (protocol (a) holds out the other seeds "
        + "of these conditions; protocol (b) holds out every other op and prime). Left out: %d unfinished run folders, %d "
        + "repeating an earlier folder's settings and seed."
        + " Bootstrap: %d resamples of the runs, seed %d, percentile 95 %% intervals.%n%n", c.calibrationOp(),
        c.calibrationP(), c.calibrationSeeds(), unfinished, duplicates, league.resamples(), league.bootstrapSeed()));
    md.append("## Calibration (fitted on the calibration runs only)\n\n");
    md.append(String.format(Locale.ROOT, "- `%s`: t = %s steps (%d runs)%n", ConstantLaw.NAME, Numbers.table(c.constant().steps()),
        c.constant().points()));
    md.append(String.format(Locale.ROOT, "- `%s`: t = %s/(lr·wd) (%d runs)%n", InverseDecayLaw.NAME,
        Numbers.table(c.inverseLrWd().c()), c.inverseLrWd().points()));
    PowerLaw pl = c.powerLaw();
    md.append(String.format(Locale.ROOT, "- `%s`: t = %s · lr^%s · wd^%s · frac^%s · p^%s (%d runs; held at 0: %s)%n",
        PowerLaw.NAME, Numbers.table(Math.exp(pl.lnA())), Numbers.table(pl.lrExponent()), Numbers.table(pl.wdExponent()),
        Numbers.table(pl.fracExponent()), Numbers.table(pl.pExponent()), pl.points(), pl.fixed().isEmpty() ? "none" : pl.fixed()));
    for (SfmFit f : List.of(c.sfmSoft(), c.sfmHard(), c.sfmSoftLr())) {
      md.append(String.format(Locale.ROOT, "- `%s`: β = %s · wd^%s, t = %s · t_gen^SFM%s (%d calibration runs with both "
          + "times, mean |ln ratio| %s; SFM budget %d iterations)%n", f.name(), Numbers.table(f.k()), Numbers.table(f.a()),
          Numbers.table(Math.exp(f.lnScale())), f.lrExponent() == 0 ? "" : " / lr", f.points(), Numbers.table(f.error()),
          f.sfmIters()));
    }
    FirstPassageLaw fp = c.firstPassage();
    md.append(String.format(Locale.ROOT, "- `%s`: T_grok − T_mem = ln(V_mem/V*)/(2κ·lr·wd), κ = %s, V* = %s (%d runs)%s%n",
        FirstPassageLaw.NAME, Numbers.table(fp.kappa()), Numbers.table(fp.vStar()), fp.points(),
        Double.isNaN(fp.kappa()) ? " — not fitted (fewer than 2 runs, or no positive lag)"
            : fp.vStar() <= FirstPassageLaw.V_STAR_FLOOR * minVMem(league) * (1 + 1e-9)
            ? " — V* on its floor (" + FirstPassageLaw.V_STAR_FLOOR + "·min V_mem): the free line's slope was not positive,"
                + " so the law reduces to t − t_mem ∝ 1/(lr·wd) with a weak ln V_mem factor" : ""));
    CrossoverClassifier ns = c.nStar();
    md.append(String.format(Locale.ROOT, "- `%s`: groks iff lower root < n < n* at β = %s · wd, ε = %s (a choice: the "
        + "transformer has no label noise); calibration accuracy %s%n%n", CrossoverClassifier.NAME, Numbers.table(ns.k()),
        Numbers.table(ns.epsilon()), Numbers.table(ns.accuracy())));
    md.append("Grok/no-grok: a predicted step beyond the run's budget counts as \"does not grok\"; time errors are over the"
        + " runs that grokked and got a step (paired). An in-run predictor answers only runs that memorized.\n\n");
    for (Protocol p : Protocol.values()) {
      md.append("## ").append(p.label()).append(p == Protocol.CALIBRATION ? " (in-sample, not a test)" : "").append("\n\n");
      md.append("| predictor | kind | coverage | accuracy | mean \\|ln ratio\\| | MAPE | Spearman ρ | paired |\n"
          + "|---|---|---|---|---|---|---|---|\n");
      for (Score s : league.scores(p)) {
        md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %d/%d |%n", s.predictor(), kind(s),
            ci(s.coverage()), ci(s.accuracy()), ci(s.meanAbsLogRatio()), ci(s.mape()), ci(s.spearman()), s.paired(),
            s.runs()));
      }
      md.append('\n');
      if (p != Protocol.CALIBRATION) {
        md.append(verdict(league, p)).append("\n\n");
      }
    }
    return md.append(SideBySideReport.summary(league.sideBySide())).toString();
  }

  /**
   * The verdict of a protocol in words: the winner, the best baseline and the best theory-derived
   * predictor by mean |ln ratio|, by how much, and whether their intervals overlap.
   *
   * @param league the league
   * @param p the protocol
   * @return one paragraph
   */
  public static String verdict(League league, Protocol p) {
    Optional<Score> base = league.best(p, false);
    Optional<Score> theory = league.best(p, true);
    if (base.isEmpty() && theory.isEmpty()) {
      return "**Verdict:** no timed predictor has a step for half of the runs that grokked: no winner.";
    }
    StringBuilder v = new StringBuilder("**Verdict** (timed predictors with a step for at least half of the runs that "
        + "grokked, by mean |ln ratio|): ");
    Score winner = base.isEmpty() || (theory.isPresent()
        && theory.get().meanAbsLogRatio().point() < base.get().meanAbsLogRatio().point()) ? theory.get() : base.get();
    v.append(String.format(Locale.ROOT, "`%s` wins (%s). ", winner.predictor(), ci(winner.meanAbsLogRatio())));
    if (base.isPresent() && theory.isPresent()) {
      Interval b = base.get().meanAbsLogRatio();
      Interval t = theory.get().meanAbsLogRatio();
      boolean overlap = t.lo() <= b.hi() && b.lo() <= t.hi();
      v.append(String.format(Locale.ROOT, "Best theory-derived: `%s` %s; best baseline: `%s` %s: the theory %s the "
          + "baseline by %s in mean |ln ratio| (a factor %s typical); intervals %s.", theory.get().predictor(),
          Numbers.table(t.point()), base.get().predictor(), Numbers.table(b.point()),
          t.point() < b.point() ? "beats" : "trails", Numbers.table(Math.abs(b.point() - t.point())),
          Numbers.table(Math.exp(Math.abs(b.point() - t.point()))), overlap ? "overlap" : "do not overlap"));
    } else {
      v.append(base.isEmpty() ? "No baseline qualifies." : "No theory-derived predictor qualifies.");
    }
    league.scores(p).stream().filter(s -> s.predictor().equals("sfm_soft") && s.paired() > 0).findFirst()
        .filter(s -> !s.predictor().equals(winner.predictor()))
        .ifPresent(s -> v.append(String.format(Locale.ROOT, " The SFM (`sfm_soft`): %s on %d runs, %s behind the winner.",
            ci(s.meanAbsLogRatio()), s.paired(), Numbers.table(s.meanAbsLogRatio().point()
                - winner.meanAbsLogRatio().point()))));
    if (p == Protocol.HELD_OUT_CONDITIONS) {
      int runs = winner.runs();
      double err = winner.meanAbsLogRatio().point();
      v.append(String.format(Locale.ROOT, " Goal of issue 13 (held-out conditions, ≥ %d runs, best mean |ln ratio| ≤ %s): "
          + "%d runs, best %s: %s.", GOAL_RUNS, Numbers.table(GOAL_ERROR), runs, Numbers.table(err),
          runs >= GOAL_RUNS && err <= GOAL_ERROR ? "met" : "not met" + (runs < GOAL_RUNS ? " (too few runs" + (err > GOAL_ERROR
              ? ", and the error is above it)" : ")") : " (the error is above it)")));
    }
    Score bestAcc = league.scores(p).stream().filter(s -> Double.isFinite(s.accuracy().point()))
        .max(java.util.Comparator.comparingDouble(s -> s.accuracy().point())).orElse(null);
    Score nStar = league.scores(p).stream().filter(s -> s.predictor().equals(CrossoverClassifier.NAME)).findFirst().orElse(null);
    if (bestAcc != null && nStar != null) {
      v.append(String.format(Locale.ROOT, " Grok/no-grok: best accuracy `%s` %s; the theory's n* %s.", bestAcc.predictor(),
          ci(bestAcc.accuracy()), ci(nStar.accuracy())));
    }
    return v.toString();
  }

  private static double minVMem(League league) {
    return league.results().stream().filter(r -> r.role() == Protocol.CALIBRATION && r.run().grokked() && r.run().wd() > 0)
        .mapToDouble(r -> r.run().vMem()).filter(v -> v > 0).min().orElse(Double.NaN);
  }

  private static String ci(Interval i) {
    return Double.isNaN(i.point()) ? "–" : Numbers.table(i.point()) + " [" + Numbers.table(i.lo()) + ", "
        + Numbers.table(i.hi()) + "]";
  }

  private static XYChart predictedChart(League league, String name, String command) {
    XYChart chart = new XYChartBuilder().width(800).height(650).title("predicted vs measured t_grok: " + name)
        .xAxisTitle("measured t_grok (steps)").yAxisTitle("predicted (steps)").build();
    style(chart, command);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Protocol p : Protocol.values()) {
      List<Scored> paired = league.results().stream().filter(r -> r.role() == p)
          .map(r -> new Scored(r.run(), r.predictions().get(name))).filter(Scored::paired).toList();
      if (paired.isEmpty()) {
        continue;
      }
      double[] x = paired.stream().mapToDouble(s -> s.run().measured()).toArray();
      double[] y = paired.stream().mapToDouble(s -> s.prediction().steps()).toArray();
      for (double[] a : new double[][] {x, y}) {
        for (double v : a) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      XYSeries s = chart.addSeries(p.label(), x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(p == Protocol.CALIBRATION ? SeriesMarkers.SQUARE : p == Protocol.HELD_OUT_SEEDS ? SeriesMarkers.CIRCLE
          : SeriesMarkers.DIAMOND);
    }
    if (hi > 0) {
      chart.addSeries("predicted = measured", new double[] {lo / 1.2, hi * 1.2}, new double[] {lo / 1.2, hi * 1.2})
          .setMarker(SeriesMarkers.NONE);
    } else {
      chart.addSeries("no run with both steps", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static XYChart intervalChart(League league, boolean timedOnly, String title, String yTitle,
      Function<Score, Interval> metric, String command) {
    List<String> names = league.predictors().stream().filter(n -> !timedOnly || league.scores().stream()
        .anyMatch(s -> s.predictor().equals(n) && s.timed())).toList();
    XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("predictor").yAxisTitle(yTitle)
        .build();
    style(chart, command);
    double top = league.scores().stream().filter(s -> s.protocol() != Protocol.CALIBRATION)
        .mapToDouble(s -> metric.apply(s).hi()).filter(Double::isFinite).max().orElse(1);
    top = Math.max(top, 1e-9);
    chart.getStyler().setXAxisMin(-0.5).setXAxisMax(names.size() - 0.5).setXAxisTicksVisible(false)
        .setYAxisMin(-0.08 * top).setYAxisMax(1.05 * top);
    for (int i = 0; i < names.size(); i++) {
      chart.addAnnotation(new org.knowm.xchart.AnnotationText(names.get(i), i, -0.04 * top, false));
    }
    Protocol[] shown = {Protocol.HELD_OUT_SEEDS, Protocol.HELD_OUT_CONDITIONS};
    boolean any = false;
    for (int k = 0; k < shown.length; k++) {
      double offset = (k - 0.5) * 0.2;
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        Score s = league.scores(shown[k]).stream().filter(x -> x.predictor().equals(n)).findFirst().orElseThrow();
        Interval v = metric.apply(s);
        if (Double.isFinite(v.point())) {
          pts.add(new double[] {i + offset, v.point()});
          if (Double.isFinite(v.lo())) {
            XYSeries bar = chart.addSeries(shown[k].label() + " " + n + " interval", new double[] {i + offset, i + offset},
                new double[] {v.lo(), v.hi()});
            bar.setMarker(SeriesMarkers.NONE).setLineColor(PROTOCOL_COLORS[k]).setShowInLegend(false);
          }
        }
      }
      if (!pts.isEmpty()) {
        XYSeries s = chart.addSeries(shown[k].label(), pts.stream().mapToDouble(q -> q[0]).toArray(),
            pts.stream().mapToDouble(q -> q[1]).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(k == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND).setMarkerColor(PROTOCOL_COLORS[k]);
        any = true;
      }
    }
    if (!any) {
      chart.addSeries("no held-out runs scored", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** Held-out seeds blue, held-out conditions orange (the matplotlib tab10 pair). */
  private static final java.awt.Color[] PROTOCOL_COLORS = {new java.awt.Color(0x1F77B4), new java.awt.Color(0xFF7F0E)};

  private static void style(XYChart chart, String command) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(8);
    chart.addAnnotation(new org.knowm.xchart.AnnotationText(command, chart.getWidth() / 2.0, 6, true));
  }
}
