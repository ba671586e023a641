package occam.results.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.fourier.RealDft2Backend;
import occam.modular.Op;
import occam.modular.Phase;
import occam.results.compare.SfmTimes;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer and SFM phase tables side by side: agreement, confusion, ρ on a hand-built pair. */
class PhaseAgreementTest {
  private static final double NAN = Double.NaN;

  /**
   * Six cells: 3 agree (0.5); four generalize on both sides with transformer times 4000, 3000, 1000, 800
   * (ranks 4, 3, 2, 1) and SFM times 300, 200, 100, 150 (ranks 4, 3, 1, 2): Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8.
   */
  private static PhaseAgreement handBuilt() {
    return new PhaseAgreement("p7-add-lr0.001", "sfm_soft", 1e-3, 2, List.of(
        new PhasePair(0.1, 0.3, 1e-5, Phase.MEMORIZATION, Phase.GROKKING, NAN, 500),
        new PhasePair(0.1, 0.5, 1e-5, Phase.GROKKING, Phase.GROKKING, 4000, 300),
        new PhasePair(1, 0.3, 1e-3, Phase.GROKKING, Phase.COMPREHENSION, 3000, 200),
        new PhasePair(1, 0.5, 1e-3, Phase.GROKKING, Phase.GROKKING, 1000, 100),
        new PhasePair(3, 0.3, 9e-3, Phase.COMPREHENSION, Phase.GROKKING, 800, 150),
        new PhasePair(3, 0.5, 9e-3, Phase.CONFUSION, Phase.CONFUSION, NAN, NAN)));
  }

  @Test
  void agreementConfusionAndRankCorrelation() {
    PhaseAgreement t = handBuilt();
    assertEquals(3, t.agreeing());
    assertEquals(0.5, t.agreement());
    assertEquals(4, t.bothGeneralize());
    assertEquals(0.8, t.spearman(), 1e-12);
    assertEquals(2, t.count(Phase.GROKKING, Phase.GROKKING));
    assertEquals(1, t.count(Phase.MEMORIZATION, Phase.GROKKING));
    assertEquals(1, t.count(Phase.GROKKING, Phase.COMPREHENSION));
    assertEquals(1, t.count(Phase.COMPREHENSION, Phase.GROKKING));
    assertEquals(1, t.count(Phase.CONFUSION, Phase.CONFUSION));
    assertEquals(0, t.count(Phase.GROKKING, Phase.MEMORIZATION));
    int total = 0;
    for (Phase a : Phase.values()) {
      for (Phase b : Phase.values()) {
        total += t.count(a, b);
      }
    }
    assertEquals(6, total, "every cell in exactly one entry");
    assertTrue(Double.isNaN(new PhaseAgreement("x", "sfm_soft", 1, 1, t.cells().subList(0, 3)).spearman()),
        "two cells where both generalize: no ρ");
  }

  @Test
  void reportShowsBothGridsAndTheSummary(@TempDir Path tmp) throws IOException {
    PhaseAgreement t = handBuilt();
    String md = SideBySideReport.markdown(t, "occam league --test");
    assertTrue(md.contains("Same majority phase in 3 of 6 cells (0.5)"), md);
    assertTrue(md.contains("over the 4 cells where both generalize: 0.8."), md);
    assertTrue(md.contains("| 0.1 | M / **G** ≠ | **G** / **G** |"), md);
    assertTrue(md.contains("| grokking | 1 | 2 | 0 | 0 | 0 |"), "confusion row of the transformer's grokking: " + md);
    assertTrue(SideBySideReport.summary(List.of(t)).contains("| p7-add-lr0.001 | `sfm_soft` | 0.001·wd^2 | 3/6 (0.5) | 4 | 0.8 |"));
    List<Path> files = SideBySideReport.write(List.of(t), tmp, "occam league --test");
    List<String> summary = Files.readAllLines(tmp.resolve("side-by-side/summary.csv"));
    assertEquals(List.of("# command: occam league --test",
        "task,predictor,k,a,cells,agreeing,agreement,both_generalize,spearman",
        "p7-add-lr0.001,sfm_soft,0.001,2,6,3,0.5,4,0.8"), summary);
    List<String> cells = Files.readAllLines(tmp.resolve("side-by-side/p7-add-lr0.001-sfm_soft/side-by-side.csv"));
    assertEquals(2 + 6, cells.size());
    assertEquals("0.1,0.3,1.0E-5,memorization,grokking,false,,500", cells.get(2));
    assertTrue(files.contains(tmp.resolve("side-by-side/p7-add-lr0.001-sfm_soft/sfm-phase-diagram.png")));
  }

  /** From runs: the SFM column is the majority over the seeds' own SFM runs at β = k·wd^a, t_gen their median. */
  @Test
  void sfmSideIsTheMajorityOverTheSeedsSplits() {
    SfmTimes sfm = new SfmTimes(new CpuEngine(RealDft2Backend.fastest(), 1, Integer.MAX_VALUE), Gate.SOFT, 2000);
    SfmPredictor predictor = new SfmPredictor(new SfmFit("soft", 1e-3, 2, 0, 2000, 1, 0, 0), sfm);
    List<GridRun> runs = new ArrayList<>();
    for (long seed = 0; seed < 3; seed++) {
      runs.add(Synthetic.grokking(7, Op.ADD, 2, 1e-3, 0.6, seed, 10, 300 + (int) seed, 1));
    }
    runs.add(Synthetic.run(7, Op.ADD, 0, 1e-3, 0.6, 0, OptionalInt.of(10), NAN, 1));
    PhaseAgreement t = PhaseAgreement.of("p7-add-lr0.001", TransformerPhaseTables.cells(runs).get("p7-add-lr0.001"), predictor);
    assertEquals(2, t.cells().size(), "wd 0 and wd 2");
    PhasePair decay = t.cells().get(1);
    assertEquals(4e-3, decay.beta(), 1e-18, "β = 1e-3 · 2²");
    assertEquals(301, decay.transformerTime());
    List<SfmResult> own = runs.subList(0, 3).stream().map(r -> sfm.result(SfmFit.config(sfm, r.query(), 1e-3, 2))).toList();
    assertEquals(Phase.majority(own.stream().map(SfmResult::phase).toList()), decay.sfm());
    assertEquals(TransformerCell.median(own.stream().filter(r -> r.tGen().isPresent()).mapToDouble(r -> r.tGen().getAsInt())
        .toArray()), decay.sfmTime());
    assertEquals(0, t.cells().get(0).beta(), "wd = 0 maps to β = 0");
  }
}
