package occam.results.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import occam.results.prediction.Bootstrap.Interval;
import org.junit.jupiter.api.Test;

/** Percentile bootstrap: seeded, the interval around the point estimate. */
class BootstrapTest {
  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static List<Double> sample(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.nextDouble() * 10);
    }
    return out;
  }

  @Test
  void intervalContainsThePointEstimateAndIsSeeded() {
    for (long s = 0; s < 20; s++) {
      List<Double> x = sample(s, 30);
      Interval i = Bootstrap.interval(x, BootstrapTest::mean, 500, 7);
      assertEquals(mean(x), i.point());
      assertTrue(i.lo() <= i.point() && i.point() <= i.hi(), i.toString());
      assertTrue(i.lo() < i.hi());
      assertEquals(i, Bootstrap.interval(x, BootstrapTest::mean, 500, 7), "same seed, same interval");
      assertNotEquals(i, Bootstrap.interval(x, BootstrapTest::mean, 500, 8), "another seed, other resamples");
    }
  }

  @Test
  void constantSampleHasAZeroWidthInterval() {
    Interval i = Bootstrap.interval(List.of(2.0, 2.0, 2.0), BootstrapTest::mean, 100, 1);
    assertEquals(new Interval(2, 2, 2), i);
  }

  @Test
  void nanResamplesAreLeftOutAndAnEmptySampleHasNoInterval() {
    Interval none = Bootstrap.interval(List.<Double>of(), BootstrapTest::mean, 100, 1);
    assertTrue(Double.isNaN(none.point()) && Double.isNaN(none.lo()) && Double.isNaN(none.hi()));
    Interval allNan = Bootstrap.interval(List.of(1.0, 2.0), v -> Double.NaN, 100, 1);
    assertTrue(Double.isNaN(allNan.lo()));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(List.of(1.0), BootstrapTest::mean, 0, 1));
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] v = {1, 2, 3, 4, 5};
    assertEquals(1, Bootstrap.quantile(v, 0));
    assertEquals(5, Bootstrap.quantile(v, 1));
    assertEquals(3, Bootstrap.quantile(v, 0.5));
    assertEquals(1.1, Bootstrap.quantile(v, 0.025), 1e-15);
  }
}
