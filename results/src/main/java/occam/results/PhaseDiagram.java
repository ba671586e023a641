package occam.results;

import occam.io.AtomicFiles;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.modular.Phase;
import occam.sfm.scan.ScanCell;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The phase diagram of a scan (XChart): β on a log axis × frac, one marker per cell colored by its
 * majority phase and annotated with the median t_gen; the producing command is printed under the
 * plot. Written as PNG and SVG.
 */
public final class PhaseDiagram {
  private PhaseDiagram() {}

  /**
   * Builds the chart.
   *
   * @param cells scan cells
   * @param title chart title
   * @param command the producing command, printed under the plot
   * @return the chart
   */
  public static XYChart chart(List<ScanCell> cells, String title, String command) {
    XYChart chart = new XYChartBuilder().width(960).height(640).title(title)
        .xAxisTitle("β (Occam prior)").yAxisTitle("frac (training fraction α)").build();
    Styler s = chart.getStyler();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(16);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    s.setAnnotationTextFontColor(Color.BLACK);
    double fracSpan = cells.stream().mapToDouble(ScanCell::frac).max().orElse(1)
        - cells.stream().mapToDouble(ScanCell::frac).min().orElse(0);
    double lift = fracSpan > 0 ? 0.035 * fracSpan : 0.02;
    for (Phase ph : Phase.values()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (ScanCell c : cells) {
        if (c.phase() == ph) {
          xs.add(c.beta());
          ys.add(c.frac());
          if (!Double.isNaN(c.medianTGen())) {
            chart.addAnnotation(new AnnotationText(PhaseTable.fmt(c.medianTGen()), c.beta(), c.frac() + lift, false));
          }
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries(ph.label(), xs, ys);
        series.setMarker(SeriesMarkers.SQUARE);
        series.setMarkerColor(color(ph));
      }
    }
    chart.addAnnotation(new AnnotationText(command, 480, 6, true));
    return chart;
  }

  /**
   * Writes {@code base.png} and {@code base.svg} atomically.
   *
   * @param dir output folder
   * @param base file name without extension
   * @param chart the chart
   * @throws IOException if a file cannot be written
   */
  public static void write(Path dir, String base, XYChart chart) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(dir.resolve(base + ".png"), out -> out.write(png));
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    AtomicFiles.write(dir.resolve(base + ".svg"), out -> out.write(svg.toByteArray()));
  }

  /**
   * The color of a phase, fixed so diagrams compare across scans.
   *
   * @param ph phase
   * @return its color
   */
  static Color color(Phase ph) {
    switch (ph) {
      case COMPREHENSION: return new Color(0x2C, 0xA0, 0x2C);
      case GROKKING: return new Color(0x94, 0x67, 0xBD);
      case MEMORIZATION: return new Color(0x1F, 0x77, 0xB4);
      case CONFUSION: return new Color(0xFF, 0x7F, 0x0E);
      default: return new Color(0xD6, 0x27, 0x28);
    }
  }
}
