package occam.transformer.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.io.Json;
import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.Table1Column;

/**
 * Table 1's CMA column: the causal mediation score CMS̄(l, h) of every head ({@link CausalMediation},
 * logit differences, head output patched at every position) over the same {@link #PAIRS} pairs of
 * seed {@link #SEED} at every snapshot measured, so the heatmaps of two checkpoints compare the same
 * inputs. Cell: the share of Σ|CMS̄| of each layer band (first, middle, last third of the layers, the
 * bands that hold a layer) and the head of largest |CMS̄|. Numbers: {@code share_first}, {@code
 * share_middle}, {@code share_last} (NaN for a band without layers), {@code sum_abs} = Σ_{l,h}|CMS̄|;
 * details: the whole {@link CausalMediation} (its {@code mean_score} is the layer × head heatmap) and
 * each band's layers.
 *
 * <p>Measured at the Table 1 checkpoints only: it costs L·H patched forward passes over the pairs.
 */
public final class CmaMeasure implements SnapshotMeasure {
  /** Input pairs averaged per snapshot. */
  public static final int PAIRS = 256;

  /** Seed of the pair sample, the same for every snapshot. */
  public static final long SEED = 0;

  private static final String[] BAND_NAMES = {"first", "middle", "last"};

  @Override
  public String name() {
    return Table1Column.CMA.measure();
  }

  @Override
  public String description() {
    return "causal mediation per head, CMS(h) = [M(y₂|s̃) − M(y₁|s̃)] − [M(y₂|s₁) − M(y₁|s₁)] on the answer logits M,"
        + " head h's output (A·V before W_O) patched from s₂ at every position, mean over " + PAIRS
        + " seeded pairs (seed " + SEED + ", answers differ); cell: share of Σ|CMS̄| per layer band (thirds of the"
        + " layers) and the head of largest |CMS̄|";
  }

  @Override
  public boolean everySnapshot() {
    return false;
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    return of(ModelInternals.with(snapshot, model -> model.cma(PAIRS, SEED)));
  }

  /**
   * The result of a measured model.
   *
   * @param cma its scores
   * @return cell, numbers and details of the class comment
   */
  static Measured of(CausalMediation cma) {
    double[][] score = cma.meanScore();
    int layers = score.length;
    List<int[]> bands = bandLayers(layers);
    Map<String, Double> numbers = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    JsonArray bandJson = new JsonArray();
    for (int b = 0; b < CausalMediation.BANDS; b++) {
      int[] range = bands.get(b);
      numbers.put("share_" + BAND_NAMES[b], range == null ? Double.NaN : cma.bandShares()[b]);
      if (range != null) {
        String layerText = range[0] == range[1] ? "L" + range[0] : "L" + range[0] + "–" + range[1];
        parts.add(String.format(Locale.ROOT, "%s %.2f", layerText, cma.bandShares()[b]));
        JsonObject band = new JsonObject();
        band.addProperty("band", BAND_NAMES[b]);
        band.addProperty("first_layer", range[0]);
        band.addProperty("last_layer", range[1]);
        band.add("share", Json.number(cma.bandShares()[b]));
        bandJson.add(band);
      }
    }
    double sum = 0;
    int topLayer = 0;
    int topHead = 0;
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < score[l].length; h++) {
        sum += Math.abs(score[l][h]);
        if (Math.abs(score[l][h]) > Math.abs(score[topLayer][topHead])) {
          topLayer = l;
          topHead = h;
        }
      }
    }
    numbers.put("sum_abs", sum);
    JsonObject details = Json.COMPACT.toJsonTree(cma).getAsJsonObject();
    details.add("bands", bandJson);
    String cell = sum > 0
        ? String.join(", ", parts) + String.format(Locale.ROOT, "; top L%d.H%d (%.2f)", topLayer, topHead, score[topLayer][topHead])
        : "no head mediates (all CMS̄ = 0)";
    return new Measured(cell, numbers, details);
  }

  /**
   * The layers of each band ({@link CausalMediation#band}).
   *
   * @param layers L ≥ 1
   * @return per band {first, last} layer, or null for a band without layers
   */
  static List<int[]> bandLayers(int layers) {
    List<int[]> out = new ArrayList<>();
    for (int b = 0; b < CausalMediation.BANDS; b++) {
      int[] range = null;
      for (int l = 0; l < layers; l++) {
        if (CausalMediation.band(l, layers) == b) {
          range = range == null ? new int[] {l, l} : new int[] {range[0], l};
        }
      }
      out.add(range);
    }
    return out;
  }
}
