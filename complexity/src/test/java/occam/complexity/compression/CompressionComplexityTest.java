package occam.complexity.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import occam.complexity.WeightMatrix;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.Test;

class CompressionComplexityTest {

  /** A rank-1 matrix u·vᵀ (rows × cols) plus optional seeded noise. */
  private static WeightMatrix outer(int rows, int cols, double noise, long seed) {
    Random rnd = new Random(seed);
    double[] u = rnd.doubles(rows, -1, 1).toArray();
    double[] v = rnd.doubles(cols, -1, 1).toArray();
    double[] w = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        w[i * cols + j] = u[i] * v[j] + noise * rnd.nextGaussian();
      }
    }
    return new WeightMatrix("w", rows, cols, w);
  }

  private static WeightMatrix random(int rows, int cols, long seed) {
    return new WeightMatrix("r", rows, cols, new Random(seed).doubles(rows * cols, -1, 1).toArray());
  }

  @Test
  void rankRuleFollowsNormalizedSingularValueMass() {
    double[] s = {6, 3, 1}; // normalized 0.6, 0.3, 0.1
    assertEquals(1, new CoarseGraining(0.1, 0.6).rank(s));
    assertEquals(2, new CoarseGraining(0.1, 0.61).rank(s));
    assertEquals(2, new CoarseGraining(0.1, 0.9).rank(s));
    assertEquals(3, new CoarseGraining(0.1, 1).rank(s));
    assertEquals(0, new CoarseGraining(0.1, 1).rank(new double[] {0, 0}));
  }

  @Test
  void binsRoundToNearestTiesToEven() {
    CoarseGraining g = new CoarseGraining(0.5, 1);
    assertEquals(2, g.bin(1.1));
    assertEquals(-2, g.bin(-1.1));
    assertEquals(2, g.bin(1.25)); // 2.5 bins → 2
    assertEquals(4, g.bin(1.75)); // 3.5 bins → 4
    assertThrows(IllegalArgumentException.class, () -> new CoarseGraining(1e-300, 1).bin(1e10));
  }

  @Test
  void lowRankMatrixIsStoredAsFactors() {
    WeightMatrix w = outer(30, 40, 0, 1);
    CompressionResult r = CompressionComplexity.measure(List.of(w), new CoarseGraining(1e-3, 0.99));
    assertEquals(List.of(1), r.ranks());
    assertEquals(8 + 12 + 4 * (30 + 40), r.rawBytes()); // ε, header, A (30×1) and B (1×40)
    WeightMatrix c = r.coarseGrained().get(0);
    double maxErr = 0;
    for (int i = 0; i < w.size(); i++) {
      maxErr = Math.max(maxErr, Math.abs(c.values()[i] - w.values()[i]));
    }
    assertTrue(maxErr < 2e-3, "max error " + maxErr);
  }

  @Test
  void fullRankMatrixIsStoredWholeAndQuantized() {
    WeightMatrix w = random(8, 8, 2);
    CoarseGraining g = new CoarseGraining(0.25, 1);
    CompressionResult r = CompressionComplexity.measure(List.of(w, random(1, 5, 3)), g);
    assertEquals(List.of(0, 0), r.ranks());
    assertEquals(8 + 12 + 4 * 64 + 12 + 4 * 5, r.rawBytes());
    double[] q = r.coarseGrained().get(0).values();
    for (int i = 0; i < q.length; i++) {
      assertEquals(g.bin(w.values()[i]) * 0.25, q[i], 0);
    }
  }

  @Test
  void structureCompressesBetterThanNoise() {
    CoarseGraining g = new CoarseGraining(0.01, 0.95);
    CompressionResult structured =
        CompressionComplexity.measure(List.of(outer(64, 64, 0.001, 4)), g);
    CompressionResult noise = CompressionComplexity.measure(List.of(random(64, 64, 4)), g);
    assertTrue(structured.bzip2Bytes() < noise.bzip2Bytes() / 4,
        structured.bzip2Bytes() + " vs " + noise.bzip2Bytes());
    assertTrue(structured.xzBytes() < noise.xzBytes() / 4);
  }

  @Test
  void compressedStreamsDecodeToTheInput() throws IOException {
    byte[] data = new byte[5000];
    new Random(5).nextBytes(data);
    for (int i = 0; i < 2500; i++) {
      data[i] = 7;
    }
    try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(Compressor.BZIP2.compress(data)))) {
      assertArrayEquals(data, in.readAllBytes());
    }
    try (InputStream in = new XZCompressorInputStream(new ByteArrayInputStream(Compressor.XZ.compress(data)))) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void searchKeepsTheSmallestDescriptionWithinTheLossBound() {
    WeightMatrix w = outer(40, 40, 0.01, 6);
    // Loss: mean squared distance to the original weights (a stand-in for a model's training loss).
    LossBoundedSearch.Loss loss =
        p -> {
          double s = 0;
          for (int i = 0; i < w.size(); i++) {
            double d = p.get(0).values()[i] - w.values()[i];
            s += d * d;
          }
          return s / w.size();
        };
    double[] eps = LossBoundedSearch.logSpaced(1e-4, 0.3, 6);
    double[] kappas = {0.5, 0.8, 0.95, 1};
    LossBoundedSearch.Outcome o =
        LossBoundedSearch.search(List.of(w), loss, 1e-3, eps, kappas, Compressor.BZIP2);
    assertEquals(24, o.points().size());
    assertEquals(0, o.baseLoss(), 0);
    LossBoundedSearch.Point best = o.best().orElseThrow();
    assertTrue(best.accepted() && best.loss() <= 1e-3);
    for (LossBoundedSearch.Point p : o.points()) {
      if (p.accepted()) {
        assertTrue(p.result().bzip2Bytes() >= best.result().bzip2Bytes());
      }
    }
    // The bound excludes the coarsest grain.
    assertTrue(o.points().stream().anyMatch(p -> !p.accepted()));
    LossBoundedSearch.Outcome none =
        LossBoundedSearch.search(List.of(w), loss, 0, new double[] {0.3}, new double[] {0.5}, Compressor.XZ);
    assertTrue(none.best().isEmpty());
  }

  /** One search gives the rate–distortion curve: the best size within δ' is non-increasing in δ'. */
  @Test
  void rateDistortionCurveIsMonotoneInTheBound() {
    WeightMatrix w = outer(40, 40, 0.01, 7);
    LossBoundedSearch.Loss loss = p -> {
      double s = 0;
      for (int i = 0; i < w.size(); i++) {
        double d = p.get(0).values()[i] - w.values()[i];
        s += d * d;
      }
      return s / w.size();
    };
    LossBoundedSearch.Outcome o = LossBoundedSearch.search(List.of(w), loss, 1e-3,
        LossBoundedSearch.logSpaced(1e-4, 0.3, 8), new double[] {0.5, 0.9, 1}, Compressor.BZIP2);
    assertEquals(o.best(), o.bestWithin(1e-3));
    int previous = Integer.MAX_VALUE;
    for (double bound : new double[] {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1}) {
      LossBoundedSearch.Point p = o.bestWithin(bound).orElseThrow(); // ε = 1e-4, κ = 1: MSE ≈ ε²/12 ≈ 1e-9
      assertTrue(p.loss() <= bound, "loss " + p.loss() + " above " + bound);
      assertTrue(p.result().bzip2Bytes() <= previous, "bits rose at " + bound);
      previous = p.result().bzip2Bytes();
    }
    // the loosest bound admits every point: the smallest description of the grid
    assertEquals(o.points().stream().mapToInt(p -> p.result().bzip2Bytes()).min().orElseThrow(), previous);
    assertThrows(IllegalArgumentException.class, () -> o.bestWithin(-1));
  }

  /** H(D|θ̃) = n·L/ln 2 bits, K = 8·bytes: 100 samples at ln 2 nats each cost 100 bits. */
  @Test
  void descriptionLengthAddsDataBitsAndModelBits() {
    DescriptionLength d = DescriptionLength.of(100, Math.log(2), 25);
    assertEquals(100, d.dataBits(), 1e-12);
    assertEquals(200, d.modelBits(), 0);
    assertEquals(300, d.totalBits(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> DescriptionLength.of(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> DescriptionLength.of(1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new DescriptionLength(Double.NaN, 1));
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CoarseGraining(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new CoarseGraining(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new CoarseGraining(0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> new CoarseGraining(0.1, 1.01));
    assertThrows(IllegalArgumentException.class, () -> new WeightMatrix("x", 2, 2, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> new WeightMatrix("x", 1, 1, new double[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new WeightMatrix("x", 0, 1, new double[0]));
    CoarseGraining g = new CoarseGraining(0.1, 1);
    assertThrows(IllegalArgumentException.class, () -> CompressionComplexity.measure(List.of(), g));
    List<WeightMatrix> w = List.of(random(2, 2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> LossBoundedSearch.search(w, p -> 0, -1, new double[] {0.1}, new double[] {1}, Compressor.XZ));
    assertThrows(IllegalArgumentException.class,
        () -> LossBoundedSearch.search(w, p -> 0, 0, new double[0], new double[] {1}, Compressor.XZ));
    assertThrows(IllegalArgumentException.class, () -> LossBoundedSearch.logSpaced(0, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> LossBoundedSearch.logSpaced(1, 0.5, 3));
  }
}
