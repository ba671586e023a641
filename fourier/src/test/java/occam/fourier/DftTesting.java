package occam.fourier;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared fixtures for the transform tests: seeded inputs, norms, a cached reference DFT, the
 * size-scaled tolerance, and a log of the largest errors seen (printed once at the end of a run).
 *
 * <p>Tolerance: fast transforms are held to the normwise FFT error bound
 * ‖F̂ − F‖_F ≤ C·ε·log₂(m²)·‖F‖_F (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * 2nd ed., Thm 24.2: ‖ŷ − y‖₂/‖y‖₂ ≤ log₂N·η/(1 − log₂N·η), η = μ + γ₄(√2 + μ) ≈ 7ε for a
 * radix-2 FFT of N points with twiddles accurate to μ ≈ ε). {@link #C} = 8 leaves room for radices
 * 3 and 5 and for Rader's and Bluestein's extra convolution. The reference is {@link NaiveDft2}
 * (compensated sums, error ≈ ε·‖F‖) where m⁴ is affordable and otherwise the separable
 * compensated {@link #separable} (rows, then columns), itself checked against NaiveDft2.
 */
final class DftTesting {
  /** Constant of the error bound C·ε·log₂(m²). */
  static final double C = 8;
  /** Largest m the O(m⁴) reference is run at (97⁴ ≈ 8.9·10⁷ terms, about half a second). */
  static final int NAIVE_LIMIT = 97;

  private static final Map<String, double[]> REFERENCES = new ConcurrentHashMap<>();
  private DftTesting() {}

  /**
   * The bound C·ε·max(1, log₂(m²)) on normwise relative error.
   *
   * @param m side
   * @return the relative tolerance
   */
  static double tolerance(int m) {
    return C * Math.ulp(1.0) * Math.max(1, 2 * Math.log(m) / Math.log(2));
  }

  /**
   * An interleaved m×m matrix with re and im uniform in [−1, 1).
   *
   * @param m side
   * @param seed RNG seed
   * @return 2m² numbers
   */
  static double[] randomComplex(int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[2 * m * m];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextDouble(-1, 1);
    }
    return a;
  }

  /**
   * A real m×m matrix, uniform in [−1, 1), row-major.
   *
   * @param m side
   * @param seed RNG seed
   * @return m² numbers
   */
  static double[] randomReal(int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[m * m];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextDouble(-1, 1);
    }
    return a;
  }

  /**
   * Embeds a real matrix as interleaved complex with zero imaginary parts.
   *
   * @param real m² numbers
   * @return 2m² numbers
   */
  static double[] complexOf(double[] real) {
    double[] a = new double[2 * real.length];
    for (int i = 0; i < real.length; i++) {
      a[2 * i] = real[i];
    }
    return a;
  }

  /**
   * Euclidean norm, scaled so that it neither overflows nor underflows.
   *
   * @param a the numbers
   * @return ‖a‖₂
   */
  static double norm(double[] a) {
    double max = 0;
    for (double x : a) {
      max = Math.max(max, Math.abs(x));
    }
    if (max == 0) {
      return 0;
    }
    double sum = 0;
    for (double x : a) {
      sum += (x / max) * (x / max);
    }
    return max * Math.sqrt(sum);
  }

  /**
   * Euclidean norm of a − b.
   *
   * @param a first
   * @param b second, same length
   * @return ‖a − b‖₂
   */
  static double distance(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return norm(d);
  }

  /**
   * The reference transform of a seeded random complex matrix, cached across tests and backends.
   *
   * @param m side
   * @param seed seed of {@link #randomComplex}
   * @param direction forward or inverse
   * @return the transform, STANDARD normalization (do not modify)
   */
  static double[] reference(int m, long seed, TransformDirection direction) {
    return REFERENCES.computeIfAbsent(
        m + "/" + seed + "/" + direction,
        k -> reference(randomComplex(m, seed), m, direction));
  }

  /**
   * The reference transform of any matrix: {@link NaiveDft2} up to {@link #NAIVE_LIMIT}, the
   * separable compensated DFT beyond.
   *
   * @param x interleaved m×m input (not modified)
   * @param m side
   * @param direction forward or inverse
   * @return the transform, STANDARD normalization
   */
  static double[] reference(double[] x, int m, TransformDirection direction) {
    if (m <= NAIVE_LIMIT) {
      double[] a = x.clone();
      new NaiveDft2(m, DftNormalization.STANDARD).transform(a, direction);
      return a;
    }
    return separable(x, m, direction);
  }

  /**
   * The 2D DFT as m 1D DFTs of the rows and then m of the columns, each straight from the definition
   * with Neumaier-compensated sums: O(m³), accurate to a few ε·‖F‖ like {@link NaiveDft2}.
   *
   * @param x interleaved m×m input (not modified)
   * @param m side
   * @param direction forward or inverse
   * @return the transform, STANDARD normalization
   */
  static double[] separable(double[] x, int m, TransformDirection direction) {
    double sign = direction == TransformDirection.FORWARD ? -1 : 1;
    double[] cos = new double[m];
    double[] sin = new double[m];
    for (int j = 0; j < m; j++) {
      cos[j] = Math.cos(2 * Math.PI * j / m);
      sin[j] = sign * Math.sin(2 * Math.PI * j / m);
    }
    double[] rows = new double[x.length];
    double[] out = new double[x.length];
    for (int r = 0; r < m; r++) {
      dft1(x, 2 * r * m, 2, rows, 2 * r * m, 2, m, cos, sin);
    }
    for (int c = 0; c < m; c++) {
      dft1(rows, 2 * c, 2 * m, out, 2 * c, 2 * m, m, cos, sin);
    }
    double scale = DftNormalization.STANDARD.scale(m, direction);
    for (int i = 0; i < out.length; i++) {
      out[i] *= scale;
    }
    return out;
  }

  private static void dft1(
      double[] in, int inOff, int inStride, double[] out, int outOff, int outStride, int m, double[] cos, double[] sin) {
    for (int k = 0; k < m; k++) {
      NeumaierSum re = new NeumaierSum();
      NeumaierSum im = new NeumaierSum();
      for (int t = 0; t < m; t++) {
        int j = (int) ((long) k * t % m);
        double xr = in[inOff + t * inStride];
        double xi = in[inOff + t * inStride + 1];
        re.add(xr * cos[j] - xi * sin[j]);
        im.add(xr * sin[j] + xi * cos[j]);
      }
      out[outOff + k * outStride] = re.value();
      out[outOff + k * outStride + 1] = im.value();
    }
  }

  /**
   * The largest error seen per check, with the size it occurred at, printed by a test class's
   * {@code @AfterAll}: one line per check, in units of ε = 2⁻⁵² and as a share of the bound.
   */
  static final class ErrorLog {
    private final String title;
    private final Map<String, double[]> worst = new TreeMap<>();

    ErrorLog(String title) {
      this.title = title;
    }

    /**
     * Keeps the largest error per check.
     *
     * @param check e.g. "STOCKHAM forward vs reference"
     * @param m the size it was measured at
     * @param error relative error
     * @param tolerance the bound it was held to
     */
    synchronized void record(String check, int m, double error, double tolerance) {
      double[] w = worst.get(check);
      if (w == null || error > w[0]) {
        worst.put(check, new double[] {error, m, tolerance});
      }
    }

    /** Prints the table. */
    synchronized void print() {
      StringBuilder s = new StringBuilder(title + ": largest relative error per check (eps = 2^-52)\n");
      worst.forEach(
          (k, w) ->
              s.append(String.format(
                  "  %-44s %7.2f eps at m = %-4d (%.2f of its bound)%n", k, w[0] / Math.ulp(1.0), (int) w[1], w[0] / w[2])));
      System.out.print(s);
    }
  }
}
