package occam.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LambertW0} and {@link LambertWm1} against {@code lambertw-reference.csv} (Apfloat, 100
 * digits, written by {@link LambertWReferenceGenerator}), plus identities and special values.
 *
 * <p>Tolerance: 4 ulp of the reference, ulp = {@link Math#ulp} of the reference rounded to double,
 * on every point of the file, including points 1 ulp above −1/e, |x| down to 4.9e-324 and x up to the
 * largest double.
 */
class LambertWTest {

  private static final String REFERENCE = "/lambertw-reference.csv";

  /** Allowed error, in ulps of the reference. */
  private static final double MAX_ULP = 4;

  /** The double nearest −1/e; it lies 1.24e-17 below −1/e. */
  private static final double BRANCH_POINT = -0.36787944117144233;

  private static double evaluate(int branch, double x) {
    return branch == 0 ? LambertW0.value(x) : LambertWm1.value(x);
  }

  /** (computed − reference)/ulp(reference), with the difference taken exactly. */
  private static double ulpError(int branch, double x, BigDecimal reference) {
    double computed = evaluate(branch, x);
    double ulp = Math.ulp(reference.doubleValue());
    return new BigDecimal(computed)
        .subtract(reference)
        .divide(new BigDecimal(ulp), MathContext.DECIMAL64)
        .doubleValue();
  }

  @ParameterizedTest(name = "W{0}({1})")
  @CsvFileSource(resources = REFERENCE, useHeadersInDisplayName = false, numLinesToSkip = 1)
  void matchesReference(int branch, double x, BigDecimal reference) {
    double err = ulpError(branch, x, reference);
    assertTrue(Math.abs(err) <= MAX_ULP,
        () -> "W" + branch + "(" + x + ") = " + evaluate(branch, x) + ", reference " + reference
            + ": " + err + " ulp");
  }

  /** Prints the max and RMS ulp error of one branch over the reference file and bounds the max. */
  @ParameterizedTest(name = "branch {0}")
  @ValueSource(ints = {0, -1})
  void errorSummary(int branch) throws IOException {
    List<String[]> rows = readReference();
    double max = 0;
    double sumSq = 0;
    int n = 0;
    String worst = "";
    for (String[] r : rows) {
      if (Integer.parseInt(r[0]) != branch) {
        continue;
      }
      double x = Double.parseDouble(r[1]);
      double err = Math.abs(ulpError(branch, x, new BigDecimal(r[2])));
      sumSq += err * err;
      n++;
      if (err > max) {
        max = err;
        worst = "x = " + r[1];
      }
    }
    double rms = Math.sqrt(sumSq / n);
    System.out.printf(Locale.ROOT, "Lambert W%d: %d points, max %.3f ulp (%s), RMS %.3f ulp%n",
        branch, n, max, worst, rms);
    assertTrue(n > 1000, "reference points for branch " + branch + ": " + n);
    assertTrue(max <= MAX_ULP, "max error " + max + " ulp at " + worst);
  }

  private static List<String[]> readReference() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = LambertWTest.class.getResourceAsStream(REFERENCE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split(","));
      }
    }
    return rows;
  }

  /**
   * W·e^W = x on seeded random x. If W carries a relative error ρ, W·e^W carries ρ·|1 + W|, plus an
   * ulp or two from exp and the product: hence |W·e^W − x| ≤ (4·|1 + W|·2 + 4)·2^−52·|x| for ρ ≤ 4 ulp
   * (an ulp is at most 2^−52 relative).
   */
  @ParameterizedTest(name = "branch {0}")
  @ValueSource(ints = {0, -1})
  void inverseOfWExpW(int branch) {
    SplittableRandom rng = new SplittableRandom(42 + branch);
    for (int i = 0; i < 20_000; i++) {
      double x = branch == 0 && rng.nextBoolean()
          ? Math.pow(10, rng.nextDouble(-300, 300))
          : -Math.pow(10, rng.nextDouble(-300, Math.log10(-BRANCH_POINT)));
      double w = evaluate(branch, x);
      double residual = Math.abs(w * Math.exp(w) - x);
      double bound = (8 * Math.abs(1 + w) + 4) * 0x1p-52 * Math.abs(x);
      if (Double.isInfinite(Math.exp(w)) || Math.exp(w) == 0) {
        continue; // e^W overflows or underflows where W·e^W itself is fine: the file covers those
      }
      assertTrue(residual <= bound, "W" + branch + "(" + x + ") = " + w + ": residual " + residual);
    }
  }

  /** W₀ increases and W₋₁ decreases on [−1/e, 0), and they meet only at −1. */
  @Test
  void branchesAreMonotoneAndOrdered() {
    SplittableRandom rng = new SplittableRandom(7);
    double[] xs = new double[5_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = rng.nextDouble(BRANCH_POINT, 0);
    }
    Arrays.sort(xs);
    for (int i = 1; i < xs.length; i++) {
      assertTrue(LambertW0.value(xs[i]) >= LambertW0.value(xs[i - 1]), "W0 at " + xs[i]);
      assertTrue(LambertWm1.value(xs[i]) <= LambertWm1.value(xs[i - 1]), "W-1 at " + xs[i]);
      assertTrue(LambertW0.value(xs[i]) >= -1 && LambertWm1.value(xs[i]) <= -1, "order at " + xs[i]);
    }
  }

  @Test
  void branchPoint() {
    assertEquals(-1.0, LambertW0.value(BRANCH_POINT));
    assertEquals(-1.0, LambertWm1.value(BRANCH_POINT));
    double above = Math.nextUp(BRANCH_POINT);
    assertTrue(LambertW0.value(above) > -1 && LambertW0.value(above) < -1 + 1e-7);
    assertTrue(LambertWm1.value(above) < -1 && LambertWm1.value(above) > -1 - 1e-7);
  }

  @Test
  void belowBranchPointIsNaN() {
    for (double x : new double[] {Math.nextDown(BRANCH_POINT), -0.5, -1, -1e300, Double.NEGATIVE_INFINITY}) {
      assertEquals(Double.NaN, LambertW0.value(x), "W0(" + x + ")");
      assertEquals(Double.NaN, LambertWm1.value(x), "W-1(" + x + ")");
    }
  }

  @Test
  void lowerBranchIsNaNForPositiveX() {
    for (double x : new double[] {Double.MIN_VALUE, 1e-300, 0.5, 1e300, Double.POSITIVE_INFINITY}) {
      assertEquals(Double.NaN, LambertWm1.value(x), "W-1(" + x + ")");
    }
  }

  @Test
  void specialValues() {
    assertEquals(0.0, LambertW0.value(0.0));
    assertEquals(-0.0, LambertW0.value(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, LambertW0.value(Double.POSITIVE_INFINITY));
    assertEquals(Double.NEGATIVE_INFINITY, LambertWm1.value(-0.0));
    assertEquals(Double.NEGATIVE_INFINITY, LambertWm1.value(0.0));
    assertEquals(Double.NaN, LambertW0.value(Double.NaN));
    assertEquals(Double.NaN, LambertWm1.value(Double.NaN));
    assertEquals(1.0, LambertW0.value(Math.E), Math.ulp(1.0));
    assertTrue(LambertWm1.value(-1e-300) < -690, "W-1(-1e-300) = " + LambertWm1.value(-1e-300));
    assertTrue(LambertWm1.value(-Double.MIN_VALUE) < -750);
  }

  /** For tiny |x|, W₀(x) = x − x² + O(x³): the subnormal and tiny end of the Taylor region. */
  @Test
  void tinyArgumentsFollowTheTaylorSeries() {
    for (double x : new double[] {Double.MIN_VALUE, 1e-300, 1e-20, -1e-20, 1e-10}) {
      double expected = x - x * x;
      assertEquals(expected, LambertW0.value(x), Math.ulp(expected), "W0(" + x + ")");
    }
  }
}
