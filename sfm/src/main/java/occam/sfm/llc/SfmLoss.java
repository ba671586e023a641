package occam.sfm.llc;

import java.util.ArrayList;
import java.util.List;
import occam.io.MemoryEstimate;
import occam.sfm.SfmProblem;
import occam.theory.llc.SampleLoss;

/**
 * The SFM's training loss L_n(W) = (1/2n)·Σ_{(a,b)∈S} (Y_ab − Ŷ_ab)², Ŷ = m²·IDFT2(W) (SPEC §3), as a
 * function of the real coordinates of a Hermitian W restricted to a support, for the LLC estimator.
 *
 * <p>Real degrees of freedom: the SFM keeps W Hermitian (W_{−k,−l} = conj W_{k,l}, so Ŷ is real;
 * {@link occam.sfm.SfmSolver} stores only the half spectrum). A complex coefficient has 2 real
 * coordinates (Re, Im), but it is tied to its mirror, so a mirror pair of cells carries 2 real dof and a
 * self-mirrored cell ((0,0); for even m also (0,m/2), (m/2,0), (m/2,m/2)) carries 1 (its Im is 0): one
 * real dof per cell of the support. A regular model on a support of s cells therefore has λ = s/2, the
 * support count's |supp|/2 (λ_mem = m²/2, λ_gen = |supp W*|/2) — provided the n training equations
 * determine all s coordinates; in general λ = rank(H)/2 for the (constant) Hessian H of this quadratic
 * loss. An unconstrained complex W fitted on |Y − Ŷ|² would instead carry 2 real dof per cell, λ = s.
 *
 * <p>Coordinates: one representative per mirror pair (the cell with the smaller index), its Re then
 * (unless self-mirrored) its Im. With θ = 2π(ka + lb)/m, a pair contributes 2·(Re·cos θ − Im·sin θ) to
 * Ŷ_ab, a self-mirrored cell Re·cos θ. The design matrix X (n × d, Ŷ_S = X·w) is held in memory.
 */
public final class SfmLoss implements SampleLoss {
  /** The largest design matrix (n·d doubles) this class builds: 64 Mi entries, 512 MiB. */
  public static final long MAX_DESIGN_ENTRIES = 1L << 26;

  private final int m;
  private final int[] cells;
  private final boolean[] imaginary;
  private final int n;
  private final int d;
  private final double[] design;
  private final double[] targets;

  private SfmLoss(SfmProblem problem, boolean[] support) {
    this.m = problem.m();
    if (support.length != m * m) {
      throw new IllegalArgumentException("support has " + support.length + " cells, the task has m² = " + m * m);
    }
    List<Integer> coordinateCells = new ArrayList<>();
    List<Boolean> coordinateImaginary = new ArrayList<>();
    for (int cell = 0; cell < m * m; cell++) {
      if (!support[cell]) {
        continue;
      }
      int mirror = mirror(cell, m);
      if (!support[mirror]) {
        throw new IllegalArgumentException("support holds cell " + cell + " but not its mirror " + mirror
            + ": a Hermitian W needs both");
      }
      if (mirror < cell) {
        continue;
      }
      coordinateCells.add(cell);
      coordinateImaginary.add(false);
      if (mirror != cell) {
        coordinateCells.add(cell);
        coordinateImaginary.add(true);
      }
    }
    this.d = coordinateCells.size();
    this.cells = coordinateCells.stream().mapToInt(Integer::intValue).toArray();
    this.imaginary = new boolean[d];
    for (int j = 0; j < d; j++) {
      imaginary[j] = coordinateImaginary.get(j);
    }
    int[] train = problem.split().train();
    this.n = train.length;
    if ((long) n * Math.max(d, 1) > MAX_DESIGN_ENTRIES) {
      throw new IllegalArgumentException("the design matrix would hold " + (long) n * d + " entries ("
          + MemoryEstimate.human(MemoryEstimate.times((long) n * d, Double.BYTES)) + "): more than " + MAX_DESIGN_ENTRIES);
    }
    double[] y = problem.targets();
    this.targets = new double[n];
    this.design = new double[n * d];
    for (int i = 0; i < n; i++) {
      int a = train[i] / m;
      int b = train[i] % m;
      targets[i] = y[train[i]];
      for (int j = 0; j < d; j++) {
        int k = cells[j] / m;
        int l = cells[j] % m;
        double theta = 2 * Math.PI * (((long) k * a + (long) l * b) % m) / m;
        double weight = mirror(cells[j], m) == cells[j] ? 1 : 2;
        design[i * d + j] = imaginary[j] ? -weight * Math.sin(theta) : weight * Math.cos(theta);
      }
    }
  }

  /**
   * The loss of a problem's training set on a support.
   *
   * @param problem the SFM problem (targets and split)
   * @param support m² flags, closed under the mirror (k, l) → (−k, −l)
   * @return the loss
   * @throws IllegalArgumentException if the support has the wrong size, is not mirror-closed, or the
   *     design matrix would exceed {@link #MAX_DESIGN_ENTRIES}
   */
  public static SfmLoss of(SfmProblem problem, boolean[] support) {
    return new SfmLoss(problem, support);
  }

  /**
   * The cell (−k mod m, −l mod m) of cell k·m + l.
   *
   * @param cell a cell in [0, m²)
   * @param m the side
   * @return the mirror cell
   */
  public static int mirror(int cell, int m) {
    int k = cell / m;
    int l = cell % m;
    return ((m - k) % m) * m + (m - l) % m;
  }

  /**
   * The support of a full m×m interleaved W: cells with |W_kl| above a relative cut.
   *
   * @param w 2m² doubles, interleaved re/im
   * @param m the side
   * @param relativeCut cells with |W_kl| ≤ relativeCut·max|W| are outside
   * @return m² flags
   */
  public static boolean[] support(double[] w, int m, double relativeCut) {
    double max = 0;
    for (int c = 0; c < m * m; c++) {
      max = Math.max(max, Math.hypot(w[2 * c], w[2 * c + 1]));
    }
    boolean[] s = new boolean[m * m];
    for (int c = 0; c < m * m; c++) {
      s[c] = Math.hypot(w[2 * c], w[2 * c + 1]) > relativeCut * max;
    }
    return s;
  }

  /**
   * The coordinates of a Hermitian W on this loss's support.
   *
   * @param w 2m² doubles, interleaved re/im
   * @return d coordinates
   */
  public double[] coordinates(double[] w) {
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = w[2 * cells[j] + (imaginary[j] ? 1 : 0)];
    }
    return x;
  }

  /** @return the design matrix X (n × d, row-major), Ŷ on the training cells = X·w (a copy) */
  public double[] design() {
    return design.clone();
  }

  /** @return m, the side of W */
  public int m() {
    return m;
  }

  @Override
  public int samples() {
    return n;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient) {
    java.util.Arrays.fill(gradient, 0);
    double sq = 0;
    for (int i = 0; i < n; i++) {
      sq += accumulate(w, gradient, i);
    }
    for (int j = 0; j < d; j++) {
      gradient[j] /= n;
    }
    return sq / (2.0 * n);
  }

  @Override
  public double valueAndGradient(double[] w, double[] gradient, int[] rows) {
    java.util.Arrays.fill(gradient, 0);
    double sq = 0;
    for (int i : rows) {
      sq += accumulate(w, gradient, i);
    }
    for (int j = 0; j < d; j++) {
      gradient[j] /= rows.length;
    }
    return sq / (2.0 * rows.length);
  }

  /** Adds r_i·x_i to the gradient (r_i = Ŷ_i − Y_i) and returns r_i². */
  private double accumulate(double[] w, double[] gradient, int i) {
    int row = i * d;
    double f = 0;
    for (int j = 0; j < d; j++) {
      f += design[row + j] * w[j];
    }
    double r = f - targets[i];
    for (int j = 0; j < d; j++) {
      gradient[j] += r * design[row + j];
    }
    return r * r;
  }
}
