package occam.transformer.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import occam.io.Json;
import occam.modular.ModularTask;
import occam.transformer.Snapshot;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.Table1Column;

/**
 * The embedding manifold (seed 004, Table 1's "embedding manifold"): PCA of W_E's rows in group order
 * ({@link EmbeddingRows}, {@link PrincipalComponents}) and the {@link RingScore}. Numbers: {@code
 * ring_score}, {@code ring_share}, {@code ring_alignment}, {@code ring_frequency} (k*), {@code
 * pc1_share}, {@code pc2_share}; details: the group order u(a), the explained-variance shares of the
 * first {@link #SHARES_KEPT} components and each row's coordinates on the first two.
 */
public final class EmbeddingGeometry implements SnapshotMeasure {
  /** Explained-variance shares kept in the details. */
  public static final int SHARES_KEPT = 10;

  @Override
  public String name() {
    return Table1Column.RING.measure();
  }

  @Override
  public String description() {
    return "PCA of W_E's rows in group order (token order for add/sub, discrete-log order for mul/div) and the"
        + " ring score = share of the centred energy in span{cos, sin(2πk*a/m)} × circular correlation of the"
        + " top-2-PC angle with 2πk*a/m";
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    ModularTask task = snapshot.config().task();
    double[][] rows = EmbeddingRows.of(snapshot.parameter(EmbeddingRows.W_E), task);
    PrincipalComponents pca = PrincipalComponents.of(rows);
    RingScore ring = RingScore.of(rows, pca);
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("ring_score", ring.score());
    numbers.put("ring_share", ring.share());
    numbers.put("ring_alignment", ring.alignment());
    numbers.put("ring_frequency", (double) ring.frequency());
    numbers.put("pc1_share", pca.share(0));
    numbers.put("pc2_share", pca.share(1));
    JsonObject details = new JsonObject();
    JsonArray order = new JsonArray();
    for (int a = 0; a < rows.length; a++) {
      order.add(task.element(a));
    }
    details.add("order", order);
    JsonArray shares = new JsonArray();
    for (int i = 0; i < Math.min(SHARES_KEPT, pca.explained().length); i++) {
      shares.add(Json.number(pca.explained()[i]));
    }
    details.add("explained_variance", shares);
    JsonArray projection = new JsonArray();
    for (double[] s : pca.scores()) {
      JsonArray point = new JsonArray();
      point.add(Json.number(s[0]));
      point.add(Json.number(s.length > 1 ? s[1] : 0));
      projection.add(point);
    }
    details.add("projection", projection);
    String cell = String.format(Locale.ROOT, "%.3f (k* = %d; PC1+PC2 %.0f%%)", ring.score(), ring.frequency(),
        100 * (pca.share(0) + pca.share(1)));
    return new Measured(cell, numbers, details);
  }
}
