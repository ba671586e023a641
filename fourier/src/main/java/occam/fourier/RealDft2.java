package occam.fourier;

/**
 * A 2D DFT of a real m×m matrix, keeping only the non-redundant half of its Hermitian spectrum (the
 * r2c/c2r pair of FFTW and NumPy's rfft2/irfft2). The SFM uses it because its residual R is real and
 * its weights W are Hermitian (W[−k,−l] = conj W[k,l]), so Ŷ = m²·IDFT2(W) is real.
 *
 * <h2>Layouts</h2>
 *
 * <ul>
 *   <li>Real matrix: m² doubles, row-major, {@code x[a·m + b]} = X[a, b].
 *   <li>Half spectrum: columns l = 0..h−1 of the full spectrum, h = ⌊m/2⌋ + 1, every row k = 0..m−1,
 *       row-major and interleaved: {@code F[2(k·h + l)]} = Re F[k, l], {@code F[2(k·h + l) + 1]} =
 *       Im F[k, l]; length 2·m·h ({@link HalfSpectrum#length}). The other columns follow from
 *       F[k, l] = conj F[(m − k) mod m, m − l] for h ≤ l &lt; m ({@link HalfSpectrum#expand}).
 *   <li>Self-mirrored columns: l = 0 and, for even m, l = m/2 map to themselves (m − l ≡ l); each of
 *       their entries stands for one entry of the full spectrum, every other column's entry for two
 *       ({@link HalfSpectrum#multiplicity}). Sums over the full spectrum, such as a support count or
 *       Σ|W|², weight the half spectrum's entries accordingly.
 * </ul>
 *
 * <h2>Formulas</h2>
 *
 * With ω = e^{−2πi/m} and s_f, s_i the scales of {@link #normalization()} ({@link
 * DftNormalization#scale}: 1 and 1/m² for STANDARD):
 *
 * <pre>
 *   forward:  F[k, l] = s_f · Σ_{a,b} X[a, b]·ω^{ka + lb},                 0 ≤ k &lt; m, 0 ≤ l &lt; h
 *   inverse:  X[a, b] = s_i · Re Σ_{k,l &lt; m} F̃[k, l]·ω^{−(ka + lb)},
 * </pre>
 *
 * where F̃ is the full matrix built from the half spectrum by the mirror rule above. F̃ is
 * Hermitian except possibly on the self-mirrored columns, where the stored entries need not satisfy
 * F[k, l] = conj F[−k, l]; taking the real part replaces them by their Hermitian part
 * (F[k, l] + conj F[−k, l])/2. For a half spectrum that {@code forward} produced nothing is lost.
 * This is the convention of FFTW's c2r and NumPy's irfft2.
 *
 * <p>Neither method modifies its input. Implementations are not required to be thread-safe.
 */
public interface RealDft2 {
  /** @return m, the side of the real matrices */
  int size();

  /** @return where the 1/m factors go */
  DftNormalization normalization();

  /**
   * Forward transform of a real matrix into its half spectrum.
   *
   * @param real m² doubles, row-major (not modified)
   * @param halfSpectrum receives 2·m·(⌊m/2⌋ + 1) doubles, layout in the class comment
   * @throws IllegalArgumentException if an array is null or has the wrong length
   */
  void forward(double[] real, double[] halfSpectrum);

  /**
   * Inverse transform of a half spectrum into a real matrix.
   *
   * @param halfSpectrum 2·m·(⌊m/2⌋ + 1) doubles, layout in the class comment (not modified)
   * @param real receives m² doubles, row-major
   * @throws IllegalArgumentException if an array is null or has the wrong length
   */
  void inverse(double[] halfSpectrum, double[] real);
}
