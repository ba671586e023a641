package occam.transformer.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import occam.modular.ModularTask;
import occam.transformer.Hook;
import occam.transformer.HookPoint;
import occam.transformer.records.ModelConfig;

/**
 * Causal mediation scores of the attention heads (seed 004, §4 "Key Designs"; the method of Vig et
 * al. 2020). For a pair of inputs s₁, s₂ of the task with answers y₁ ≠ y₂, let s̃ be the pass on s₁
 * in which head h's output is replaced by its value on s₂; then
 *
 * <pre>
 *   CMS(h) = [M(y₂|s̃) − M(y₁|s̃)] − [M(y₂|s₁) − M(y₁|s₁)]
 * </pre>
 *
 * with M the last-position logits (not probabilities: logit differences add up over heads and do not
 * saturate on a confident model). A head's output is taken at {@link HookPoint.Kind#HEAD_Z}, its A·V
 * before W_O, which W_O maps linearly and head by head to the head's contribution to the stream, so
 * patching it patches exactly that contribution; the {@link PatchSite} says at which positions (in
 * the last layer, which computes only the answer position, both sites patch that position alone, the
 * only one the logits read). A
 * head off the causal path scores 0; one that carries the answer alone scores the whole swing of
 * the logit difference.
 *
 * <p>Pairs: s₁ and s₂ are domain cells drawn independently and uniformly from the whole domain
 * (train and test) by a {@link SplittableRandom} of the seed, redrawing s₂ until y₂ ≠ y₁ (equal
 * answers would score 0 by definition); so the operands differ.
 *
 * <p>Layer bands: layer l of L is in band ⌊3l/L⌋ (first, middle, last third; for the paper's 48
 * layers 0–15, 16–31, 32–47), and a band's share is Σ_{l in band, h} |CMS̄(l, h)| / Σ_{l, h}
 * |CMS̄(l, h)| over the mean scores CMS̄.
 *
 * @param site where heads were patched
 * @param pairs number of pairs averaged
 * @param seed seed of the pair sample
 * @param meanScore CMS̄(l, h), the mean over the pairs, layers × heads
 * @param bandShares the shares of the first, middle and last third of the layers (NaN if every score is 0)
 */
public record CausalMediation(PatchSite site, int pairs, long seed, double[][] meanScore, double[] bandShares) {

  /** Number of layer bands of {@link #bandShares}. */
  public static final int BANDS = 3;

  /**
   * Measures every head of a model.
   *
   * @param internals the model
   * @param pairs number of pairs, ≥ 1
   * @param seed seed of the pairs
   * @param site where to patch
   * @return the scores
   * @throws IllegalArgumentException if pairs &lt; 1 or site is null
   */
  static CausalMediation measure(ModelInternals internals, int pairs, long seed, PatchSite site) {
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs = " + pairs + " is not allowed: it must be >= 1");
    }
    if (site == null) {
      throw new IllegalArgumentException("patch site must be given");
    }
    ModelConfig model = internals.config().model();
    ModularTask task = internals.config().task();
    int[][] cells = samplePairs(task, pairs, seed);
    double[][] sum = new double[model.layers()][model.heads()];
    int chunk = internals.chunkCells();
    for (int from = 0; from < pairs; from += chunk) {
      int to = Math.min(pairs, from + chunk);
      accumulate(internals, Arrays.copyOfRange(cells[0], from, to), Arrays.copyOfRange(cells[1], from, to), site, sum);
    }
    double[][] mean = new double[model.layers()][];
    for (int l = 0; l < mean.length; l++) {
      mean[l] = Arrays.stream(sum[l]).map(s -> s / pairs).toArray();
    }
    return new CausalMediation(site, pairs, seed, mean, bandShares(mean));
  }

  /**
   * The seeded pairs of the class comment.
   *
   * @param task the task
   * @param pairs how many
   * @param seed the seed
   * @return {s₁ cells, s₂ cells}
   */
  static int[][] samplePairs(ModularTask task, int pairs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = task.domainSize();
    int[][] cells = new int[2][pairs];
    for (int i = 0; i < pairs; i++) {
      cells[0][i] = random.nextInt(n);
      do {
        cells[1][i] = random.nextInt(n);
      } while (task.label(cells[1][i]) == task.label(cells[0][i]));
    }
    return cells;
  }

  /** Adds Σ_pairs CMS(l, h) of one chunk of pairs to sum. */
  private static void accumulate(ModelInternals internals, int[] cells1, int[] cells2, PatchSite site,
      double[][] sum) {
    ModularTask task = internals.config().task();
    int p = task.p();
    int heads = internals.config().model().heads();
    try (NDManager scratch = internals.scratch()) {
      Map<Integer, NDArray> z2 = new HashMap<>();
      internals.logits(internals.tokens(scratch, cells2), (point, value) -> {
        if (point.kind() == HookPoint.Kind.HEAD_Z) {
          z2.put(point.layer(), value);
        }
        return value;
      });
      NDArray tokens1 = internals.tokens(scratch, cells1);
      float[] clean = internals.logits(tokens1, Hook.NONE);
      for (int l = 0; l < sum.length; l++) {
        for (int h = 0; h < heads; h++) {
          float[] patched = internals.logits(tokens1, patch(scratch, l, h, heads, site, z2));
          for (int i = 0; i < cells1.length; i++) {
            int y1 = task.label(cells1[i]);
            int y2 = task.label(cells2[i]);
            sum[l][h] += (patched[i * p + y2] - patched[i * p + y1]) - (clean[i * p + y2] - clean[i * p + y1]);
          }
        }
      }
    }
  }

  /**
   * The hook that grafts head h of layer l from s₂: z ← z·(1 − M) + z₂·M with M the 0/1 mask of the
   * head (and of the last position, for {@link PatchSite#ANSWER_POSITION}); exact, as M is 0 or 1.
   */
  private static Hook patch(NDManager scratch, int layer, int head, int heads, PatchSite site,
      Map<Integer, NDArray> z2) {
    return (point, value) -> {
      if (point.kind() != HookPoint.Kind.HEAD_Z || point.layer() != layer) {
        return value;
      }
      int positions = (int) value.getShape().get(2);
      float[] mask = new float[heads * positions];
      for (int t = site == PatchSite.ANSWER_POSITION ? positions - 1 : 0; t < positions; t++) {
        mask[head * positions + t] = 1;
      }
      NDArray m = scratch.create(mask, new Shape(1, heads, positions, 1));
      return value.mul(m.neg().add(1)).add(z2.get(layer).mul(m));
    };
  }

  /** The band shares of the class comment. */
  static double[] bandShares(double[][] meanScore) {
    int layers = meanScore.length;
    double[] shares = new double[BANDS];
    double total = 0;
    for (int l = 0; l < layers; l++) {
      for (double s : meanScore[l]) {
        shares[band(l, layers)] += Math.abs(s);
        total += Math.abs(s);
      }
    }
    for (int b = 0; b < BANDS; b++) {
      shares[b] = total > 0 ? shares[b] / total : Double.NaN;
    }
    return shares;
  }

  /**
   * The band of a layer.
   *
   * @param layer l in [0, L)
   * @param layers L
   * @return ⌊3l/L⌋: 0 first, 1 middle, 2 last third
   */
  public static int band(int layer, int layers) {
    return (int) ((long) BANDS * layer / layers);
  }
}
