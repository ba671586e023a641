package occam.modular;

/** The smallest primitive root g of Z_p^*, the base of the discrete logarithm (SPEC §2). */
public final class PrimitiveRoot {
  private PrimitiveRoot() {}

  /**
   * Returns the smallest g in [1, p) whose powers run through all of Z_p^*: g^((p−1)/q) ≠ 1 for
   * every prime q dividing p − 1.
   *
   * @param p a prime ≥ 2
   * @return the smallest primitive root (1 for p = 2)
   * @throws IllegalArgumentException if p is not prime
   */
  public static int smallest(int p) {
    if (!Primes.isPrime(p)) {
      throw new IllegalArgumentException("p = " + p + " is not prime: primitive roots need a prime p");
    }
    if (p == 2) {
      return 1;
    }
    int phi = p - 1;
    int[] factors = primeFactors(phi);
    for (int g = 2; g < p; g++) {
      boolean generates = true;
      for (int q : factors) {
        if (powMod(g, phi / q, p) == 1) {
          generates = false;
          break;
        }
      }
      if (generates) {
        return g;
      }
    }
    throw new IllegalStateException("no primitive root found for p = " + p);
  }

  /** Largest modulus whose residues multiply without overflowing a long: ⌊√(2⁶³ − 1)⌋. */
  private static final long MAX_MODULUS = 3_037_000_499L;

  /**
   * Computes b^e mod p by repeated squaring.
   *
   * @param b base, any value (taken mod p)
   * @param e exponent ≥ 0
   * @param p modulus in [1, 3037000499], so that products of residues fit in a long
   * @return b^e mod p, in [0, p)
   * @throws IllegalArgumentException if e &lt; 0 or p is outside [1, 3037000499]
   */
  public static long powMod(long b, long e, long p) {
    if (p < 1 || p > MAX_MODULUS) {
      throw new IllegalArgumentException("modulus p = " + p + " is not allowed: p must be in [1, " + MAX_MODULUS + "]");
    }
    if (e < 0) {
      throw new IllegalArgumentException("exponent e = " + e + " is not allowed: e must be >= 0");
    }
    long result = 1 % p;
    long base = Math.floorMod(b, p);
    long k = e;
    while (k > 0) {
      if ((k & 1) == 1) {
        result = result * base % p;
      }
      base = base * base % p;
      k >>= 1;
    }
    return result;
  }

  private static int[] primeFactors(int n) {
    int[] out = new int[32];
    int count = 0;
    int r = n;
    for (int d = 2; (long) d * d <= r; d++) {
      if (r % d == 0) {
        out[count++] = d;
        while (r % d == 0) {
          r /= d;
        }
      }
    }
    if (r > 1) {
      out[count++] = r;
    }
    return java.util.Arrays.copyOf(out, count);
  }
}
