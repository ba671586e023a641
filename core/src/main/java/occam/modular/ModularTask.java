package occam.modular;

/**
 * A modular-arithmetic task (p, op) in its group-index coordinates (SPEC §1–§2).
 *
 * <p>Legend: m = group order (p for add/sub, p − 1 for mul/div); a(u) = u for add/sub and the
 * discrete log of u for mul/div; the domain has N = m² cells, cell i = a·m + b holding the pair
 * (u, v) = (element(a), element(b)). Both legs (simulator and transformer) enumerate the domain in
 * this order, so a seeded split names the same pairs in each.
 *
 * @param p the prime modulus
 * @param op the operation
 */
public record ModularTask(int p, Op op) {

  /**
   * Validates the task.
   *
   * @throws IllegalArgumentException if p is not a prime ≥ 3 or op is null
   */
  public ModularTask {
    Primes.requirePrime(p);
    if (op == null) {
      throw new IllegalArgumentException("op must be one of add, sub, mul, div");
    }
  }

  /**
   * Factory.
   *
   * @param p prime modulus ≥ 3
   * @param op operation
   * @return the task
   */
  public static ModularTask of(int p, Op op) {
    return new ModularTask(p, op);
  }

  /** @return m, the group order and side of the Fourier weight matrix */
  public int groupOrder() {
    return op.groupOrder(p);
  }

  /** @return N = m², the size of the domain */
  public int domainSize() {
    int m = groupOrder();
    return m * m;
  }

  /**
   * Group element with index a: a itself for add/sub, g^a mod p for mul/div.
   *
   * @param a index in [0, m)
   * @return the residue u
   * @throws IllegalArgumentException if a is outside [0, m)
   */
  public int element(int a) {
    int m = groupOrder();
    if (a < 0 || a >= m) {
      throw new IllegalArgumentException("group index a = " + a + " is outside [0, " + m + ")");
    }
    return op.multiplicative() ? DiscreteLogs.of(p).exp(a) : a;
  }

  /**
   * Group index a(u) (SPEC §2).
   *
   * @param u residue in [0, p) ([1, p) for mul/div)
   * @return index in [0, m)
   * @throws IllegalArgumentException if u is outside the op's domain
   */
  public int index(int u) {
    if (op.multiplicative()) {
      return DiscreteLogs.of(p).log(u);
    }
    if (u < 0 || u >= p) {
      throw new IllegalArgumentException("u = " + u + " is outside [0, " + p + ")");
    }
    return u;
  }

  /**
   * First operand u of domain cell i.
   *
   * @param cell index in [0, N)
   * @return u
   * @throws IllegalArgumentException if cell is outside [0, N)
   */
  public int u(int cell) {
    return element(checkCell(cell) / groupOrder());
  }

  /**
   * Second operand v of domain cell i.
   *
   * @param cell index in [0, N)
   * @return v
   * @throws IllegalArgumentException if cell is outside [0, N)
   */
  public int v(int cell) {
    return element(checkCell(cell) % groupOrder());
  }

  /**
   * The label c = op(u, v) mod p of domain cell i.
   *
   * @param cell index in [0, N)
   * @return c in [0, p)
   * @throws IllegalArgumentException if cell is outside [0, N)
   */
  public int label(int cell) {
    int m = groupOrder();
    checkCell(cell);
    return element(op.combine(cell / m, cell % m, m));
  }

  private int checkCell(int cell) {
    int n = domainSize();
    if (cell < 0 || cell >= n) {
      throw new IllegalArgumentException("domain cell " + cell + " is outside [0, " + n + ")");
    }
    return cell;
  }

  /**
   * All labels in domain order, as the real targets of the "value" encoding (y = c).
   *
   * @return a fresh array of N labels
   */
  public double[] labelValues() {
    double[] y = new double[domainSize()];
    for (int i = 0; i < y.length; i++) {
      y[i] = label(i);
    }
    return y;
  }
}
