package occam.sfm.opencl;

import com.aparapi.Kernel;
import occam.sfm.SfmSolver;

/**
 * The SFM iteration of {@link SfmSolver} for a batch of cells, as eight Aparapi kernel stages that
 * run one after another on the device (SPEC §3). This class holds the integer state and the
 * bookkeeping shared by both precisions; {@link SfmKernel64} and {@link SfmKernel32} hold the real
 * arrays and the arithmetic.
 *
 * <p>Legend: B = cells in the batch (all with the same m and p), m = side, N = m², c = cell, (a, b)
 * or (k, l) = row and column of an m×m matrix. Cell c's matrices live at offset c·N (interleaved
 * re/im complex matrices at 2c·N): the batch is the outermost dimension, so work item g of an
 * element stage is cell g / N, entry g mod N; of a row stage, cell g / m, row g mod m; of a cell
 * stage, cell g.
 *
 * <p>The DFTs are dense matrix products with the twiddle matrix F[k, x] = e^{−2πi·kx/m} (symmetric)
 * and G = conj F, which is right for any m, prime included (no radix-2): Ŷ = G·W·G = m²·IDFT2(W)
 * and DFT2(R) = F·R·F, exactly SPEC §2's convention (forward unnormalized, inverse with 1/m², so
 * Ŷ carries no factor). Each product is O(m³) per cell, m multiply-adds per work item.
 *
 * <p>Iteration t (stage by stage, {@code t} and {@code stage} are scalars sent with each launch):
 *
 * <ol>
 *   <li>{@link #INVERSE_ROWS} (B·N items): T = W·G.
 *   <li>{@link #PREDICT} (B·N): Ŷ = Re(G·T) (W is Hermitian, so Ŷ is real).
 *   <li>{@link #RESIDUAL_ROWS} (B·m): R = M ⊙ (Y − Ŷ); per row: Σ_S (Y − Ŷ)², Σ_{¬S} (c − Ŷ)² and
 *       the numbers of correct readouts round(Ŷ) mod p = c on and off S.
 *   <li>{@link #MEASURE} (B): per cell: totals, t_mem, t_gen, divergence, and the stopping rule.
 *   <li>{@link #FORWARD_ROWS} (B·N): U = R·F.
 *   <li>{@link #DRIFT_GATE} (B·N): W̃ = (1 − ηγ)·W + (η/m²)·F·U, W = gate(W̃, τ), and per entry
 *       |ΔW|² and |W|².
 *   <li>{@link #STEP_ROWS} (B·m): per row sums of |ΔW|² and |W|².
 *   <li>{@link #CONVERGENCE} (B): ‖ΔW‖_F ≤ tol·max(‖W‖_F, 1) for a window of iterations.
 * </ol>
 *
 * <p>A cell whose stopping rule fired ({@code active[c] = 0}) is frozen: every stage skips it, so
 * its weights and its last measurements stay those of the iteration it stopped at.
 */
abstract class SfmKernel extends Kernel {
  /** Stage: T = W·G. */
  static final int INVERSE_ROWS = 0;

  /** Stage: Ŷ = Re(G·T). */
  static final int PREDICT = 1;

  /** Stage: residual and per-row fit sums. */
  static final int RESIDUAL_ROWS = 2;

  /** Stage: per-cell accuracies, t_mem, t_gen and the stopping rule. */
  static final int MEASURE = 3;

  /** Stage: U = R·F. */
  static final int FORWARD_ROWS = 4;

  /** Stage: drift and gate. */
  static final int DRIFT_GATE = 5;

  /** Stage: per-row sums of the step. */
  static final int STEP_ROWS = 6;

  /** Stage: per-cell convergence window. */
  static final int CONVERGENCE = 7;

  /** Stop code: still running. */
  static final int RUNNING = 0;

  /** Stop code: ran its budget. */
  static final int BUDGET = 1;

  /** Stop code: converged. */
  static final int CONVERGED = 2;

  /** Stop code: diverged. */
  static final int DIVERGED = 3;

  /** Gate code of the hard gate; 1 is the soft gate. */
  static final int HARD_GATE = 0;

  /** The divergence factor of {@link SfmSolver#DIVERGENCE_FACTOR}. */
  static final double DIVERGENCE_FACTOR = SfmSolver.DIVERGENCE_FACTOR;

  /** m. */
  int m;

  /** N = m². */
  int nn;

  /** The prime p of the readout round(Ŷ) mod p. */
  int p;

  /** B. */
  int cells;

  /** The stage the next launch runs. */
  int stage;

  /** The iteration the next launches belong to. */
  int t;

  /** Labels c per entry (B·N). */
  int[] label;

  /** Train mask M per entry, 1 on S (B·N). */
  int[] mask;

  /** Correct readouts on S per row (B·m). */
  int[] rowTrainOk;

  /** Correct readouts off S per row (B·m). */
  int[] rowTestOk;

  /** Per cell: {@link #HARD_GATE} or 1 (soft). */
  int[] gate;

  /** Per cell: iteration budget. */
  int[] iters;

  /** Per cell: convergence window. */
  int[] window;

  /** Per cell: n = |S|. */
  int[] nTrain;

  /** Per cell: the least number of correct train readouts with count/n ≥ threshold. */
  int[] needTrain;

  /** Per cell: likewise off S (0 when the test set is empty, whose accuracy counts as 1). */
  int[] needTest;

  /** Per cell: 1 while running, 0 once stopped (frozen). */
  int[] active;

  /** Per cell: stop code. */
  int[] stop;

  /** Per cell: t_mem, or −1. */
  int[] tMem;

  /** Per cell: t_gen, or −1. */
  int[] tGen;

  /** Per cell: the iteration it stopped at. */
  int[] tStop;

  /** Per cell: consecutive quiet iterations. */
  int[] quiet;

  /** Per cell: 1 once the convergence window is full. */
  int[] converged;

  /** Per cell: correct readouts on S at the last measured iteration. */
  int[] trainOk;

  /** Per cell: correct readouts off S at the last measured iteration. */
  int[] testOk;

  /**
   * Allocates the integer arrays.
   *
   * @param cells B
   * @param m side
   * @param p prime of the readout
   */
  SfmKernel(int cells, int m, int p) {
    this.cells = cells;
    this.m = m;
    this.nn = m * m;
    this.p = p;
    label = new int[cells * nn];
    mask = new int[cells * nn];
    rowTrainOk = new int[cells * m];
    rowTestOk = new int[cells * m];
    gate = new int[cells];
    iters = new int[cells];
    window = new int[cells];
    nTrain = new int[cells];
    needTrain = new int[cells];
    needTest = new int[cells];
    active = new int[cells];
    stop = new int[cells];
    tMem = new int[cells];
    tGen = new int[cells];
    tStop = new int[cells];
    quiet = new int[cells];
    converged = new int[cells];
    trainOk = new int[cells];
    testOk = new int[cells];
  }

  @Override
  public void run() {
    int g = getGlobalId();
    if (stage == INVERSE_ROWS) {
      if (g < cells * nn) {
        inverseRows(g);
      }
    } else if (stage == PREDICT) {
      if (g < cells * nn) {
        predict(g);
      }
    } else if (stage == RESIDUAL_ROWS) {
      if (g < cells * m) {
        residualRows(g);
      }
    } else if (stage == MEASURE) {
      if (g < cells) {
        measure(g);
      }
    } else if (stage == FORWARD_ROWS) {
      if (g < cells * nn) {
        forwardRows(g);
      }
    } else if (stage == DRIFT_GATE) {
      if (g < cells * nn) {
        driftGate(g);
      }
    } else if (stage == STEP_ROWS) {
      if (g < cells * m) {
        stepRows(g);
      }
    } else if (stage == CONVERGENCE) {
      if (g < cells) {
        convergence(g);
      }
    }
  }

  /**
   * The row of element item g = c·N + row·m + col.
   *
   * @param g element work item
   * @return row
   */
  int rowOf(int g) {
    return g % nn / m;
  }

  /**
   * The column of element item g = c·N + row·m + col.
   *
   * @param g element work item
   * @return column
   */
  int colOf(int g) {
    return g % m;
  }

  /**
   * Stage {@link #INVERSE_ROWS} for element item g.
   *
   * @param g work item
   */
  abstract void inverseRows(int g);

  /**
   * Stage {@link #PREDICT} for element item g.
   *
   * @param g work item
   */
  abstract void predict(int g);

  /**
   * Stage {@link #RESIDUAL_ROWS} for row item g.
   *
   * @param g work item
   */
  abstract void residualRows(int g);

  /**
   * Stage {@link #MEASURE} for cell g.
   *
   * @param g work item
   */
  abstract void measure(int g);

  /**
   * Stage {@link #FORWARD_ROWS} for element item g.
   *
   * @param g work item
   */
  abstract void forwardRows(int g);

  /**
   * Stage {@link #DRIFT_GATE} for element item g.
   *
   * @param g work item
   */
  abstract void driftGate(int g);

  /**
   * Stage {@link #STEP_ROWS} for row item g.
   *
   * @param g work item
   */
  abstract void stepRows(int g);

  /**
   * Stage {@link #CONVERGENCE} for cell g.
   *
   * @param g work item
   */
  abstract void convergence(int g);

  /**
   * Sums the per-row readout counts of cell c and records t_mem and t_gen: the first t with train
   * accuracy ≥ thr, and with train and test accuracy ≥ thr (as counts against {@link #needTrain}
   * and {@link #needTest}, which the host derived from thr in double precision). This is the
   * device-side twin of {@link occam.modular.Milestones#observe}: Aparapi kernels cannot call host
   * objects, so the rule is repeated here and checked against the CPU engine by the agreement tests.
   *
   * @param c cell
   */
  void countReadouts(int c) {
    int okOn = 0;
    int okOff = 0;
    for (int a = 0; a < m; a++) {
      okOn += rowTrainOk[c * m + a];
      okOff += rowTestOk[c * m + a];
    }
    trainOk[c] = okOn;
    testOk[c] = okOff;
    if (tMem[c] < 0 && okOn >= needTrain[c]) {
      tMem[c] = t;
    }
    if (tGen[c] < 0 && okOn >= needTrain[c] && okOff >= needTest[c]) {
      tGen[c] = t;
    }
  }

  /**
   * The stopping rule of {@link SfmSolver} after measuring W_t: divergence first, then a full
   * convergence window, then the budget t ≥ iters. A stopped cell is frozen.
   *
   * @param c cell
   * @param diverged 1 if W_t's losses are non-finite or past the divergence bound
   */
  void settle(int c, int diverged) {
    int code = RUNNING;
    if (diverged == 1) {
      code = DIVERGED;
    } else if (converged[c] == 1) {
      code = CONVERGED;
    } else if (t >= iters[c]) {
      code = BUDGET;
    }
    if (code != RUNNING) {
      stop[c] = code;
      tStop[c] = t;
      active[c] = 0;
    }
  }

  /**
   * Counts quiet iterations: the window fills after {@code window} consecutive steps within
   * tolerance, and any other step empties it.
   *
   * @param c cell
   * @param within 1 if ‖ΔW‖_F ≤ tol·max(‖W‖_F, 1) with tol &gt; 0
   */
  void countQuiet(int c, int within) {
    if (within == 1) {
      quiet[c] = quiet[c] + 1;
      if (quiet[c] >= window[c]) {
        converged[c] = 1;
      }
    } else {
      quiet[c] = 0;
    }
  }

  /**
   * Copies the initial state of every cell to the host arrays (before the first upload).
   *
   * @param c cell
   * @param gateCode {@link #HARD_GATE} or 1
   * @param budget iteration budget
   * @param win convergence window
   * @param n |S|
   * @param needOn least correct count on S
   * @param needOff least correct count off S
   */
  void setCell(int c, int gateCode, int budget, int win, int n, int needOn, int needOff) {
    gate[c] = gateCode;
    iters[c] = budget;
    window[c] = win;
    nTrain[c] = n;
    needTrain[c] = needOn;
    needTest[c] = needOff;
    active[c] = 1;
    stop[c] = RUNNING;
    tMem[c] = -1;
    tGen[c] = -1;
    tStop[c] = -1;
  }

  /**
   * Loads the real-valued data of the batch into this kernel's arrays (converted to its
   * precision).
   *
   * @param twRe Re F, m×m
   * @param twIm Im F, m×m
   * @param target Y per entry (B·N)
   * @param w0 interleaved W₀ (2B·N)
   * @param tau τ per cell
   * @param eta η per cell
   * @param decay 1 − ηγ per cell
   * @param stepScale η/m² per cell
   * @param tol convergence tolerance per cell
   */
  abstract void load(double[] twRe, double[] twIm, double[] target, double[] w0, double[] tau,
      double[] eta, double[] decay, double[] stepScale, double[] tol);

  /** Sends every array to the device (explicit mode); before the first launch. */
  void putAll() {
    put(label).put(mask).put(rowTrainOk).put(rowTestOk).put(gate).put(iters).put(window).put(nTrain)
        .put(needTrain).put(needTest).put(active).put(stop).put(tMem).put(tGen).put(tStop).put(quiet)
        .put(converged).put(trainOk).put(testOk);
    putReals();
  }

  /** Sends the real arrays to the device. */
  abstract void putReals();

  /** Fetches the per-cell state and last measurements (small arrays, B entries each). */
  void fetchCells() {
    get(active).get(stop).get(tMem).get(tGen).get(tStop).get(trainOk).get(testOk);
    fetchCellReals();
  }

  /** Fetches the per-cell real measurements. */
  abstract void fetchCellReals();

  /**
   * Fetches W of every cell (2B·N values).
   *
   * @return interleaved W, in double precision, as a fresh or reused array
   */
  abstract double[] fetchWeights();

  /**
   * Σ_S (Y − Ŷ)² of cell c at the last measured iteration (after {@link #fetchCells}).
   *
   * @param c cell
   * @return the sum
   */
  abstract double trainSq(int c);

  /**
   * Σ_{¬S} (c − Ŷ)² of cell c at the last measured iteration (after {@link #fetchCells}).
   *
   * @param c cell
   * @return the sum
   */
  abstract double testSq(int c);
}
