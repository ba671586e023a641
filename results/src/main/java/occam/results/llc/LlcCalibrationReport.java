package occam.results.llc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.results.Csv;
import occam.sfm.llc.CalibrationRow;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The SFM calibration of the LLC estimator as files: {@code sfm-calibration.csv} (one row per task,
 * fixed point and SGLD setting), {@code sfm-calibration.md} (the same as a table) and {@code
 * sfm-calibration.png} (λ̂ against the loss's λ = rank(H)/2 and against the support count |supp|/2, log
 * axes, with the line λ̂ = λ).
 */
public final class LlcCalibrationReport {
  /** The CSV's file name. */
  public static final String CSV = "sfm-calibration.csv";

  /** The Markdown table's file name. */
  public static final String MARKDOWN = "sfm-calibration.md";

  /** The figure's file name. */
  public static final String FIGURE = "sfm-calibration.png";

  private LlcCalibrationReport() {}

  /**
   * Writes the three files, each atomically.
   *
   * @param rows the calibration rows
   * @param dir the folder (must exist)
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<CalibrationRow> rows, Path dir, String command) throws IOException {
    List<Path> files = new ArrayList<>();
    Path csv = dir.resolve(CSV);
    AtomicFiles.writeString(csv, Csv.of(CalibrationRow.class, rows, command));
    files.add(csv);
    Path md = dir.resolve(MARKDOWN);
    AtomicFiles.writeString(md, markdown(rows, command));
    files.add(md);
    Path png = dir.resolve(FIGURE);
    XYChart chart = chart(rows, command);
    AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    files.add(png);
    return files;
  }

  /**
   * The table in Markdown.
   *
   * @param rows the rows
   * @param command the producing command
   * @return Markdown text
   */
  public static String markdown(List<CalibrationRow> rows, String command) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- produced by: ").append(command).append(" -->\n\n");
    sb.append("| p | op | n | point | support | λ = \\|supp\\|/2 | λ = rank(H)/2 | SGLD target | λ̂ ± se | λ̂/λ_rank "
        + "| λ̂/λ_supp | R̂ | drift z | ε | γ |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (CalibrationRow r : rows) {
      sb.append("| ").append(r.p()).append(" | ").append(r.op()).append(" | ").append(r.n()).append(" | ")
          .append(r.point()).append(" | ").append(r.support()).append(" | ")
          .append(Numbers.table(r.lambdaSupport())).append(" | ").append(Numbers.table(r.lambdaExact())).append(" | ")
          .append(Numbers.table(r.lambdaSgld())).append(" | ")
          .append(r.diverged() ? "diverged" : Numbers.table(r.lambdaHat()) + " ± " + Numbers.table(r.standardError()))
          .append(" | ").append(Numbers.table(r.ratioToExact())).append(" | ").append(Numbers.table(r.ratioToSupport()))
          .append(" | ").append(Numbers.table(r.rHat())).append(" | ").append(Numbers.table(r.driftZ()))
          .append(" | ").append(Numbers.table(r.stepSize())).append(" | ").append(Numbers.table(r.localization()))
          .append(" |\n");
    }
    return sb.toString();
  }

  /**
   * λ̂ against the two λ's, log-log.
   *
   * @param rows the rows (diverged ones are left out)
   * @param command the producing command, printed under the plot
   * @return the chart
   */
  public static XYChart chart(List<CalibrationRow> rows, String command) {
    XYChart chart = new XYChartBuilder().width(760).height(560)
        .title("LLC by SGLD on the SFM: estimate vs known λ").xAxisTitle("known λ")
        .yAxisTitle("λ̂ (SGLD)").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(9)
        .setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.addAnnotation(new AnnotationText(command, chart.getWidth() / 2.0, 6, true));
    List<CalibrationRow> ok = rows.stream().filter(r -> !r.diverged() && r.lambdaHat() > 0).toList();
    if (ok.isEmpty()) {
      return chart;
    }
    double lo = ok.stream().mapToDouble(r -> Math.min(r.lambdaExact(), r.lambdaHat())).min().orElse(1) / 1.5;
    double hi = ok.stream().mapToDouble(r -> Math.max(r.lambdaSupport(), r.lambdaHat())).max().orElse(1) * 1.5;
    XYSeries identity = chart.addSeries("λ̂ = λ", new double[] {lo, hi}, new double[] {lo, hi});
    identity.setMarker(SeriesMarkers.NONE);
    XYSeries exact = chart.addSeries("vs rank(H)/2 (the loss's λ)",
        ok.stream().mapToDouble(CalibrationRow::lambdaExact).toArray(),
        ok.stream().mapToDouble(CalibrationRow::lambdaHat).toArray(),
        ok.stream().mapToDouble(CalibrationRow::standardError).toArray());
    exact.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
    XYSeries support = chart.addSeries("vs |supp|/2 (the support count)",
        ok.stream().mapToDouble(CalibrationRow::lambdaSupport).toArray(),
        ok.stream().mapToDouble(CalibrationRow::lambdaHat).toArray());
    support.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND);
    return chart;
  }
}
