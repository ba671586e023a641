package occam.results.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import occam.transformer.records.EdgeAlignment;
import occam.transformer.records.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training-curve figure renders a synthetic grokking log into a 2×2 PNG. */
class TrainingCurvesTest {
  private static List<StepMetrics> grokkingLog(boolean withComplexity) {
    List<StepMetrics> log = new ArrayList<>();
    for (int step = 0; step <= 1000; step += 50) {
      double test = 1 / (1 + Math.exp(-(step - 600) / 50.0));
      log.add(new StepMetrics(step, Math.exp(-step / 40.0) + 1e-6, Math.min(1, step / 100.0),
          3 * (1 - test) + 1e-3, test, 30 - step / 100.0, 0.1 + 0.6 * test, 0.02 + 0.1 * test,
          0.5 + 0.4 * test, 0.01 + 0.05 * test, 0.1 + 0.8 * test, withComplexity ? 5000 - 2000 * test : Double.NaN,
          Map.of("embed.W_E", 20.0), step / 10.0));
    }
    return log;
  }

  @Test
  void writesAFourPanelPng(@TempDir Path tmp) throws IOException {
    for (boolean complexity : new boolean[] {false, true}) {
      Path png = tmp.resolve("curves-" + complexity + ".png");
      TrainingCurves.writePng(grokkingLog(complexity), "test run", png);
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(2 * TrainingCurves.PANEL_WIDTH, image.getWidth());
      assertEquals(2 * TrainingCurves.PANEL_HEIGHT, image.getHeight());
    }
    assertEquals(4, TrainingCurves.charts(grokkingLog(true), "").size());
  }

  @Test
  void theSpectralEdgeAddsTwoPanels(@TempDir Path tmp) throws IOException {
    List<StepMetrics> log = new ArrayList<>();
    for (StepMetrics m : grokkingLog(true)) {
      log.add(new StepMetrics(m.step(), m.trainLoss(), m.trainAcc(), m.testLoss(), m.testAcc(), m.weightNorm(),
          m.embedGini(), m.embedIpr(), m.logit2dGini(), m.logit2dIpr(), m.logit2dSigmaMass(), m.complexity(),
          m.effectiveRanks(), m.elapsedSeconds(), new EdgeAlignment(0.5, 0.2, 0.9, -0.1)));
    }
    Path png = tmp.resolve("edge.png");
    TrainingCurves.writePng(log, "edge", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(2 * TrainingCurves.PANEL_WIDTH, image.getWidth());
    assertEquals(3 * TrainingCurves.PANEL_HEIGHT, image.getHeight());
    List<org.knowm.xchart.XYChart> charts = TrainingCurves.charts(log, "");
    assertEquals(6, charts.size());
    // Σ_l ln erank_l: one matrix of effective rank 20
    double[] entropy = charts.get(5).getSeriesMap().values().iterator().next().getYData();
    assertEquals(Math.log(20), entropy[0], 1e-12);
  }

    @Test
  void refusesALogWithNothingToPlot() {
    List<StepMetrics> onlyStart = grokkingLog(false).subList(0, 1);
    assertThrows(IllegalArgumentException.class, () -> TrainingCurves.charts(onlyStart, ""));
  }
}
