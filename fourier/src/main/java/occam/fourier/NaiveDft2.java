package occam.fourier;

/**
 * The O(m⁴) 2D DFT straight from its definition: the reference that fast backends are tested
 * against. Twiddles come from a table of e^{−2πij/m} indexed by (ka + lb) mod m, so the only
 * rounding is in the sums.
 */
public final class NaiveDft2 implements Dft2 {
  private final int m;
  private final DftNormalization normalization;
  private final double[] cos;
  private final double[] sin;

  /**
   * Creates the transform.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @throws IllegalArgumentException if m &lt; 1
   */
  public NaiveDft2(int m, DftNormalization normalization) {
    if (m < 1) {
      throw new IllegalArgumentException("m = " + m + " is not allowed: m must be >= 1");
    }
    this.m = m;
    this.normalization = normalization;
    this.cos = new double[m];
    this.sin = new double[m];
    for (int j = 0; j < m; j++) {
      cos[j] = Math.cos(2 * Math.PI * j / m);
      sin[j] = Math.sin(2 * Math.PI * j / m);
    }
  }

  @Override
  public int size() {
    return m;
  }

  @Override
  public DftNormalization normalization() {
    return normalization;
  }

  @Override
  public void transform(double[] a, TransformDirection direction) {
    Dft2.checkLength(a, m);
    double sign = direction == TransformDirection.FORWARD ? -1 : 1;
    double scale = normalization.scale(m, direction);
    double[] out = new double[a.length];
    for (int k = 0; k < m; k++) {
      for (int l = 0; l < m; l++) {
        double re = 0;
        double im = 0;
        for (int x = 0; x < m; x++) {
          for (int y = 0; y < m; y++) {
            int j = (int) (((long) k * x + (long) l * y) % m);
            double c = cos[j];
            double s = sign * sin[j];
            double xr = a[2 * (x * m + y)];
            double xi = a[2 * (x * m + y) + 1];
            re += xr * c - xi * s;
            im += xr * s + xi * c;
          }
        }
        out[2 * (k * m + l)] = re * scale;
        out[2 * (k * m + l) + 1] = im * scale;
      }
    }
    System.arraycopy(out, 0, a, 0, a.length);
  }
}
