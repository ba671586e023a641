package occam.sfm.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import occam.fourier.RealDft2Backend;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;
import occam.sfm.StopReason;
import org.junit.jupiter.api.Test;

class ScanTest {

  @Test
  void grids() {
    assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1}, Grid.parse("--betas", "1e-3:1:4", true).values(), 1e-15);
    assertArrayEquals(new double[] {0.1, 0.5, 0.9}, Grid.parse("--fracs", "0.1:0.9:3", false).values(), 1e-15);
    assertArrayEquals(new double[] {0.5}, Grid.parse("--fracs", "0.5", false).values(), 0);
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--betas", "0:1:3", true));
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--betas", "1:0.1:3", true));
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--betas", "1:2", true));
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--betas", "a:b:c", true));
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--fracs", "0.1:0.9:0", false));
    // K = 1 is one point: a range would silently drop HI.
    assertThrows(IllegalArgumentException.class, () -> Grid.parse("--betas", "1e-3:1:1", true));
    assertArrayEquals(new double[] {1e-3}, Grid.parse("--betas", "1e-3:1e-3:1", true).values(), 0);
    // The size is read without building the grid (a huge K is refused before its points exist).
    assertEquals(100_000_000, Grid.size("--betas", "1e-5:1e-2:100000000"));
    assertEquals(1, Grid.size("--fracs", "0.5"));
    assertThrows(IllegalArgumentException.class, () -> Grid.size("--fracs", "0.1:0.9:x"));
  }

  /** A synthetic exact power law t = 7·β^−0.5·n^−1 is recovered exactly with R² = 1. */
  @Test
  void scalingFitRecoversAnExactLaw() {
    List<ScanCell> cells = new ArrayList<>();
    for (double beta : new double[] {1e-4, 1e-3, 1e-2}) {
      for (int n : new int[] {100, 200, 400}) {
        int t = (int) Math.round(7e6 * Math.pow(beta, -0.5) / n);
        cells.add(new ScanCell(beta, n, List.of(fake(n, 1, t))));
      }
    }
    ScalingFit f = ScalingFit.of(cells, true);
    assertEquals(9, f.count());
    // t is rounded to integers ≥ 1750, so the exponents are exact to ~1e-4.
    assertEquals(-0.5, f.betaExponent(), 1e-3);
    assertEquals(-1.0, f.nExponent(), 1e-3);
    assertTrue(f.rSquared() > 0.99999);
    ScalingFit one = ScalingFit.of(cells.subList(0, 1), true);
    assertEquals(1, one.count());
    assertTrue(Double.isNaN(one.rSquared()) && Double.isNaN(one.betaExponent()));
    assertEquals(ScalingFit.NONE, ScalingFit.of(List.of(), true));
    // Raw points: exact t = 3·x^2·y^−1 on a 3×3 grid.
    double[] x = {1, 2, 4, 1, 2, 4, 1, 2, 4};
    double[] y = {1, 1, 1, 3, 3, 3, 9, 9, 9};
    double[] t = new double[9];
    for (int i = 0; i < 9; i++) {
      t[i] = 3 * x[i] * x[i] / y[i];
    }
    ScalingFit raw = ScalingFit.fit(x, y, t);
    assertEquals(2.0, raw.betaExponent(), 1e-12);
    assertEquals(-1.0, raw.nExponent(), 1e-12);
    assertEquals(Math.log(3), raw.lnA(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ScalingFit.fit(x, y, new double[2]));
  }

  @Test
  void cellAggregatesBySeedMajorityAndMedian() {
    ScanCell c = new ScanCell(1, 0.5, List.of(fake(10, 1, 40), fake(10, 1, 60), fake(10, 2, -1)));
    assertEquals(Phase.GROKKING, c.phase());
    assertEquals(2, c.phaseVotes());
    assertEquals(50, c.medianTGen(), 0);
    assertEquals(40, c.minTGen(), 0);
    assertEquals(60, c.maxTGen(), 0);
    assertEquals(1, c.medianTMem(), 0);
    assertEquals(2, c.generalizedSeeds());
  }

  @Test
  void scanRunsEveryCellOncePerSeed() {
    SfmConfig base = SfmConfig.of(ModularTask.of(7, Op.ADD), 0.5, 1e-3, Gate.SOFT, 300, 5);
    Scan scan = new Scan(base, Grid.logSpaced(1e-3, 1e-1, 3), Grid.linear(0.4, 0.8, 2), 2);
    assertEquals(12, scan.configs().size());
    List<ScanCell> cells = scan.run(new CpuEngine(RealDft2Backend.JTRANSFORMS, 2, 100), SfmListener.NONE);
    assertEquals(6, cells.size());
    assertEquals(1e-3, cells.get(0).beta(), 1e-18);
    assertEquals(0.8, cells.get(1).frac(), 1e-15);
    assertEquals(5, cells.get(0).runs().get(0).config().seed());
    assertEquals(6, cells.get(0).runs().get(1).config().seed());
    assertThrows(IllegalArgumentException.class, () -> new Scan(base, Grid.linear(1, 1, 1), Grid.linear(0.5, 1.5, 2), 1));
    assertThrows(IllegalArgumentException.class, () -> new Scan(base, Grid.linear(1, 1, 1), Grid.linear(0.5, 0.5, 1), 0));
  }

  private static SfmResult fake(int n, int tMem, int tGen) {
    SfmConfig c = SfmConfig.of(ModularTask.of(7, Op.ADD), 0.5, 1, Gate.HARD, 10, 0);
    OptionalInt g = tGen < 0 ? OptionalInt.empty() : OptionalInt.of(tGen);
    OptionalInt m = OptionalInt.of(tMem);
    SfmMetrics mt = new SfmMetrics(10, 0, 0, 1, 1, 7, 7, 1, 3.5, 0, 0, 0.5, 0.2, 1, 1);
    return new SfmResult(c, Phase.classify(false, m, g), m, g, StopReason.BUDGET, n, 7, 0, mt);
  }
}
