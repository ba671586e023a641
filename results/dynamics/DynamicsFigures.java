import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.results.plot.TrainingCurves;
import occam.transformer.records.MetricsLog;
import occam.transformer.records.StepMetrics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * The figures and CSV of results/dynamics from the run folders of its README: per run the training
 * curves (TrainingCurves, with the spectral-edge panels) and one tidy CSV of every run's metrics;
 * comparison panels of test accuracy, K_BDM, Σ_l H and the baseline's spectral edge.
 * Run: java -cp "$(occam classpath)" results/dynamics/DynamicsFigures.java RUNS_DIR OUT_DIR RUN...
 */
public final class DynamicsFigures {
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path runs = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<String> names = List.of(args).subList(2, args.length);
    List<List<StepMetrics>> logs = new ArrayList<>();
    for (String name : names) {
      List<StepMetrics> log = MetricsLog.read(runs.resolve(name).resolve("metrics.jsonl"));
      logs.add(log);
      TrainingCurves.writePng(log, name, out.resolve(name + "-curves.png"));
    }
    String command = "java -cp CLASSPATH results/dynamics/DynamicsFigures.java " + String.join(" ", args);
    AtomicFiles.write(out.resolve("metrics.csv"), stream -> {
      try (Writer w = new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        w.write("# command: " + command + "\n");
        csv.printRecord("run", "step", "train_loss", "train_acc", "test_loss", "test_acc", "weight_norm",
            "k_bdm_bits", "spectral_entropy_sum", "edge_grad_align", "edge_decay_align", "edge_share", "grad_decay_cos");
        for (int r = 0; r < names.size(); r++) {
          for (StepMetrics m : logs.get(r)) {
            csv.printRecord(names.get(r), m.step(), Numbers.csv(m.trainLoss()), Numbers.csv(m.trainAcc()),
                Numbers.csv(m.testLoss()), Numbers.csv(m.testAcc()), Numbers.csv(m.weightNorm()),
                Numbers.csv(m.complexity()), Numbers.csv(entropy(m)), Numbers.csv(m.edge().gradient()),
                Numbers.csv(m.edge().decay()), Numbers.csv(m.edge().share()), Numbers.csv(m.edge().gradientDecay()));
          }
        }
      }
    });
    List<XYChart> charts = List.of(
        compare("test accuracy", names, logs, StepMetrics::testAcc),
        compare("K_BDM of the weights (bits)", names, logs, StepMetrics::complexity),
        compare("Σ_l H(σ̂_l) of the weight matrices (nats)", names, logs, DynamicsFigures::entropy),
        compare("weight norm ‖θ‖₂", names, logs, StepMetrics::weightNorm));
    AtomicFiles.write(out.resolve("comparison.png"),
        s -> BitmapEncoder.saveBitmap(charts, 2, 2, s, BitmapEncoder.BitmapFormat.PNG));
  }

  static double entropy(StepMetrics m) {
    return m.effectiveRanks().isEmpty() ? Double.NaN
        : m.effectiveRanks().values().stream().mapToDouble(Math::log).sum();
  }

  static XYChart compare(String title, List<String> names, List<List<StepMetrics>> logs, ToDoubleFunction<StepMetrics> y) {
    XYChart c = new XYChartBuilder().width(TrainingCurves.PANEL_WIDTH).height(TrainingCurves.PANEL_HEIGHT)
        .title(title).xAxisTitle("step").yAxisTitle("").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    c.getStyler().setMarkerSize(0);
    for (int r = 0; r < names.size(); r++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (StepMetrics m : logs.get(r)) {
        double v = y.applyAsDouble(m);
        if (Double.isFinite(v)) {
          xs.add((double) m.step());
          ys.add(v);
        }
      }
      if (!xs.isEmpty()) {
        c.addSeries(names.get(r), xs, ys);
      }
    }
    return c;
  }
}
