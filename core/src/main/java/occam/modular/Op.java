package occam.modular;

import java.util.Locale;

/**
 * The four modular operations of SPEC §1, with the ideal Fourier support σ of their generalizing
 * solution (SPEC §2): add and mul on the diagonal (k, k), sub and div on the anti-diagonal (k, −k).
 */
public enum Op {
  /** u + v mod p, over all of Z_p². */
  ADD(false, false),
  /** u − v mod p, over all of Z_p². */
  SUB(false, true),
  /** u · v mod p, over (Z_p^*)², indexed by discrete log. */
  MUL(true, false),
  /** u · v⁻¹ mod p, over (Z_p^*)², indexed by discrete log. */
  DIV(true, true);

  private final boolean multiplicative;
  private final boolean antiDiagonal;

  Op(boolean multiplicative, boolean antiDiagonal) {
    this.multiplicative = multiplicative;
    this.antiDiagonal = antiDiagonal;
  }

  /**
   * Parses the CLI name of an op.
   *
   * @param name one of add, sub, mul, div (any case)
   * @return the op
   * @throws IllegalArgumentException for any other name
   */
  public static Op parse(String name) {
    return occam.io.EnumNames.parse(Op.class, name, "op");
  }

  /** @return the lower-case CLI name */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return true for mul and div, which live on Z_p^* and use the discrete-log index */
  public boolean multiplicative() {
    return multiplicative;
  }

  /** @return the group order m: p for add/sub, p − 1 for mul/div */
  public int groupOrder(int p) {
    return multiplicative ? p - 1 : p;
  }

  /**
   * Applies the op mod p. Division multiplies by the inverse v^(p−2) mod p (Fermat), which is why p
   * must be prime.
   *
   * @param u first operand in [0, p) ([1, p) for mul/div)
   * @param v second operand, likewise (so v ≠ 0 for div)
   * @param p the prime modulus ≥ 3
   * @return the result c in [0, p)
   * @throws IllegalArgumentException if p is not a prime ≥ 3 or an operand is outside the op's domain
   */
  public int apply(int u, int v, int p) {
    Primes.requirePrime(p);
    int low = multiplicative ? 1 : 0;
    if (u < low || u >= p || v < low || v >= p) {
      throw new IllegalArgumentException(
          "operands (" + u + ", " + v + ") are outside the domain of " + cliName() + ": each must be in ["
              + low + ", " + p + ")");
    }
    switch (this) {
      case ADD:
        return (int) (((long) u + v) % p);
      case SUB:
        return (int) Math.floorMod((long) u - v, (long) p);
      case MUL:
        return (int) ((long) u * v % p);
      case DIV:
        return (int) ((long) u * PrimitiveRoot.powMod(v, p - 2L, p) % p);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Column of the ideal support in row k: σ(k) = k for add/mul, −k mod m for sub/div.
   *
   * @param k frequency in [0, m)
   * @param m group order ≥ 1
   * @return σ(k) in [0, m)
   * @throws IllegalArgumentException if m &lt; 1 or k is outside [0, m)
   */
  public int sigma(int k, int m) {
    if (m < 1 || k < 0 || k >= m) {
      throw new IllegalArgumentException("frequency k = " + k + " is outside [0, m) for m = " + m + " (m must be >= 1)");
    }
    return antiDiagonal ? Math.floorMod(-k, m) : k;
  }

  /**
   * Group index of the result from the operands' indices: a + b for add/mul, a − b for sub/div, mod m.
   *
   * @param a index of u (any integer, taken mod m)
   * @param b index of v (likewise)
   * @param m group order ≥ 1
   * @return index of the result, in [0, m)
   * @throws IllegalArgumentException if m &lt; 1
   */
  public int combine(int a, int b, int m) {
    if (m < 1) {
      throw new IllegalArgumentException("group order m = " + m + " is not allowed: m must be >= 1");
    }
    return (int) Math.floorMod(antiDiagonal ? (long) a - b : (long) a + b, (long) m);
  }
}
