package occam.results.llc;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.io.AtomicFiles;
import occam.results.Csv;
import occam.results.plot.TrainingCurves;
import occam.transformer.records.StepMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The LLC curve of a run as files: {@code llc-curve.csv} (one {@link LlcCurveRow} per chosen snapshot,
 * the producing command on its first line) and {@code llc-curve.png} (λ̂ ± standard error against the
 * step, and the run's train and test loss below, both on a log step axis with t_mem and t_grok marked;
 * step 0 has no place on a log axis and is left out of the figure, not of the CSV).
 */
public final class LlcCurveReport {
  /** The CSV's file name. */
  public static final String CSV = "llc-curve.csv";

  /** The figure's file name. */
  public static final String FIGURE = "llc-curve.png";

  private LlcCurveReport() {}

  /**
   * Writes the two files, each atomically.
   *
   * @param rows the curve, steps ascending
   * @param log the run's metrics log (for the loss panel)
   * @param tMem the memorization step, if reached
   * @param tGrok the grokking step, if reached
   * @param dir the folder (must exist)
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<LlcCurveRow> rows, List<StepMetrics> log, OptionalInt tMem, OptionalInt tGrok,
      Path dir, String command) throws IOException {
    Path csv = dir.resolve(CSV);
    AtomicFiles.writeString(csv, Csv.of(LlcCurveRow.class, rows, command));
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<XYChart> charts = charts(rows, log, tMem, tGrok, command);
    Path png = dir.resolve(FIGURE);
    AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(charts, 2, 1, out, BitmapEncoder.BitmapFormat.PNG));
    return List.of(csv, png);
  }

  /**
   * The two panels: λ̂ with error bars, and train/test loss (log axis where every loss is positive).
   *
   * @param rows the curve
   * @param log the metrics log
   * @param tMem the memorization step, if reached
   * @param tGrok the grokking step, if reached
   * @param command the producing command, printed under the loss panel
   * @return the λ̂ panel and the loss panel
   */
  public static List<XYChart> charts(List<LlcCurveRow> rows, List<StepMetrics> log, OptionalInt tMem,
      OptionalInt tGrok, String command) {
    XYChart llc = chart("local learning coefficient by SGLD", "λ̂ (± se over chains)", "step");
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (LlcCurveRow r : rows) {
      if (r.step() > 0 && Double.isFinite(r.llc())) {
        xs.add((double) r.step());
        ys.add(r.llc());
        errors.add(Double.isFinite(r.standardError()) ? r.standardError() : 0.0);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries s = llc.addSeries("λ̂", xs, ys, errors);
      s.setMarker(SeriesMarkers.CIRCLE);
      mark(llc, tMem, tGrok, 0, ys.stream().mapToDouble(Double::doubleValue).max().orElse(1));
    }
    XYChart loss = chart("cross-entropy loss (metrics log)", "loss (nats)", "step  —  " + command);
    TrainingCurves.add(loss, log, "train", StepMetrics::trainLoss, 0);
    TrainingCurves.add(loss, log, "test", StepMetrics::testLoss, 0);
    boolean positive = log.stream().filter(m -> m.step() > 0)
        .allMatch(m -> !(m.trainLoss() <= 0) && !(m.testLoss() <= 0));
    loss.getStyler().setYAxisLogarithmic(positive);
    double lo = log.stream().filter(m -> m.step() > 0).mapToDouble(m -> Math.min(m.trainLoss(), m.testLoss()))
        .filter(Double::isFinite).min().orElse(1e-8);
    double hi = log.stream().filter(m -> m.step() > 0).mapToDouble(m -> Math.max(m.trainLoss(), m.testLoss()))
        .filter(Double::isFinite).max().orElse(1);
    if (!loss.getSeriesMap().isEmpty()) {
      mark(loss, tMem, tGrok, lo, hi);
    }
    double first = Math.min(xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.MAX_VALUE),
        log.stream().filter(m -> m.step() > 0).mapToDouble(StepMetrics::step).min().orElse(Double.MAX_VALUE));
    double last = Math.max(xs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        log.stream().mapToDouble(StepMetrics::step).max().orElse(0));
    if (first < last) {
      for (XYChart c : List.of(llc, loss)) {
        c.getStyler().setXAxisMin(first).setXAxisMax(last);
      }
    }
    return List.of(llc, loss);
  }

  /** Vertical lines at t_mem and t_grok between lo and hi. */
  private static void mark(XYChart chart, OptionalInt tMem, OptionalInt tGrok, double lo, double hi) {
    if (tMem.isPresent() && tMem.getAsInt() > 0) {
      line(chart, "t_mem = " + tMem.getAsInt(), tMem.getAsInt(), lo, hi, new Color(230, 120, 0));
    }
    if (tGrok.isPresent() && tGrok.getAsInt() > 0) {
      line(chart, "t_grok = " + tGrok.getAsInt(), tGrok.getAsInt(), lo, hi, new Color(0, 150, 60));
    }
  }

  private static void line(XYChart chart, String name, int step, double lo, double hi, Color color) {
    XYSeries s = chart.addSeries(name, new double[] {step, step}, new double[] {lo, hi});
    s.setMarker(SeriesMarkers.NONE).setLineColor(color).setLineStyle(SeriesLines.DASH_DASH);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
  }

  private static XYChart chart(String title, String yTitle, String xTitle) {
    XYChart chart = new XYChartBuilder().width(960).height(420).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(7);
    return chart;
  }
}
