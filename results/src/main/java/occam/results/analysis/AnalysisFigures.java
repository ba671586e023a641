package occam.results.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import occam.io.AtomicFiles;
import occam.transformer.records.analysis.AnalysisCheckpoint;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.RunAnalysisResult;
import occam.transformer.records.analysis.SnapshotAnalysis;
import occam.transformer.records.analysis.Table1Column;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of {@code occam analyze}: {@code curves.png}, one small panel per number of every
 * measure over all snapshots (step on a log axis, step 0 left out as in the training curves), and
 * {@code embedding-pca.png}, one panel per checkpoint with the rows of W_E projected on their top two
 * principal components, joined in the order of k*·a mod m (k* the ring's frequency, a the group index),
 * so that a ring isomorphic to Z_m is a closed polygon.
 */
public final class AnalysisFigures {
  /** The curves figure. */
  public static final String CURVES_PNG = "curves.png";

  /** The embedding projections. */
  public static final String EMBEDDING_PNG = "embedding-pca.png";

  /** Panels per row of the curves figure. */
  static final int COLUMNS = 3;

  private static final int WIDTH = 420;
  private static final int HEIGHT = 320;

  private AnalysisFigures() {}

  /**
   * Writes both figures (the embedding one when the embedding measure ran), each atomically.
   *
   * @param r the analysis
   * @param dir the folder
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(RunAnalysisResult r, Path dir) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<Path> files = new ArrayList<>();
    List<XYChart> curves = curves(r);
    if (!curves.isEmpty()) {
      files.add(dir.resolve(CURVES_PNG));
      save(curves, Math.min(COLUMNS, curves.size()), files.get(files.size() - 1));
    }
    List<XYChart> embedding = embedding(r);
    if (!embedding.isEmpty()) {
      files.add(dir.resolve(EMBEDDING_PNG));
      save(embedding, embedding.size(), files.get(files.size() - 1));
    }
    return files;
  }

  private static void save(List<XYChart> charts, int columns, Path png) throws IOException {
    int rows = (charts.size() + columns - 1) / columns;
    List<XYChart> grid = new ArrayList<>(charts);
    while (grid.size() < rows * columns) {
      grid.add(chart("", "", ""));
    }
    AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(grid, rows, columns, out, BitmapEncoder.BitmapFormat.PNG));
  }

  /**
   * One panel per curve column ({@link AnalysisReport#curveColumns}) with a point at every snapshot
   * after step 0 where it is finite.
   *
   * @param r the analysis
   * @return the panels, empty when nothing can be drawn
   */
  public static List<XYChart> curves(RunAnalysisResult r) {
    List<XYChart> out = new ArrayList<>();
    for (String column : AnalysisReport.curveColumns(r)) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (SnapshotAnalysis s : r.snapshots()) {
        double v = AnalysisReport.value(s, column);
        if (s.step() > 0 && Double.isFinite(v)) {
          xs.add((double) s.step());
          ys.add(v);
        }
      }
      if (!xs.isEmpty()) {
        XYChart c = chart(column, "step", column);
        c.getStyler().setXAxisLogarithmic(true);
        XYSeries series = c.addSeries(column, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setLegendVisible(false);
        out.add(c);
      }
    }
    return out;
  }

  /**
   * One panel per checkpoint that has the embedding measure's projection.
   *
   * @param r the analysis
   * @return the panels
   */
  public static List<XYChart> embedding(RunAnalysisResult r) {
    List<XYChart> out = new ArrayList<>();
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      if (cp.step().isEmpty()) {
        continue;
      }
      int step = cp.step().getAsInt();
      Optional<Measured> m = r.at(step).flatMap(a -> a.get(Table1Column.RING.measure()));
      if (m.isEmpty() || !m.get().details().isJsonObject() || !m.get().details().getAsJsonObject().has("projection")) {
        continue;
      }
      JsonArray points = m.get().details().getAsJsonObject().getAsJsonArray("projection");
      int size = points.size();
      double k = m.get().numbers().getOrDefault("ring_frequency", 1.0);
      long kStar = Double.isFinite(k) && k >= 1 ? (long) k : 1;
      // visit a in the order of k*·a mod m: a ring of frequency k* is then a closed polygon, not a star
      Integer[] order = new Integer[size];
      for (int a = 0; a < size; a++) {
        order[a] = a;
      }
      java.util.Arrays.sort(order, java.util.Comparator.comparingLong(a -> kStar * a % size));
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int a : order) {
        JsonArray xy = points.get(a).getAsJsonArray();
        if (!xy.get(0).isJsonNull() && !xy.get(1).isJsonNull()) {
          xs.add(xy.get(0).getAsDouble());
          ys.add(xy.get(1).getAsDouble());
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      xs.add(xs.get(0)); // close the polygon
      ys.add(ys.get(0));
      XYChart c = chart(String.format(java.util.Locale.ROOT, "%s, step %d: ring %.3f, k* = %.0f", cp.role().label(), step,
          m.get().numbers().getOrDefault("ring_score", Double.NaN),
          m.get().numbers().getOrDefault("ring_frequency", Double.NaN)), "PC1", "PC2");
      XYSeries series = c.addSeries("W_E rows in the order of k*·a mod m", xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      c.getStyler().setLegendVisible(false);
      out.add(c);
    }
    return out;
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(4);
    return chart;
  }
}
