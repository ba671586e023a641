package occam.transformer.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import occam.io.Json;
import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.Table1Column;

/**
 * Table 1's bypass column: {@link SkipAblation} of every contiguous layer range of length up to
 * min(L, {@link #MAX_LENGTH}), train and test accuracy each, a range bypassable when its skip costs at
 * most {@link SkipAblation#DEFAULT_TOLERANCE} of train and of test accuracy. Cell: the maximal
 * bypassable ranges ({@link SkipAblation#maximalBypassable}) and the model's own train and test
 * accuracy (a model at chance on both has every range trivially bypassable). Numbers: {@code train_accuracy}, {@code test_accuracy}, {@code
 * bypassable_layers} (layers bypassable alone), {@code longest_bypassable} (0 for none); details: the
 * whole {@link SkipAblation} (every range's accuracies) and the maximal ranges.
 *
 * <p>Measured at the Table 1 checkpoints only: it costs one pass over the domain per range.
 */
public final class BypassMeasure implements SnapshotMeasure {
  /** Longest range skipped. */
  public static final int MAX_LENGTH = 8;

  @Override
  public String name() {
    return Table1Column.BYPASS.measure();
  }

  @Override
  public String description() {
    return "skip-ablation: train and test accuracy with every contiguous layer range of length 1..min(L, " + MAX_LENGTH
        + ") bypassed (the residual stream passes unchanged); bypassable = train and test accuracy each drop by at"
        + " most " + SkipAblation.DEFAULT_TOLERANCE + "; cell: the maximal bypassable ranges (layers, from–to inclusive)";
  }

  @Override
  public boolean everySnapshot() {
    return false;
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    int maxLength = Math.min(MAX_LENGTH, snapshot.config().model().layers());
    return of(ModelInternals.with(snapshot, model -> model.skipAblation(maxLength)));
  }

  /**
   * The result of a measured model.
   *
   * @param skip its ablation
   * @return cell, numbers and details of the class comment
   */
  static Measured of(SkipAblation skip) {
    List<SkipAblation.SkippedRange> maximal = skip.maximalBypassable();
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("train_accuracy", skip.trainAccuracy());
    numbers.put("test_accuracy", skip.testAccuracy());
    numbers.put("bypassable_layers", (double) skip.bypassable().size());
    numbers.put("longest_bypassable", skip.longestBypassable() == null ? 0.0 : skip.longestBypassable().length());
    JsonObject details = Json.COMPACT.toJsonTree(skip).getAsJsonObject();
    JsonArray ranges = new JsonArray();
    for (SkipAblation.SkippedRange r : maximal) {
      JsonArray range = new JsonArray();
      range.add(r.from());
      range.add(r.to());
      ranges.add(range);
    }
    details.add("maximal_bypassable", ranges);
    String layers = maximal.isEmpty() ? "none" : maximal.stream().map(BypassMeasure::layers).collect(Collectors.joining(", "));
    String cell = String.format(Locale.ROOT, "%s of 0–%d (acc train %.3f, test %.3f)", layers, skip.layers() - 1,
        skip.trainAccuracy(), skip.testAccuracy());
    return new Measured(cell, numbers, details);
  }

  /** A range as inclusive layers: {@code 2–3}, or {@code 4}. */
  private static String layers(SkipAblation.SkippedRange r) {
    return r.length() == 1 ? Integer.toString(r.from()) : r.from() + "–" + (r.to() - 1);
  }
}
