package occam.results.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import occam.io.AtomicFiles;
import occam.transformer.records.StepMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The curves of one training run ({@code metrics.jsonl}) as a 2×2 PNG (3×2 with the spectral edge
 * and the weights' spectral entropy, when the edge was logged), step on a log axis: accuracy
 * (train, test); loss (train, test, log axis); spectral concentration (embedding Gini and IPR, 2D
 * logit Gini and σ-mass); weights (‖θ‖₂, and the complexity estimate on a second axis when one was
 * measured). Step 0 has no place on a log axis and is left out; non-finite values are gaps.
 */
public final class TrainingCurves {
  /** Width of one panel in pixels. */
  public static final int PANEL_WIDTH = 640;

  /** Height of one panel in pixels. */
  public static final int PANEL_HEIGHT = 420;

  private TrainingCurves() {}

  /**
   * Builds the four panels, and two more when the spectral edge ({@code --spectral-edge}) was logged:
   * the edge's alignments and Σ_l H(σ̂_l) of the weight matrices (from the effective ranks).
   *
   * @param log the metrics lines, steps ascending
   * @param title a title for the first panel (e.g. the run's settings)
   * @return accuracy, loss, spectral and weight panels (and the edge's and the entropy's)
   * @throws IllegalArgumentException if no line has a step &gt; 0
   */
  public static List<XYChart> charts(List<StepMetrics> log, String title) {
    if (log.stream().noneMatch(m -> m.step() > 0)) {
      throw new IllegalArgumentException("no metrics after step 0 to plot");
    }
    XYChart accuracy = chart(title.isEmpty() ? "accuracy" : "accuracy — " + title, "accuracy");
    add(accuracy, log, "train", StepMetrics::trainAcc, 0);
    add(accuracy, log, "test", StepMetrics::testAcc, 0);
    accuracy.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);

    XYChart loss = chart("cross-entropy loss", "loss (nats)");
    add(loss, log, "train", StepMetrics::trainLoss, 0);
    add(loss, log, "test", StepMetrics::testLoss, 0);
    loss.getStyler().setYAxisLogarithmic(log.stream()
        .filter(m -> m.step() > 0)
        .allMatch(m -> !(m.trainLoss() <= 0) && !(m.testLoss() <= 0)));

    XYChart spectral = chart("spectral concentration", "share / coefficient");
    add(spectral, log, "embedding Gini", StepMetrics::embedGini, 0);
    add(spectral, log, "embedding IPR", StepMetrics::embedIpr, 0);
    add(spectral, log, "2D logit Gini", StepMetrics::logit2dGini, 0);
    add(spectral, log, "2D logit mass on σ", StepMetrics::logit2dSigmaMass, 0);
    spectral.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);

    XYChart weights = chart("weights", "‖θ‖₂");
    add(weights, log, "weight norm", StepMetrics::weightNorm, 0);
    if (log.stream().anyMatch(m -> m.step() > 0 && Double.isFinite(m.complexity()))) {
      add(weights, log, "complexity (bits)", StepMetrics::complexity, 1);
      weights.setYAxisGroupTitle(1, "complexity (bits)");
      weights.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    }
    if (log.stream().noneMatch(m -> m.step() > 0 && !m.edge().isNone())) {
      return List.of(accuracy, loss, spectral, weights);
    }
    XYChart edge = chart("spectral edge (top direction of the last K updates)", "|cos| / share");
    add(edge, log, "|cos(edge, loss gradient)|", m -> m.edge().gradient(), 0);
    add(edge, log, "|cos(edge, −θ)| (weight decay)", m -> m.edge().decay(), 0);
    add(edge, log, "share σ₁²/Σσ²", m -> m.edge().share(), 0);
    add(edge, log, "cos(−g, −θ)", m -> m.edge().gradientDecay(), 0);
    edge.getStyler().setYAxisMin(-1.0).setYAxisMax(1.0);
    XYChart entropy = chart("spectral entropy of the weight matrices", "Σ_l H(σ̂_l) (nats)");
    add(entropy, log, "Σ_l ln erank_l", TrainingCurves::spectralEntropy, 0);
    return List.of(accuracy, loss, spectral, weights, edge, entropy);
  }

  /**
   * Writes the panels as one PNG, atomically.
   *
   * @param log the metrics lines
   * @param title title of the first panel
   * @param png target file
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if no line has a step &gt; 0
   */
  public static void writePng(List<StepMetrics> log, String title, Path png) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<XYChart> charts = charts(log, title);
    AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(charts, charts.size() / 2, 2, out,
        BitmapEncoder.BitmapFormat.PNG));
  }

  /** Σ_l H_l = Σ_l ln erank_l over the matrices of a line (NaN where ranks were not measured). */
  private static double spectralEntropy(StepMetrics m) {
    if (m.effectiveRanks().isEmpty()) {
      return Double.NaN;
    }
    return m.effectiveRanks().values().stream().mapToDouble(Math::log).sum();
  }

    private static XYChart chart(String title, String yTitle) {
    XYChart chart = new XYChartBuilder()
        .width(PANEL_WIDTH)
        .height(PANEL_HEIGHT)
        .title(title)
        .xAxisTitle("step")
        .yAxisTitle(yTitle)
        .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(0);
    return chart;
  }

  /**
   * Adds one quantity of the log as a line (steps &gt; 0, finite values only; nothing when none is left).
   *
   * @param chart the chart
   * @param log the metrics lines
   * @param name the series name
   * @param y the quantity
   * @param axis the y axis group
   */
  public static void add(XYChart chart, List<StepMetrics> log, String name, ToDoubleFunction<StepMetrics> y, int axis) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (StepMetrics m : log) {
      double v = y.applyAsDouble(m);
      if (m.step() > 0 && Double.isFinite(v)) {
        xs.add((double) m.step());
        ys.add(v);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries series = chart.addSeries(name, xs, ys);
      series.setMarker(SeriesMarkers.NONE);
      series.setYAxisGroup(axis);
    }
  }
}
