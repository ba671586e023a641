package occam.transformer.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import occam.complexity.lmn.LinearMappingNumber;
import occam.complexity.lmn.PathLinearity;
import occam.transformer.HookPoint;
import occam.transformer.Snapshot;
import occam.transformer.records.ModelConfig;
import occam.transformer.records.analysis.Measured;

/**
 * The linear mapping number of a snapshot (seed 003, Liu, Zhong and Tegmark, arXiv:2310.05918; {@link
 * LinearMappingNumber}). N training inputs are drawn with a fixed seed; for each pair (i, j) the input
 * embedding x₀ = W_E[tokens] + W_pos (the layer-0 {@link HookPoint.Kind#RESID_PRE}) is interpolated,
 * x₀(t) = (1 − t)·x₀(i) + t·x₀(j) at m equally spaced t ∈ [0, 1] (the positions' part is common, so this
 * interpolates the token embeddings), the network's output path is its last-position logits, L_ij is the
 * pooled R² of that path's linear fit ({@link PathLinearity}), L_ii = 1, and LMN = exp(S(L / tr L)).
 * Numbers: {@code lmn}, {@code entropy}, {@code mean_r2} (mean off-diagonal L_ij), {@code clipped_mass}.
 */
public final class LmnMeasure implements SnapshotMeasure {
  /** Inputs N: 32 gives 496 pairs, LMN in [1, 32]. */
  public static final int DEFAULT_INPUTS = 32;

  /** Points per path m, t = 0, 1/8, …, 1. */
  public static final int DEFAULT_POINTS = 9;

  private static final HookPoint EMBEDDING = new HookPoint(HookPoint.Kind.RESID_PRE, 0);

  private final int inputs;
  private final int points;
  private final long seed;

  /** N = {@link #DEFAULT_INPUTS}, m = {@link #DEFAULT_POINTS}, seed 0. */
  public LmnMeasure() {
    this(DEFAULT_INPUTS, DEFAULT_POINTS, 0);
  }

  /**
   * The measure on a seeded input sample.
   *
   * @param inputs N ≥ 2
   * @param points m ≥ 3
   * @param seed seed of the sample of training inputs
   * @throws IllegalArgumentException if N &lt; 2 or m &lt; 3
   */
  public LmnMeasure(int inputs, int points, long seed) {
    if (inputs < 2 || points < 3) {
      throw new IllegalArgumentException("LMN needs N >= 2 inputs and m >= 3 points per path, got " + inputs
          + " and " + points);
    }
    this.inputs = inputs;
    this.points = points;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "lmn";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "linear mapping number (seed 003): exp(von Neumann entropy) of L, L_ij = R^2 of"
        + " the logit path along embedding interpolations between %d seeded training inputs (%d points per path)",
        inputs, points);
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    try (ModelInternals model = new ModelInternals(snapshot.config(), snapshot.parameters())) {
      double[][] l = connectivity(model);
      LinearMappingNumber lmn = LinearMappingNumber.of(l);
      int n = l.length;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sum += i == j ? 0 : l[i][j];
        }
      }
      Map<String, Double> numbers = new LinkedHashMap<>();
      numbers.put("lmn", lmn.value());
      numbers.put("entropy", lmn.entropy());
      numbers.put("mean_r2", sum / ((double) n * (n - 1)));
      numbers.put("clipped_mass", lmn.clippedMass());
      return new Measured(String.format(Locale.ROOT, "%.2f", lmn.value()), numbers, null);
    }
  }

  /** The N×N matrix L of the sampled training inputs. */
  double[][] connectivity(ModelInternals model) {
    int[] train = model.data().trainCells();
    int[] cells = new Random(seed).ints(0, train.length).distinct().limit(Math.min(inputs, train.length))
        .map(i -> train[i]).toArray();
    int n = cells.length;
    int t = ModelConfig.TASK_CONTEXT;
    int d = model.config().model().dModel();
    int p = model.config().model().classes();
    float[][] x0 = new float[n][];
    try (NDManager scratch = model.scratch()) {
      model.logits(model.tokens(scratch, cells), (point, value) -> {
        if (point.equals(EMBEDDING)) {
          float[] all = value.toFloatArray();
          for (int i = 0; i < n; i++) {
            x0[i] = Arrays.copyOfRange(all, i * t * d, (i + 1) * t * d);
          }
        }
        return value;
      });
    }
    double[] ts = new double[points];
    for (int k = 0; k < points; k++) {
      ts[k] = (double) k / (points - 1);
    }
    int[][] pairs = new int[n * (n - 1) / 2][];
    int at = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[at++] = new int[] {i, j};
      }
    }
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      l[i][i] = 1;
    }
    int perChunk = Math.max(1, model.chunkCells() / points);
    for (int from = 0; from < pairs.length; from += perChunk) {
      int count = Math.min(perChunk, pairs.length - from);
      float[] path = new float[count * points * t * d];
      for (int c = 0; c < count; c++) {
        float[] a = x0[pairs[from + c][0]];
        float[] b = x0[pairs[from + c][1]];
        for (int k = 0; k < points; k++) {
          int base = (c * points + k) * t * d;
          for (int e = 0; e < t * d; e++) {
            path[base + e] = (float) ((1 - ts[k]) * a[e] + ts[k] * b[e]);
          }
        }
      }
      float[] logits;
      try (NDManager scratch = model.scratch()) {
        NDArray replacement = scratch.create(path, new Shape(count * points, t, d));
        int[] rows = new int[count * points]; // any tokens: the embedding is replaced
        logits = model.logits(model.tokens(scratch, rows), (point, value) -> point.equals(EMBEDDING) ? replacement : value);
      }
      for (int c = 0; c < count; c++) {
        double[][] y = new double[points][p];
        for (int k = 0; k < points; k++) {
          for (int q = 0; q < p; q++) {
            y[k][q] = logits[(c * points + k) * p + q];
          }
        }
        double r2 = PathLinearity.rSquared(ts, y);
        l[pairs[from + c][0]][pairs[from + c][1]] = r2;
        l[pairs[from + c][1]][pairs[from + c][0]] = r2;
      }
    }
    return l;
  }
}
