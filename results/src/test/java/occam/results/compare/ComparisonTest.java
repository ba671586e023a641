package occam.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import occam.fourier.RealDft2Backend;
import occam.io.Json;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.modular.TrainSplit;
import occam.results.llc.LlcCurveReport;
import occam.results.llc.LlcCurveRow;
import occam.results.llc.LlcDrop;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit and the held-out figures on synthetic runs whose grokking steps are known. */
class ComparisonTest {
  private static final ModularTask TASK = ModularTask.of(7, Op.ADD);

  private static SfmTimes sfm() {
    return new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), 1, Integer.MAX_VALUE), Gate.SOFT, 5000);
  }

  private static TrainingRecord run(double wd, double frac, long seed, OptionalInt grok) {
    int n = TrainSplit.of(TASK, frac, seed).trainSize();
    double[] acc = {0.1, 0.2, 1.0};
    double[] k = {300, 290, 200};
    return new TrainingRecord(Path.of("p7-wd" + wd + "-frac" + frac + "-seed" + seed), TASK, frac, seed, wd, 100, 100,
        n, OptionalInt.of(5), grok, grok.isPresent() ? "grokking" : "memorization", TransitionTest.log(acc, k));
  }

  /** Measured steps exactly proportional to the SFM's: the fit must reproduce them (ratio 1). */
  @Test
  void proportionalRunsArePredictedExactlyWithTheCalibratedScale() {
    SfmTimes sfm = sfm();
    double k = 1e-4;
    List<TrainingRecord> runs = new ArrayList<>();
    for (long seed = 0; seed < 2; seed++) {
      for (double wd : new double[] {0.5, 1, 2}) {
        for (double frac : new double[] {0.5, 0.7}) {
          TrainingRecord probe = run(wd, frac, seed, OptionalInt.empty());
          int t = sfm.tGen(sfm.config(probe, k * wd)).orElseThrow();
          runs.add(run(wd, frac, seed, OptionalInt.of(7 * Math.max(t, 1))));
        }
      }
    }
    Comparison c = Comparison.of(runs, sfm, new double[] {k}, Set.of(0L), 0.5);
    assertEquals(k, c.kBeta());
    assertEquals(Math.log(7), c.logScale(), 1e-12);
    assertEquals(6, c.heldOutPaired().size());
    assertEquals(0, c.heldOutMeanAbsLogRatio(), 1e-12);
    assertEquals(1, c.heldOutSpearman(), 1e-12);
    for (RunComparison r : c.runs()) {
      assertEquals(r.run().seed() == 0, r.calibration());
      assertEquals(49.0 / 7, r.lambdaRatio(), 1e-12, "m^2/|supp W*| = 7 for add");
      assertEquals(300 / 200.0, r.bdmDrop(), 1e-12);
      assertEquals(OptionalInt.of(20), r.bdm().mid());
    }
  }

  @Test
  void runsWithoutAGrokkingStepAreReportedNotFatal(@TempDir Path tmp) throws IOException {
    SfmTimes sfm = sfm();
    List<TrainingRecord> runs = List.of(run(1, 0.5, 0, OptionalInt.empty()), run(1, 0.5, 1, OptionalInt.of(40)));
    Comparison c = Comparison.of(runs, sfm, new double[] {1e-4, 1e-3}, Set.of(0L), 0.5);
    assertTrue(Double.isNaN(c.logScale()), "no calibration run grokked: nothing fitted");
    assertTrue(c.runs().stream().allMatch(r -> Double.isNaN(r.predicted())));
    List<Path> files = ComparisonReport.write(c, sfm, tmp, "occam compare --test");
    assertEquals(6, files.size());
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f.toString());
    }
    String md = Files.readString(tmp.resolve(ComparisonReport.MARKDOWN));
    assertTrue(md.contains("No fit"), md);
    assertTrue(md.contains("p7-wd1.0-frac0.5-seed0 (memorization after 100 steps)"), md);
    assertTrue(Files.readString(tmp.resolve(ComparisonReport.CSV)).startsWith("# command: occam compare --test"));
    assertTrue(Files.readString(tmp.resolve(ComparisonReport.SUMMARY)).contains("occam compare --test"));
  }

  /** A run with {@code llc/llc-curve.csv} gets λ̂(t_mem)/λ̂(end) beside the theory's ratio; one without, a blank. */
  @Test
  void measuredLlcDropSitsBesideTheTheorysRatio(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("p7-wd1-frac0.5-seed0");
    Files.createDirectories(dir.resolve(LlcDrop.RUN_SUBFOLDER));
    List<LlcCurveRow> curve = List.of(row(0, 12), row(4, 380), row(5, 400), row(30, 120), row(100, 40));
    Files.writeString(dir.resolve(LlcDrop.RUN_SUBFOLDER).resolve(LlcCurveReport.CSV),
        occam.results.Csv.of(LlcCurveRow.class, curve, "occam llc test"));
    TrainingRecord withCurve = run(1, 0.5, 0, OptionalInt.of(40));
    withCurve = new TrainingRecord(dir, withCurve.task(), withCurve.frac(), withCurve.seed(), withCurve.weightDecay(),
        withCurve.steps(), withCurve.stepsDone(), withCurve.trainSize(), withCurve.memorizationStep(),
        withCurve.grokkingStep(), withCurve.phase(), withCurve.log());
    SfmTimes sfm = sfm();
    Comparison c = Comparison.of(List.of(withCurve, run(1, 0.5, 1, OptionalInt.of(40))), sfm, new double[] {1e-4},
        Set.of(0L), 0.5);
    LlcDrop drop = c.runs().get(0).llcDrop().orElseThrow();
    assertEquals(5, drop.memStep(), "t_mem = 5: the curve's point there");
    assertEquals(100, drop.endStep());
    assertEquals(10, c.runs().get(0).llcRatio(), 1e-12);
    assertEquals(7, c.runs().get(0).lambdaRatio(), 1e-12);
    assertTrue(Double.isNaN(c.runs().get(1).llcRatio()));
    ComparisonReport.write(c, sfm, tmp, "occam compare --test");
    List<String> lines = Files.readAllLines(tmp.resolve(ComparisonReport.CSV));
    assertTrue(lines.get(1).endsWith(",lambda_ratio,llc_mem_step,llc_mem,llc_end_step,llc_end,llc_drop"), lines.get(1));
    assertTrue(lines.get(2).endsWith(",7,5,400,100,40,10"), lines.get(2));
    assertTrue(lines.get(3).endsWith(",7,,,,,"), lines.get(3));
    String md = Files.readString(tmp.resolve(ComparisonReport.MARKDOWN));
    assertTrue(md.contains("| median measured LLC drop λ̂(t_mem)/λ̂(end) (SGLD; grokked runs with llc/llc-curve.csv) | 10 (1 runs) |"),
        md);
    assertEquals(10, Json.parseStrict(Files.readString(tmp.resolve(ComparisonReport.SUMMARY))).getAsJsonObject()
        .get("median_llc_drop").getAsDouble(), 1e-12);
  }

  private static LlcCurveRow row(int step, double llc) {
    return new LlcCurveRow(step, llc, 1, 2, 1, 0, 0, false, 0.1, llc / 150, 1105, 150, 1e-4, 100, 4, 1000, 1000, 64, 0);
  }

  @Test
  void scalingRecoversKnownExponents() {
    double[] wd = {0.5, 1, 2, 0.5, 1, 2};
    double[] frac = {0.4, 0.4, 0.4, 0.6, 0.6, 0.6};
    double[] t = new double[6];
    for (int i = 0; i < 6; i++) {
      t[i] = 100 * Math.pow(wd[i], -1.5) * Math.pow(frac[i], -2);
    }
    double[] fit = Comparison.scaling(wd, frac, t);
    assertEquals(-1.5, fit[0], 1e-9);
    assertEquals(-2, fit[1], 1e-9);
    assertEquals(1, fit[2], 1e-9);
    assertTrue(Double.isNaN(Comparison.scaling(new double[] {1}, new double[] {1}, new double[] {1})[0]));
  }

  @Test
  void rejectsBadArguments() {
    SfmTimes sfm = sfm();
    List<TrainingRecord> one = List.of(run(1, 0.5, 0, OptionalInt.of(3)));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of(), sfm, new double[] {1}, Set.of(0L), 1));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(one, sfm, new double[0], Set.of(0L), 1));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(one, sfm, new double[] {-1}, Set.of(0L), 1));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(one, sfm, new double[] {1}, Set.of(0L), 0));
    assertThrows(IllegalArgumentException.class, () -> new SfmTimes(null, Gate.SOFT, 10));
    assertThrows(IllegalArgumentException.class,
        () -> new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), 1, 1), Gate.SOFT, 0));
  }

  @Test
  void readRefusesMissingFoldersAndSummaries(@TempDir Path tmp) throws IOException {
    assertThrows(IllegalArgumentException.class, () -> TrainingRecord.read(tmp.resolve("absent")));
    Files.writeString(tmp.resolve("summary.json"), "[1, 2]");
    var unfinished = assertThrows(occam.io.UsageException.class, () -> TrainingRecord.read(tmp));
    assertTrue(unfinished.getMessage().contains("is not complete: it has no .occam-manifest.json"), unfinished.getMessage());
    occam.io.Manifest.of(tmp, "test").write(tmp);
    assertThrows(IllegalArgumentException.class, () -> TrainingRecord.read(tmp));
    Files.writeString(tmp.resolve("summary.json"), "{\"config\": {\"p\": 7}}");
    var changed = assertThrows(occam.io.UsageException.class, () -> TrainingRecord.read(tmp));
    assertTrue(changed.getMessage().contains("changed after it was written: summary.json differs"), changed.getMessage());
    occam.io.Manifest.of(tmp, "test").write(tmp);
    assertThrows(IllegalArgumentException.class, () -> TrainingRecord.read(tmp));
    assertTrue(!TrainingRecord.isComplete(tmp, 1));
  }
}
