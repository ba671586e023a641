package occam.results.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.transformer.records.analysis.AnalysisCheckpoint;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.RunAnalysisResult;
import occam.transformer.records.analysis.SnapshotAnalysis;
import occam.transformer.records.analysis.Table1Column;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of {@code occam analyze}, each drawn when its measure ran:
 *
 * <ul>
 *   <li>{@code curves.png}: one small panel per number of every measure over all snapshots (step on a
 *       log axis, step 0 left out as in the training curves);
 *   <li>{@code embedding-pca.png}: one panel per checkpoint with the rows of W_E projected on their top
 *       two principal components, joined in the order of k*·a mod m (k* the ring's frequency, a the
 *       group index), so that a ring isomorphic to Z_m is a closed polygon;
 *   <li>{@code cma-heads.png}: per checkpoint the layer × head heatmap of the mean causal mediation
 *       score CMS̄ (the {@code mean_score} of the {@code cma} measure's details), values in the cells,
 *       colours from blue −s through white 0 to red +s, s = max |CMS̄| given in the title;
 *   <li>{@code skip-ablation.png}: per checkpoint the train and test accuracy with each layer range
 *       bypassed (the {@code ranges} of the {@code bypass} measure's details), the model's own first;
 *   <li>{@code progress.png}: the full, restricted and excluded loss of the {@value #PROGRESS_MEASURE}
 *       measure over all snapshots, on train and on test cells (log axes).
 * </ul>
 */
public final class AnalysisFigures {
  /** The curves figure. */
  public static final String CURVES_PNG = "curves.png";

  /** The embedding projections. */
  public static final String EMBEDDING_PNG = "embedding-pca.png";

  /** The CMA heatmaps. */
  public static final String CMA_PNG = "cma-heads.png";

  /** The skip-ablation bars. */
  public static final String SKIP_PNG = "skip-ablation.png";

  /** The progress-measure curves. */
  public static final String PROGRESS_PNG = "progress.png";

  /** Name of the progress measures ({@code occam.transformer.analysis.ProgressMeasure}). */
  public static final String PROGRESS_MEASURE = "progress";

  /**
   * One figure file.
   *
   * @param file its name
   * @param caption what it shows, for {@code analysis.md}
   * @param panels its panels, empty when its measure did not run
   * @param columns panels per row
   */
  public record Figure(String file, String caption, List<Chart<?, ?>> panels, int columns) {
    /** Copies the panels. */
    public Figure {
      panels = List.copyOf(panels);
    }
  }

  /** Panels per row of the curves figure. */
  static final int COLUMNS = 3;

  private static final int WIDTH = 420;
  private static final int HEIGHT = 320;

  private AnalysisFigures() {}

  /**
   * Every figure that has panels, in report order.
   *
   * @param r the analysis
   * @return the figures
   */
  public static List<Figure> figures(RunAnalysisResult r) {
    List<Figure> all = new ArrayList<>();
    List<XYChart> embedding = embedding(r);
    all.add(new Figure(EMBEDDING_PNG, "embedding PCA at the checkpoints", List.copyOf(embedding), embedding.size()));
    List<HeatMapChart> cma = cma(r);
    all.add(new Figure(CMA_PNG, "mean CMS per layer × head at the checkpoints", List.copyOf(cma), cma.size()));
    List<CategoryChart> skip = skipAblation(r);
    all.add(new Figure(SKIP_PNG, "accuracy with each layer range bypassed, at the checkpoints", List.copyOf(skip),
        Math.min(2, skip.size())));
    List<XYChart> progress = progress(r);
    all.add(new Figure(PROGRESS_PNG, "full, restricted and excluded loss over all snapshots", List.copyOf(progress),
        progress.size()));
    List<XYChart> curves = curves(r);
    all.add(new Figure(CURVES_PNG, "every measure over all snapshots", List.copyOf(curves),
        Math.min(COLUMNS, curves.size())));
    all.removeIf(f -> f.panels().isEmpty());
    return all;
  }

  /**
   * Writes every figure that has panels, each atomically.
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
    for (Figure f : figures(r)) {
      files.add(dir.resolve(f.file()));
      save(f.panels(), f.columns(), files.get(files.size() - 1));
    }
    return files;
  }

  private static void save(List<Chart<?, ?>> charts, int columns, Path png) throws IOException {
    int rows = (charts.size() + columns - 1) / columns;
    List<Chart<?, ?>> grid = new ArrayList<>(charts);
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
      List<List<Double>> xy = points(r, column, false);
      if (!xy.get(0).isEmpty()) {
        XYChart c = chart(column, "step", column);
        c.getStyler().setXAxisLogarithmic(true);
        XYSeries series = c.addSeries(column, xy.get(0), xy.get(1));
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
    for (var e : measuredAtCheckpoints(r, Table1Column.RING.measure())) {
      AnalysisCheckpoint cp = e.getKey();
      int step = cp.step().getAsInt();
      Measured m = e.getValue();
      if (!m.details().getAsJsonObject().has("projection")) {
        continue;
      }
      JsonArray points = m.details().getAsJsonObject().getAsJsonArray("projection");
      int size = points.size();
      double k = m.numbers().getOrDefault("ring_frequency", 1.0);
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
          m.numbers().getOrDefault("ring_score", Double.NaN),
          m.numbers().getOrDefault("ring_frequency", Double.NaN)), "PC1", "PC2");
      XYSeries series = c.addSeries("W_E rows in the order of k*·a mod m", xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      c.getStyler().setLegendVisible(false);
      out.add(c);
    }
    return out;
  }

  /**
   * One measure's result at each reached checkpoint where its details are a JSON object.
   *
   * @param r the analysis
   * @param measure the measure's name
   * @return checkpoint → result, in checkpoint order
   */
  private static List<Map.Entry<AnalysisCheckpoint, Measured>> measuredAtCheckpoints(RunAnalysisResult r,
      String measure) {
    List<Map.Entry<AnalysisCheckpoint, Measured>> out = new ArrayList<>();
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      if (cp.step().isEmpty()) {
        continue;
      }
      r.at(cp.step().getAsInt()).flatMap(a -> a.get(measure)).filter(m -> m.details().isJsonObject())
          .ifPresent(m -> out.add(Map.entry(cp, m)));
    }
    return out;
  }

  /** {@link #measuredAtCheckpoints}, the details only. */
  private static List<Map.Entry<AnalysisCheckpoint, JsonObject>> detailsAtCheckpoints(RunAnalysisResult r,
      String measure) {
    return measuredAtCheckpoints(r, measure).stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().details().getAsJsonObject())).toList();
  }

  /**
   * One heatmap per checkpoint with the {@code cma} measure: rows the layers, columns the heads, cells
   * CMS̄(l, h) in logits, blue negative, white 0, red positive, the scale symmetric about 0.
   *
   * @param r the analysis
   * @return the panels
   */
  public static List<HeatMapChart> cma(RunAnalysisResult r) {
    List<HeatMapChart> out = new ArrayList<>();
    for (var e : detailsAtCheckpoints(r, Table1Column.CMA.measure())) {
      if (!e.getValue().has("mean_score")) {
        continue;
      }
      JsonArray score = e.getValue().getAsJsonArray("mean_score");
      int layers = score.size();
      int heads = score.get(0).getAsJsonArray().size();
      List<String> xs = new ArrayList<>();
      for (int h = 0; h < heads; h++) {
        xs.add("H" + h);
      }
      List<String> ys = new ArrayList<>();
      for (int l = 0; l < layers; l++) {
        ys.add("L" + l);
      }
      List<Number[]> cells = new ArrayList<>();
      double scale = 0;
      for (int l = 0; l < layers; l++) {
        for (int h = 0; h < heads; h++) {
          double v = Json.value(score.get(l).getAsJsonArray().get(h));
          v = Double.isFinite(v) ? v : 0;
          scale = Math.max(scale, Math.abs(v));
          cells.add(new Number[] {h, l, v});
        }
      }
      scale = scale > 0 ? scale : 1;
      AnalysisCheckpoint cp = e.getKey();
      HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
          .title(String.format(Locale.ROOT, "%s, step %d (±%.3g)", cp.role().label(), cp.step().getAsInt(), scale))
          .xAxisTitle("head").yAxisTitle("layer").build();
      c.getStyler().setMin(-scale).setMax(scale).setShowValue(true)
          .setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.2g", v))
          .setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10))
          .setRangeColors(new Color[] {new Color(0x3b4cc0), Color.WHITE, new Color(0xb40426)});
      c.getStyler().setLegendVisible(false);
      c.addSeries("CMS", xs, ys, cells);
      out.add(c);
    }
    return out;
  }

  /**
   * One bar panel per checkpoint with the {@code bypass} measure: train and test accuracy with nothing
   * skipped ({@code none}) and with each range skipped (inclusive layers, e.g. {@code 2–3}).
   *
   * @param r the analysis
   * @return the panels
   */
  public static List<CategoryChart> skipAblation(RunAnalysisResult r) {
    List<CategoryChart> out = new ArrayList<>();
    for (var e : detailsAtCheckpoints(r, Table1Column.BYPASS.measure())) {
      JsonObject d = e.getValue();
      if (!d.has("ranges")) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of("none"));
      List<Double> train = new ArrayList<>(List.of(Json.value(d.get("train_accuracy"))));
      List<Double> test = new ArrayList<>(List.of(Json.value(d.get("test_accuracy"))));
      for (JsonElement el : d.getAsJsonArray("ranges")) {
        JsonObject range = el.getAsJsonObject();
        int from = range.get("from").getAsInt();
        int to = range.get("to").getAsInt();
        names.add(to - from == 1 ? Integer.toString(from) : from + "–" + (to - 1));
        train.add(Json.value(range.get("train_accuracy")));
        test.add(Json.value(range.get("test_accuracy")));
      }
      AnalysisCheckpoint cp = e.getKey();
      CategoryChart c = new CategoryChartBuilder().width(Math.max(WIDTH, 40 * names.size())).height(HEIGHT)
          .title(String.format(Locale.ROOT, "%s, step %d", cp.role().label(), cp.step().getAsInt()))
          .xAxisTitle("layers bypassed").yAxisTitle("accuracy").build();
      c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
      c.addSeries("train", names, train.stream().map(v -> Double.isFinite(v) ? v : 0).toList());
      if (test.stream().anyMatch(Double::isFinite)) {
        c.addSeries("test", names, test.stream().map(v -> Double.isFinite(v) ? v : 0).toList());
      }
      out.add(c);
    }
    return out;
  }

  /**
   * Two panels, train and test cells, each with the full, restricted and excluded loss of the {@value
   * #PROGRESS_MEASURE} measure at every snapshot after step 0 where it is positive (log axes).
   *
   * @param r the analysis
   * @return the panels, empty when the measure did not run
   */
  public static List<XYChart> progress(RunAnalysisResult r) {
    List<XYChart> out = new ArrayList<>();
    for (String cells : List.of("train", "test")) {
      XYChart c = chart(PROGRESS_MEASURE + ": loss on " + cells + " cells", "step", "cross-entropy (nats)");
      c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
      for (String kind : List.of("", "restricted_", "excluded_")) {
        String column = PROGRESS_MEASURE + "." + kind + cells + "_loss";
        List<List<Double>> xy = points(r, column, true);
        if (!xy.get(0).isEmpty()) {
          c.addSeries(kind.isEmpty() ? "full" : kind.substring(0, kind.length() - 1), xy.get(0), xy.get(1))
              .setMarker(SeriesMarkers.CIRCLE);
        }
      }
      if (!c.getSeriesMap().isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * One curve column's points after step 0 (the log axis) where it is finite, and positive if asked.
   *
   * @return {steps, values}
   */
  private static List<List<Double>> points(RunAnalysisResult r, String column, boolean positive) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (SnapshotAnalysis s : r.snapshots()) {
      double v = AnalysisReport.value(s, column);
      if (s.step() > 0 && Double.isFinite(v) && (!positive || v > 0)) {
        xs.add((double) s.step());
        ys.add(v);
      }
    }
    return List.of(xs, ys);
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(4);
    return chart;
  }
}
