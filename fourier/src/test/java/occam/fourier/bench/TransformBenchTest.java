package occam.fourier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import occam.fourier.Dft2Backend;
import occam.fourier.RealDft2Backend;
import org.junit.jupiter.api.Test;

class TransformBenchTest {

  @Test
  void timesEveryFastBackendBothKindsAtEachSize() {
    List<TransformBench.Result> results = TransformBench.run(new int[] {5, 6}, new TransformBench.Settings(0, 0.5, 3));
    // Per size: STOCKHAM and JTRANSFORMS, complex and real; NAIVE is left out.
    assertEquals(8, results.size());
    for (TransformBench.Result r : results) {
      assertTrue(r.medianMillis() > 0 && r.minMillis() > 0 && r.minMillis() <= r.medianMillis(), r.toString());
      assertTrue(!(r.medianCpuMillis() < 0), r.toString());
      assertEquals(3, r.batches());
      assertTrue(r.pairsPerBatch() >= 1);
      assertTrue(!r.backend().equals("NAIVE"));
    }
    assertEquals(5, results.get(0).m());
    assertEquals(TransformBench.Kind.COMPLEX, results.get(0).kind());
    assertEquals(TransformBench.Kind.REAL, results.get(3).kind());
    String table = TransformBench.table(results);
    assertEquals(2 + results.size(), table.split("\n").length);
    assertTrue(table.contains("| 6 | real | stockham |"), table);
  }

  @Test
  void fastestBackendsAreTheMeasuredOnes() {
    assertEquals(Dft2Backend.STOCKHAM, Dft2Backend.fastest());
    assertEquals(RealDft2Backend.STOCKHAM, RealDft2Backend.fastest());
    for (int m : new int[] {1, 2, 30, 31, 64, 96, 97, 113, 257}) {
      assertEquals(Dft2Backend.STOCKHAM, Dft2Backend.fastest(m), "m = " + m);
    }
    for (int m : new int[] {128, 256, 512}) {
      assertEquals(Dft2Backend.JTRANSFORMS, Dft2Backend.fastest(m), "m = " + m);
    }
    assertThrows(IllegalArgumentException.class, () -> Dft2Backend.fastest(0));
  }

  @Test
  void rejectsInvalidSettingsSizesAndResults() {
    assertThrows(IllegalArgumentException.class, () -> new TransformBench.Settings(-1, 10, 3));
    assertThrows(IllegalArgumentException.class, () -> new TransformBench.Settings(0, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new TransformBench.Settings(0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new TransformBench.Settings(Double.NaN, 10, 3));
    assertThrows(IllegalArgumentException.class, () -> TransformBench.run(new int[] {0}, new TransformBench.Settings(0, 1, 1)));
    assertThrows(IllegalArgumentException.class, () -> TransformBench.run(new int[] {5}, null));
    assertThrows(IllegalArgumentException.class, () -> TransformBench.run(null, TransformBench.Settings.DEFAULT));
    assertThrows(IllegalArgumentException.class,
        () -> new TransformBench.Result(null, TransformBench.Kind.REAL, 5, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new TransformBench.Result("X", TransformBench.Kind.REAL, 0, 1, 1, 1, 1, 1));
  }
}
