package occam.modular;

/** Primality of the moduli p that the tasks run over. */
public final class Primes {
  private Primes() {}

  /**
   * Tells whether {@code n} is prime, by trial division (the moduli here are small).
   *
   * @param n any integer
   * @return true for 2, 3, 5, 7, …; false for n &lt; 2 and composites
   */
  public static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    if (n % 2 == 0) {
      return n == 2;
    }
    for (long d = 3; d * d <= n; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that {@code p} is a usable task modulus: a prime p ≥ 3 (SPEC §1).
   *
   * @param p the modulus
   * @return {@code p}
   * @throws IllegalArgumentException if p is not a prime ≥ 3
   */
  public static int requirePrime(int p) {
    if (p < 3 || !isPrime(p)) {
      throw new IllegalArgumentException("p = " + p + " is not allowed: p must be a prime >= 3");
    }
    return p;
  }
}
