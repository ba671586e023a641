package occam.fourier;

/**
 * A {@link RealDft2} on top of any complex {@link Dft2}: the forward transform embeds the real
 * matrix with zero imaginary parts and keeps columns 0..⌊m/2⌋; the inverse expands the half spectrum
 * by the mirror rule and keeps the real part. Twice the work of a real-input transform; it serves
 * as the reference for those and as the real-input path of backends without one.
 */
public final class ComplexRealDft2 implements RealDft2 {
  private final Dft2 dft;
  private final int m;
  private final double[] full;

  /**
   * Wraps a complex transform.
   *
   * @param dft the complex transform (owned by this object from now on)
   * @throws IllegalArgumentException if dft is null
   */
  public ComplexRealDft2(Dft2 dft) {
    if (dft == null) {
      throw new IllegalArgumentException("dft must not be null");
    }
    this.dft = dft;
    this.m = dft.size();
    this.full = new double[2 * m * m];
  }

  @Override
  public int size() {
    return m;
  }

  @Override
  public DftNormalization normalization() {
    return dft.normalization();
  }

  @Override
  public void forward(double[] real, double[] halfSpectrum) {
    Args.length(real, m * m, "a real " + m + "x" + m + " matrix");
    Args.length(halfSpectrum, HalfSpectrum.length(m), "a half spectrum of side " + m);
    java.util.Arrays.fill(full, 0.0);
    for (int i = 0; i < m * m; i++) {
      full[2 * i] = real[i];
    }
    dft.forward(full);
    int h = HalfSpectrum.columns(m);
    for (int k = 0; k < m; k++) {
      System.arraycopy(full, 2 * k * m, halfSpectrum, 2 * k * h, 2 * h);
    }
  }

  @Override
  public void inverse(double[] halfSpectrum, double[] real) {
    Args.length(halfSpectrum, HalfSpectrum.length(m), "a half spectrum of side " + m);
    Args.length(real, m * m, "a real " + m + "x" + m + " matrix");
    HalfSpectrum.expand(halfSpectrum, m, full);
    dft.inverse(full);
    for (int i = 0; i < m * m; i++) {
      real[i] = full[2 * i];
    }
  }
}
