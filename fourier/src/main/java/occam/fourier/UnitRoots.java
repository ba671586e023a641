package occam.fourier;

/**
 * cos(2πj/n) and sin(2πj/n) with the circle's symmetries made exact: j is reduced to an angle in
 * [0, π/4] before Math.cos/sin are called, so quarter turns give exactly 0 and ±1, and ω^j and
 * ω^{n−j} are exact conjugates. Every twiddle table in this package comes from here.
 */
final class UnitRoots {
  private UnitRoots() {}

  /**
   * cos(2πj/n).
   *
   * @param j any integer (taken mod n)
   * @param n period ≥ 1
   * @return the cosine
   */
  static double cos(long j, long n) {
    return value(j, n, true);
  }

  /**
   * sin(2πj/n).
   *
   * @param j any integer (taken mod n)
   * @param n period ≥ 1
   * @return the sine
   */
  static double sin(long j, long n) {
    return value(j, n, false);
  }

  private static double value(long j, long n, boolean cosine) {
    // 2πj/n = (π/2)·(4j/n) = (π/2)·q + (π/2)·r/n with quadrant q and 0 ≤ r < n.
    long four = 4 * Math.floorMod(j, n);
    int q = (int) (four / n);
    long r = four - q * n;
    // Within the quadrant, φ = (π/2)·r/n; past π/4 use the complement (π/2)·(n − r)/n.
    double c;
    double s;
    if (2 * r == n) {
      // φ = π/4: one value for both, else the quadrant swaps would break conjugate symmetry.
      c = Math.sqrt(0.5);
      s = c;
    } else if (2 * r < n) {
      double phi = Math.PI / 2 * r / n;
      c = Math.cos(phi);
      s = Math.sin(phi);
    } else {
      double phi = Math.PI / 2 * (n - r) / n;
      c = Math.sin(phi);
      s = Math.cos(phi);
    }
    switch (q) {
      case 0:
        return cosine ? c : s;
      case 1:
        return cosine ? -s : c;
      case 2:
        return cosine ? -c : -s;
      default:
        return cosine ? s : -c;
    }
  }
}
