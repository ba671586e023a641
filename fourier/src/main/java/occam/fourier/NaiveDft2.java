package occam.fourier;

/**
 * The O(m⁴) 2D DFT straight from its definition: the reference that fast backends are tested
 * against. Twiddles come from a table of e^{−2πij/m} indexed by (ka + lb) mod m, each within about
 * an ulp and exactly symmetric ({@link UnitRoots}), and each sum of m² terms is accumulated with Neumaier's
 * compensated summation (Neumaier 1974; Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, 2nd ed., §4.3), so the result is accurate to a few ulps of Σ|terms| instead of
 * the O(m²·ε) of a plain sum. That is what lets the tests hold O(ε·log m) fast transforms to a
 * tolerance below the reference's own rounding.
 */
public final class NaiveDft2 extends AbstractDft2 {
  private final double[] cos;
  private final double[] sin;

  /**
   * Creates the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public NaiveDft2(int m, DftNormalization normalization) {
    super(m, normalization);
    this.cos = new double[m];
    this.sin = new double[m];
    for (int j = 0; j < m; j++) {
      cos[j] = UnitRoots.cos(j, m);
      sin[j] = UnitRoots.sin(j, m);
    }
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    double sign = Args.direction(direction) == TransformDirection.FORWARD ? -1 : 1;
    double scale = normalization.scale(m, direction);
    double[] out = new double[a.length];
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        NeumaierSum re = new NeumaierSum();
        NeumaierSum im = new NeumaierSum();
        for (int x = 0; x < m; x++) {
          int kx = (int) ((long) k * x % m);
          for (int y = 0; y < m; y++) {
            int j = kx + (int) ((long) l * y % m);
            if (j >= m) {
              j -= m;
            }
            double c = cos[j];
            double s = sign * sin[j];
            double xr = a[2 * (x * m + y)];
            double xi = a[2 * (x * m + y) + 1];
            re.add(xr * c - xi * s);
            im.add(xr * s + xi * c);
          }
        }
        out[2 * (k * m + l)] = re.value() * scale;
        out[2 * (k * m + l) + 1] = im.value() * scale;
      }
    }
    System.arraycopy(out, 0, a, 0, a.length);
  }
}
