package occam.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 1D engine under the 2D transforms, at every length up to 130 and at lengths that reach each
 * planner branch, against a compensated O(n²) DFT per column.
 */
class BatchFftTest {
  private static final DftTesting.ErrorLog LOG = new DftTesting.ErrorLog("BatchFftTest");

  @AfterAll
  static void report() {
    LOG.print();
  }

  static IntStream lengths() {
    // 192 = 8·8·3, 240 = 8·2·3·5 → 4·4·3·5, 256 = 8·8·4, 257 Rader over 256, 331 Rader over 330 = 2·3·5·11,
    // 509 Rader over 508 = 4·127 (Bluestein inside), 1018 = 2·509 Bluestein at 2048·…
    return IntStream.concat(IntStream.rangeClosed(1, 130), IntStream.of(192, 240, 256, 257, 331, 509, 1018));
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("lengths")
  void everyColumnMatchesTheDefinition(int n) {
    for (int w : new int[] {1, 3}) {
      BatchFft fft = BatchFft.plan(n, 4);
      SplittableRandom rng = new SplittableRandom(n * 31L + w);
      double[] sr = new double[n * w];
      double[] si = new double[n * w];
      for (int i = 0; i < n * w; i++) {
        sr[i] = rng.nextDouble(-1, 1);
        si[i] = rng.nextDouble(-1, 1);
      }
      double[] srCopy = sr.clone();
      double[] siCopy = si.clone();
      double[] dr = new double[n * w];
      double[] di = new double[n * w];
      fft.forward(sr, si, dr, di, w);
      assertArrayEquals(srCopy, sr, "source untouched");
      assertArrayEquals(siCopy, si, "source untouched");
      for (int j = 0; j < w; j++) {
        double[] expected = new double[2 * n];
        double[] actual = new double[2 * n];
        for (int k = 0; k < n; k++) {
          NeumaierSum re = new NeumaierSum();
          NeumaierSum im = new NeumaierSum();
          for (int t = 0; t < n; t++) {
            double c = Math.cos(2 * Math.PI * ((long) k * t % n) / n);
            double s = -Math.sin(2 * Math.PI * ((long) k * t % n) / n);
            re.add(sr[t * w + j] * c - si[t * w + j] * s);
            im.add(sr[t * w + j] * s + si[t * w + j] * c);
          }
          expected[2 * k] = re.value();
          expected[2 * k + 1] = im.value();
          actual[2 * k] = dr[k * w + j];
          actual[2 * k + 1] = di[k * w + j];
        }
        double error = DftTesting.distance(actual, expected) / DftTesting.norm(expected);
        double tolerance = DftTesting.C * Math.ulp(1.0) * Math.max(1, Math.log(n) / Math.log(2));
        LOG.record(fft.getClass().getSimpleName(), n, error, tolerance);
        assertTrue(error <= tolerance, () -> "n=" + n + " " + fft.getClass().getSimpleName() + ": " + error + " > " + tolerance);
      }
    }
  }

  @Test
  void plannerPicksTheDocumentedAlgorithm() {
    assertEquals(StockhamFft.class, BatchFft.plan(96, 1).getClass());
    assertEquals(StockhamFft.class, BatchFft.plan(13, 1).getClass());
    assertEquals(StockhamFft.class, BatchFft.plan(1, 1).getClass());
    assertEquals(RaderFft.class, BatchFft.plan(97, 1).getClass());
    assertEquals(RaderFft.class, BatchFft.plan(17, 1).getClass());
    assertEquals(BluesteinFft.class, BatchFft.plan(46, 1).getClass());
  }

  @Test
  void factorsIntoLargeRadices() {
    assertArrayEquals(new int[] {3, 4, 8}, StockhamFft.factor(96));
    assertArrayEquals(new int[] {4, 8, 8}, StockhamFft.factor(256));
    assertArrayEquals(new int[] {7, 4, 4}, StockhamFft.factor(112));
    assertArrayEquals(new int[] {5, 3, 2}, StockhamFft.factor(30));
    assertArrayEquals(new int[] {4, 4, 8}, StockhamFft.factor(128));
    assertArrayEquals(new int[] {8, 8}, StockhamFft.factor(64));
    assertArrayEquals(new int[] {}, StockhamFft.factor(1));
    assertArrayEquals(new int[] {13, 11}, StockhamFft.factor(143));
    assertEquals(23, BatchFft.largestPrimeFactor(46));
    assertEquals(1, BatchFft.largestPrimeFactor(1));
    assertEquals(2048, BluesteinFft.smoothAtLeast(2035));
    assertEquals(1, BluesteinFft.smoothAtLeast(1));
  }
}
