package occam.fourier;

/**
 * Where the 1/m factors of an m×m 2D DFT go. With ω = e^{−2πi/m}:
 *
 * <ul>
 *   <li>{@link #STANDARD}: F[k,l] = Σ_{a,b} X[a,b]·ω^{ka+lb}; X[a,b] = (1/m²)·Σ_{k,l} F[k,l]·ω^{−(ka+lb)}.
 *       This is SPEC §2's convention, under which the SFM model reads Ŷ = m²·IDFT2(W).
 *   <li>{@link #UNITARY}: both directions carry 1/m, so the transform preserves the Frobenius norm.
 * </ul>
 */
public enum DftNormalization {
  /** Forward unnormalized, inverse divided by m² (SPEC §2). */
  STANDARD,
  /** Forward and inverse each divided by m (unitary). */
  UNITARY;

  /**
   * The factor applied after an unnormalized sum in the given direction.
   *
   * @param m side of the square transform, ≥ 1
   * @param direction forward or inverse
   * @return 1, 1/m or 1/m²
   * @throws IllegalArgumentException if m &lt; 1 or direction is null
   */
  public double scale(int m, TransformDirection direction) {
    Args.side(m);
    Args.direction(direction);
    if (this == UNITARY) {
      return 1.0 / m;
    }
    return direction == TransformDirection.FORWARD ? 1.0 : 1.0 / ((double) m * m);
  }
}
