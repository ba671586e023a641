package occam.modular;

/**
 * Discrete logarithm table of Z_p^* in base the smallest primitive root g: log(g^t mod p) = t for t
 * in [0, p − 1). Immutable.
 */
public final class DiscreteLog {
  private final int p;
  private final int generator;
  private final int[] log;
  private final int[] exp;

  private DiscreteLog(int p) {
    this.p = Primes.requirePrime(p);
    this.generator = PrimitiveRoot.smallest(p);
    this.log = new int[p];
    this.exp = new int[p - 1];
    log[0] = -1;
    long x = 1;
    for (int t = 0; t < p - 1; t++) {
      exp[t] = (int) x;
      log[(int) x] = t;
      x = x * generator % p;
    }
  }

  /**
   * Builds the table for a prime modulus.
   *
   * @param p a prime ≥ 3
   * @return the table
   * @throws IllegalArgumentException if p is not a prime ≥ 3
   */
  public static DiscreteLog of(int p) {
    return new DiscreteLog(p);
  }

  /** @return the modulus p */
  public int modulus() {
    return p;
  }

  /** @return the base g, the smallest primitive root of p */
  public int generator() {
    return generator;
  }

  /**
   * Returns t with g^t ≡ u (mod p).
   *
   * @param u a unit, 1 ≤ u &lt; p
   * @return the discrete log in [0, p − 1)
   * @throws IllegalArgumentException if u is not in [1, p)
   */
  public int log(int u) {
    if (u < 1 || u >= p) {
      throw new IllegalArgumentException("u = " + u + " has no discrete log: u must be in [1, " + p + ")");
    }
    return log[u];
  }

  /**
   * Returns g^t mod p.
   *
   * @param t any integer (taken mod p − 1)
   * @return the unit g^t mod p
   */
  public int exp(int t) {
    return exp[Math.floorMod(t, p - 1)];
  }
}
