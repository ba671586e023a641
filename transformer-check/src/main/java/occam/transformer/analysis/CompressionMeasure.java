package occam.transformer.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import occam.complexity.compression.DescriptionLength;
import occam.io.Json;
import occam.transformer.Snapshot;
import occam.transformer.compression.CompressionEstimate;
import occam.transformer.compression.CompressionGrid;
import occam.transformer.compression.TransformerCompression;
import occam.transformer.records.analysis.Measured;

/**
 * Compression complexity of a snapshot (seed 002, Algorithm 1; {@link TransformerCompression}): the bzip2
 * bits of the most compressed coarse-graining within δ of the snapshot's training loss, its MDL total
 * H(D|θ̃) + K(θ̃), the naïve bzip2 size of the raw weights, and the rate–distortion curve (bits vs δ')
 * from the same search, as numbers {@code bits_delta_…} (the seed's Fig. 5) and as details.
 */
public final class CompressionMeasure implements SnapshotMeasure {
  /** δ of {@code occam analyze}, nats: a tenth of a nat per training example on average. */
  public static final double DEFAULT_DELTA = 0.1;

  /** The bounds of the rate–distortion curve, nats. */
  static final double[] CURVE = {0.01, 0.03, 0.1, 0.3, 1};

  private final double delta;
  private final CompressionGrid grid;

  /** The measure at {@link #DEFAULT_DELTA} on {@link CompressionGrid#ANALYSIS}. */
  public CompressionMeasure() {
    this(DEFAULT_DELTA, CompressionGrid.ANALYSIS);
  }

  /**
   * The measure at a bound on a grid.
   *
   * @param delta δ &gt; 0, nats
   * @param grid the coarse-grainings searched
   * @throws IllegalArgumentException if δ is not a positive finite number
   */
  public CompressionMeasure(double delta, CompressionGrid grid) {
    this.delta = TransformerCompression.requireDelta(delta);
    this.grid = grid;
  }

  @Override
  public String name() {
    return "compression";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "compression complexity (seed 002, Alg. 1): bzip2 bits of the most compressed"
        + " quantized/low-rank description with training loss within delta = %s nats; grid %s", delta, grid.describe());
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    CompressionEstimate e;
    try (TransformerCompression c = TransformerCompression.of(snapshot.config())) {
      e = c.measure(snapshot.parameters(), delta, grid);
    }
    Map<String, Double> n = new LinkedHashMap<>();
    CompressionEstimate.RatePoint best = e.at(delta);
    n.put("bits", best.bits());
    n.put("naive_bits", e.naiveBits());
    n.put("base_loss", e.baseLoss());
    n.put("loss", best.loss());
    n.put("epsilon", best.epsilon());
    n.put("kappa", best.kappa());
    DescriptionLength mdl = e.descriptionLength().orElse(null);
    n.put("data_bits", mdl == null ? Double.NaN : mdl.dataBits());
    n.put("mdl_bits", mdl == null ? Double.NaN : mdl.totalBits());
    JsonArray curve = new JsonArray();
    for (CompressionEstimate.RatePoint p : e.curve(CURVE)) {
      n.put("bits_delta_" + Double.toString(p.delta()).replace('.', '_'), p.bits());
      curve.add(Json.COMPACT.toJsonTree(p));
    }
    JsonObject details = new JsonObject();
    details.add("rate_distortion", curve);
    e.best().ifPresent(p -> details.add("ranks", Json.COMPACT.toJsonTree(p.result().ranks())));
    String cell = Double.isNaN(best.bits()) ? "–" : String.format(Locale.ROOT, "%.0f", best.bits());
    return new Measured(cell, n, details);
  }
}
