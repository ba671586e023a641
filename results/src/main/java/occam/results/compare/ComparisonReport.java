package occam.results.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.io.Numbers;
import occam.results.llc.LlcDrop;
import occam.sfm.SfmResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a {@link Comparison} under a folder: {@code comparison.csv} (one row per run), {@code
 * comparison.md} (fit, headline figures, scaling, synchrony, λ vs K, every run), {@code
 * summary.json} (the headline figures), {@code sfm-runs.csv} (every SFM run behind the k_β fit),
 * {@code predicted-vs-measured.png} and {@code synchrony.png}. Every file names the command that
 * produced it; every file is written atomically.
 */
public final class ComparisonReport {
  /** The per-run table. */
  public static final String CSV = "comparison.csv";

  /** The Markdown report. */
  public static final String MARKDOWN = "comparison.md";

  /** The headline figures. */
  public static final String SUMMARY = "summary.json";

  /** The SFM runs. */
  public static final String SFM_CSV = "sfm-runs.csv";

  /** Predicted vs measured grokking step. */
  public static final String PREDICTED_PNG = "predicted-vs-measured.png";

  /** Transition steps of BDM, Gini and IPR against the test-accuracy jump. */
  public static final String SYNCHRONY_PNG = "synchrony.png";

  private static final String[] COLUMNS = {"run", "role", "p", "op", "wd", "frac", "seed", "n", "phase", "t_mem",
      "t_grok", "beta", "sfm_phase", "sfm_t_gen", "t_pred", "ratio", "log_ratio", "n_star", "test_mid", "test_steep",
      "bdm_mid", "bdm_steep", "gini_mid", "gini_steep", "ipr_mid", "ipr_steep", "lag_bdm", "lag_gini", "lag_ipr",
      "bdm_max", "bdm_final", "bdm_drop", "lambda_ratio", "llc_mem_step", "llc_mem", "llc_end_step", "llc_end",
      "llc_drop"};

  private ComparisonReport() {}

  /**
   * Writes every file.
   *
   * @param c the comparison
   * @param sfm the SFM runner behind it
   * @param dir output folder
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(Comparison c, SfmTimes sfm, Path dir, String command) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(write(dir.resolve(CSV), csv(c, command)));
    files.add(write(dir.resolve(SFM_CSV), sfmCsv(sfm, command)));
    files.add(write(dir.resolve(MARKDOWN), markdown(c, sfm, command)));
    files.add(write(dir.resolve(SUMMARY), Json.pretty(summary(c, sfm, command))));
    Path p1 = dir.resolve(PREDICTED_PNG);
    XYChart predicted = predictedChart(c, command);
    AtomicFiles.write(p1, out -> BitmapEncoder.saveBitmap(predicted, out, BitmapEncoder.BitmapFormat.PNG));
    files.add(p1);
    Path p2 = dir.resolve(SYNCHRONY_PNG);
    XYChart sync = synchronyChart(c, command);
    AtomicFiles.write(p2, out -> BitmapEncoder.saveBitmap(sync, out, BitmapEncoder.BitmapFormat.PNG));
    files.add(p2);
    return files;
  }

  private static Path write(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
    return file;
  }

  /**
   * The per-run CSV.
   *
   * @param c the comparison
   * @param command producing command (a leading {@code #} comment)
   * @return CSV text
   */
  public static String csv(Comparison c, String command) {
    StringWriter sw = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments("command: " + command)
        .setHeader(COLUMNS).setRecordSeparator('\n').build();
    try (CSVPrinter csv = new CSVPrinter(sw, format)) {
      for (RunComparison r : c.runs()) {
        TrainingRecord t = r.run();
        csv.printRecord(t.name(), role(r), t.task().p(), t.task().op().cliName(), Numbers.csv(t.weightDecay()),
            Numbers.csv(t.frac()), t.seed(), t.trainSize(), t.phase(), step(t.memorizationStep()), step(t.grokkingStep()),
            Numbers.csv(r.beta()), r.sfmPhase(), step(r.sfmTGen()), Numbers.csv(r.predicted()), Numbers.csv(r.ratio()), Numbers.csv(r.logRatio()),
            Numbers.csv(r.nStar()), step(r.testAcc().mid()), step(r.testAcc().steepest()), step(r.bdm().mid()),
            step(r.bdm().steepest()), step(r.embedGini().mid()), step(r.embedGini().steepest()),
            step(r.embedIpr().mid()), step(r.embedIpr().steepest()), Numbers.csv(lagBdm(r)), Numbers.csv(lagGini(r)), Numbers.csv(lagIpr(r)),
            Numbers.csv(r.bdm().from()), Numbers.csv(r.bdmFinal()), Numbers.csv(r.bdmDrop()), Numbers.csv(r.lambdaRatio()),
            r.llcDrop().map(d -> Integer.toString(d.memStep())).orElse(""),
            Numbers.csv(r.llcDrop().map(LlcDrop::atMem).orElse(Double.NaN)),
            r.llcDrop().map(d -> Integer.toString(d.endStep())).orElse(""),
            Numbers.csv(r.llcDrop().map(LlcDrop::atEnd).orElse(Double.NaN)), Numbers.csv(r.llcRatio()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  private static String sfmCsv(SfmTimes sfm, String command) {
    StringWriter sw = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#')
        .setHeaderComments("command: " + command, "SFM runs behind the k_beta fit: gate " + sfm.gate().cliName()
            + ", eta 1, no l2, W0 = 0, " + sfm.iters() + " iterations")
        .setHeader("p", "op", "beta", "frac", "seed", "n", "phase", "t_mem", "t_gen", "test_acc", "support")
        .setRecordSeparator('\n').build();
    try (CSVPrinter csv = new CSVPrinter(sw, format)) {
      for (SfmResult r : sfm.results()) {
        csv.printRecord(r.config().task().p(), r.config().task().op().cliName(), Numbers.csv(r.config().beta()),
            Numbers.csv(r.config().frac()), r.config().seed(), r.trainSize(), r.phase().label(), step(r.tMem()), step(r.tGen()),
            Numbers.csv(r.last().testAcc()), r.last().support());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  private static double lagBdm(RunComparison r) {
    return RunComparison.lag(r.bdm().mid(), r.run().grokkingStep());
  }

  private static double lagGini(RunComparison r) {
    return RunComparison.lag(r.embedGini().mid(), r.run().grokkingStep());
  }

  private static double lagIpr(RunComparison r) {
    return RunComparison.lag(r.embedIpr().mid(), r.run().grokkingStep());
  }

  private static String role(RunComparison r) {
    return r.calibration() ? "calibration" : "held-out";
  }

  private static double median(List<RunComparison> runs, ToDoubleFunction<RunComparison> f) {
    double[] v = runs.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    return v.length == 0 ? Double.NaN : new Median().evaluate(v);
  }

  private static long count(List<RunComparison> runs, ToDoubleFunction<RunComparison> f) {
    return runs.stream().mapToDouble(f).filter(Double::isFinite).count();
  }

  private static double[] column(Comparison c, ToDoubleFunction<RunComparison> f) {
    return c.runs().stream().mapToDouble(f).toArray();
  }

  /** Scaling fits: transformer t_grok, SFM t_gen, theory n*. */
  private static double[][] scalings(Comparison c) {
    double[] wd = column(c, r -> r.run().weightDecay());
    double[] frac = column(c, r -> r.run().frac());
    return new double[][] {
      Comparison.scaling(wd, frac, column(c, RunComparison::measured)),
      Comparison.scaling(wd, frac, column(c, r -> r.sfmTGen().isPresent() ? r.sfmTGen().getAsInt() : Double.NaN)),
      Comparison.scaling(wd, frac, column(c, RunComparison::nStar))};
  }

  /**
   * One scaling fit ln t = a + b·ln wd + c·ln frac.
   *
   * @param quantity what t is
   * @param wdExponent b
   * @param fracExponent c
   * @param r2 the fit's R²
   * @param points the runs with a finite t
   */
  public record ScalingFit(String quantity, double wdExponent, double fracExponent, double r2, int points) {}

  /**
   * The headline figures of {@code summary.json}; non-finite figures are written as {@code null}.
   *
   * @param command the producing command
   * @param runs runs compared
   * @param grokked runs with a grokking step
   * @param calibrationSeeds the calibration seeds, e.g. "[0]"
   * @param sfmGate the SFM gate
   * @param sfmIters the SFM iteration budget
   * @param kBeta the fitted k_β
   * @param timeScale the fitted c, steps per SFM iteration
   * @param epsilon ε_gen of n*
   * @param heldOutPaired held-out runs with both steps
   * @param heldOutSpearman Spearman ρ of predicted vs measured, held out
   * @param heldOutMeanAbsLogRatio mean |ln(predicted/measured)|, held out
   * @param calibrationMeanAbsLogRatio mean |ln(predicted/measured)|, calibration
   * @param medianLagBdmSteps median K_BDM half-drop − t_grok
   * @param medianLagGiniSteps median embedding Gini half-rise − t_grok
   * @param medianLagIprSteps median embedding IPR half-rise − t_grok
   * @param medianBdmDrop median K_BDM max/final
   * @param medianLambdaRatio median λ_mem/λ_gen
   * @param medianLlcDrop median measured λ̂(t_mem)/λ̂(end) over the grokked runs with an LLC curve
   * @param scaling the fits for the transformer's t_grok, the SFM's t_gen and the theory's n*
   */
  public record Summary(String command, int runs, long grokked, String calibrationSeeds, String sfmGate,
      int sfmIters, double kBeta, double timeScale, double epsilon, int heldOutPaired, double heldOutSpearman,
      double heldOutMeanAbsLogRatio, double calibrationMeanAbsLogRatio, double medianLagBdmSteps,
      double medianLagGiniSteps, double medianLagIprSteps, double medianBdmDrop, double medianLambdaRatio,
      double medianLlcDrop, List<ScalingFit> scaling) {}

  /**
   * The headline figures.
   *
   * @param c the comparison
   * @param sfm the SFM runner
   * @param command the producing command
   * @return what {@code summary.json} holds
   */
  public static Summary summary(Comparison c, SfmTimes sfm, String command) {
    double[][] s = scalings(c);
    String[] names = {"transformer_t_grok", "sfm_t_gen", "theory_n_star"};
    List<ScalingFit> fits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fits.add(new ScalingFit(names[i], s[i][0], s[i][1], s[i][2], (int) s[i][3]));
    }
    return new Summary(command, c.runs().size(), c.runs().stream().filter(r -> r.run().grokkingStep().isPresent()).count(),
        c.calibrationSeeds().toString(), sfm.gate().cliName(), sfm.iters(), c.kBeta(), Math.exp(c.logScale()),
        c.epsilon(), c.heldOutPaired().size(), c.heldOutSpearman(), c.heldOutMeanAbsLogRatio(),
        c.calibrationMeanAbsLogRatio(), median(c.runs(), ComparisonReport::lagBdm),
        median(c.runs(), ComparisonReport::lagGini), median(c.runs(), ComparisonReport::lagIpr),
        median(c.runs(), RunComparison::bdmDrop), median(c.runs(), RunComparison::lambdaRatio),
        median(c.runs().stream().filter(r -> r.run().grokkingStep().isPresent()).toList(), RunComparison::llcRatio),
        List.copyOf(fits));
  }

  /**
   * The Markdown report.
   *
   * @param c the comparison
   * @param sfm the SFM runner
   * @param command producing command
   * @return Markdown text
   */
  public static String markdown(Comparison c, SfmTimes sfm, String command) {
    StringBuilder md = new StringBuilder();
    md.append("# Theory vs SFM vs transformer\n\nProduced by `").append(command).append("`.\n\n");
    List<RunComparison> runs = c.runs();
    long grokked = runs.stream().filter(r -> r.run().grokkingStep().isPresent()).count();
    md.append(String.format(Locale.ROOT, "%d runs, %d grokked within their budget. Calibration: the runs with "
        + "seed in %s (%d runs); the others are held out (%d runs).%n%n", runs.size(), grokked, c.calibrationSeeds(),
        runs.stream().filter(RunComparison::calibration).count(),
        runs.stream().filter(r -> !r.calibration()).count()));
    md.append("## Mapping and fit\n\n");
    md.append(String.format(Locale.ROOT, "β = k_β·wd, n = frac·N (the SFM runs on each run's own split). SFM: %s gate, "
        + "η = 1, no ℓ2, W₀ = 0, %d iterations. Predicted step t̂ = c·t_gen^SFM. k_β and c are fitted on the "
        + "calibration runs only (k_β: most calibration runs with both times, then least mean |ln ratio|; "
        + "ln c = mean ln(t_grok/t_gen^SFM)).%n%n", sfm.gate().cliName(), sfm.iters()));
    md.append(Double.isNaN(c.logScale())
        ? "**No fit: no calibration run has both a grokking step and an SFM t_gen; nothing is predicted.**\n\n"
        : String.format(Locale.ROOT, "**k_β = %s, c = %s steps per SFM iteration.**%n%n", Numbers.table(c.kBeta()),
            Numbers.table(Math.exp(c.logScale()))));
    md.append("| k_β | calibration runs with both times | mean \\|ln ratio\\| (calibration) |\n|---|---|---|\n");
    for (int i = 0; i < c.kGrid().length; i++) {
      md.append("| ").append(Numbers.table(c.kGrid()[i])).append(" | ").append(c.kGridCoverage()[i]).append(" | ")
          .append(Numbers.table(c.kGridError()[i])).append(" |\n");
    }
    md.append("\n## Headline\n\n| figure | value |\n|---|---|\n");
    row(md, "held-out runs with predicted and measured step", Integer.toString(c.heldOutPaired().size()));
    row(md, "Spearman ρ, predicted vs measured (held out)", Numbers.table(c.heldOutSpearman()));
    row(md, "mean \\|ln(predicted/measured)\\| (held out)", Numbers.table(c.heldOutMeanAbsLogRatio()));
    row(md, "mean \\|ln(predicted/measured)\\| (calibration)", Numbers.table(c.calibrationMeanAbsLogRatio()));
    row(md, "median lag K_BDM half-drop − t_grok (steps)",
        Numbers.table(median(runs, ComparisonReport::lagBdm)) + " (" + count(runs, ComparisonReport::lagBdm) + " runs)");
    row(md, "median lag embedding Gini half-rise − t_grok (steps)",
        Numbers.table(median(runs, ComparisonReport::lagGini)) + " (" + count(runs, ComparisonReport::lagGini) + " runs)");
    row(md, "median lag embedding IPR half-rise − t_grok (steps)",
        Numbers.table(median(runs, ComparisonReport::lagIpr)) + " (" + count(runs, ComparisonReport::lagIpr) + " runs)");
    row(md, "median measured complexity drop K_BDM max/final", Numbers.table(median(runs, RunComparison::bdmDrop)));
    row(md, "theory λ_mem/λ_gen = m²/\\|supp W*\\|", Numbers.table(median(runs, RunComparison::lambdaRatio)));
    List<RunComparison> grokRuns = runs.stream().filter(r -> r.run().grokkingStep().isPresent()).toList();
    row(md, "median measured LLC drop λ̂(t_mem)/λ̂(end) (SGLD; grokked runs with llc/llc-curve.csv)",
        Numbers.table(median(grokRuns, RunComparison::llcRatio)) + " (" + count(grokRuns, RunComparison::llcRatio)
            + " runs)");
    if (count(runs, RunComparison::llcRatio) > 0) {
      md.append("\nThe theory's ratio counts support: λ_mem = m²/2 free coefficients at memorization, λ_gen ="
          + " |supp W*|/2 after. The measured λ̂ is the transformer's own learning coefficient at its weights, at the"
          + " resolution SGLD's localization γ sets; a measured drop far below the theory's ratio says the network"
          + " does not memorize with m² effective degrees of freedom (or does not shed them as the SFM does), not"
          + " that the estimator failed — on the SFM it recovers the loss's λ = rank(H)/2 at both fixed points"
          + " (results/llc). A run that did not grok has no λ_gen to reach: its drop is in the table below, not in"
          + " the median.\n");
    }
    md.append("\n## Scaling: ln t = a + b·ln wd + c·ln frac (least squares over runs)\n\n");
    md.append("| quantity | b (wd) | c (frac) | R² | points |\n|---|---|---|---|---|\n");
    double[][] s = scalings(c);
    String[] names = {"transformer t_grok", "SFM t_gen at β = k_β·wd", "theory n* at β = k_β·wd, ε = "
        + Numbers.table(c.epsilon())};
    for (int i = 0; i < 3; i++) {
      md.append("| ").append(names[i]).append(" | ").append(Numbers.table(s[i][0])).append(" | ").append(Numbers.table(s[i][1]))
          .append(" | ").append(Numbers.table(s[i][2])).append(" | ").append((int) s[i][3]).append(" |\n");
    }
    md.append("\nn* does not depend on frac (the theory predicts a threshold in n, not a time), so its c is 0 "
        + "or undetermined; with ε/c > 1/e there is no crossover and n* is blank.\n");
    md.append("\n## Synchrony\n\nHalf-way steps (first logged step past the midpoint between the series' "
        + "extremes) and steepest log intervals. Lags are relative to t_grok (the exact first step with train and "
        + "test accuracy ≥ 0.99): the test-accuracy half-rise often comes early, when a run generalizes partly "
        + "long before it groks. Steps other than t_grok are those of the log (every --log-every).\n\n");
    md.append("| run | t_grok | test mid | BDM mid | Gini mid | IPR mid | test steep | BDM steep | Gini steep "
        + "| IPR steep |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (RunComparison r : runs) {
      md.append("| ").append(r.run().name()).append(" | ").append(step(r.run().grokkingStep())).append(" | ")
          .append(step(r.testAcc().mid())).append(" | ").append(step(r.bdm().mid())).append(" | ")
          .append(step(r.embedGini().mid())).append(" | ").append(step(r.embedIpr().mid())).append(" | ")
          .append(step(r.testAcc().steepest())).append(" | ").append(step(r.bdm().steepest())).append(" | ")
          .append(step(r.embedGini().steepest())).append(" | ").append(step(r.embedIpr().steepest())).append(" |\n");
    }
    md.append("\n## Runs\n\n| run | role | wd | frac | seed | n | phase | t_grok | β | SFM phase | SFM t_gen "
        + "| predicted | ratio | n* | K_BDM max | K_BDM final | drop | λ ratio | LLC drop |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (RunComparison r : runs) {
      TrainingRecord t = r.run();
      md.append("| ").append(String.join(" | ", t.name(), role(r), Numbers.table(t.weightDecay()), Numbers.table(t.frac()),
          Long.toString(t.seed()), Integer.toString(t.trainSize()), t.phase(), step(t.grokkingStep()), Numbers.table(r.beta()),
          r.sfmPhase(), step(r.sfmTGen()), Numbers.table(r.predicted()), Numbers.table(r.ratio()), Numbers.table(r.nStar()), Numbers.table(r.bdm().from()),
          Numbers.table(r.bdmFinal()), Numbers.table(r.bdmDrop()), Numbers.table(r.lambdaRatio()),
          Numbers.table(r.llcRatio()))).append(" |\n");
    }
    List<String> missing = runs.stream().filter(r -> r.run().grokkingStep().isEmpty())
        .map(r -> r.run().name() + " (" + r.run().phase() + " after " + r.run().stepsDone() + " steps)").toList();
    md.append("\n## Runs without a grokking step\n\n")
        .append(missing.isEmpty() ? "None.\n" : "- " + String.join("\n- ", missing) + "\n");
    md.append("\nFigures: `").append(PREDICTED_PNG).append("`, `").append(SYNCHRONY_PNG).append("`.\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String what, String value) {
    md.append("| ").append(what).append(" | ").append(value).append(" |\n");
  }

  private static XYChart predictedChart(Comparison c, String command) {
    XYChart chart = new XYChartBuilder().width(800).height(650).title("predicted vs measured grokking step")
        .xAxisTitle("measured t_grok (steps)").yAxisTitle("predicted c·t_gen^SFM (steps)").build();
    style(chart, command);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (boolean calibration : new boolean[] {true, false}) {
      List<RunComparison> mine = c.runs().stream()
          .filter(r -> r.calibration() == calibration && Double.isFinite(r.ratio()) && r.ratio() > 0).toList();
      if (mine.isEmpty()) {
        continue;
      }
      double[] x = mine.stream().mapToDouble(RunComparison::measured).toArray();
      double[] y = mine.stream().mapToDouble(RunComparison::predicted).toArray();
      for (double v : concat(x, y)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      XYSeries s = chart.addSeries(calibration ? "calibration" : "held out", x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(calibration ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
    }
    if (hi > 0) {
      XYSeries diag = chart.addSeries("predicted = measured", new double[] {lo / 1.2, hi * 1.2},
          new double[] {lo / 1.2, hi * 1.2});
      diag.setMarker(SeriesMarkers.NONE);
    } else {
      chart.addSeries("no run with both times", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static XYChart synchronyChart(Comparison c, String command) {
    XYChart chart = new XYChartBuilder().width(800).height(650).title("synchrony: half-way steps vs grokking step")
        .xAxisTitle("t_grok (step)").yAxisTitle("half-way step of the observable").build();
    style(chart, command);
    double hi = 1;
    String[] names = {"K_BDM half-drop", "embedding Gini half-rise", "embedding IPR half-rise"};
    List<ToDoubleFunction<RunComparison>> fs = List.of(r -> opt(r.bdm().mid()), r -> opt(r.embedGini().mid()),
        r -> opt(r.embedIpr().mid()));
    boolean any = false;
    for (int i = 0; i < names.length; i++) {
      ToDoubleFunction<RunComparison> f = fs.get(i);
      List<RunComparison> mine = c.runs().stream()
          .filter(r -> r.run().grokkingStep().isPresent() && Double.isFinite(f.applyAsDouble(r))).toList();
      if (mine.isEmpty()) {
        continue;
      }
      double[] x = mine.stream().mapToDouble(r -> r.run().grokkingStep().getAsInt()).toArray();
      double[] y = mine.stream().mapToDouble(f).toArray();
      hi = Math.max(hi, Arrays.stream(concat(x, y)).max().orElse(1));
      chart.addSeries(names[i], x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      any = true;
    }
    XYSeries diag = chart.addSeries(any ? "same step" : "no transitions measured", new double[] {0, hi},
        new double[] {0, hi});
    diag.setMarker(SeriesMarkers.NONE);
    return chart;
  }

  private static void style(XYChart chart, String command) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(8);
    chart.addAnnotation(new AnnotationText(command, chart.getWidth() / 2.0, 6, true));
  }

  private static double opt(OptionalInt v) {
    return v.isPresent() ? v.getAsInt() : Double.NaN;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String step(OptionalInt s) {
    return Numbers.step(s, "");
  }
}
