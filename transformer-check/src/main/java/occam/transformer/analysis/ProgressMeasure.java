package occam.transformer.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import occam.io.Json;
import occam.io.UsageException;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.records.analysis.Measured;

/**
 * Nanda et al.'s progress measures ({@link ProgressMeasures}) at every snapshot, with one set of key
 * frequencies K for the whole run: those of the final snapshot's model ({@link #ofRun}, the last
 * snapshot so far for a run still training), as Nanda et al. fix K from the final model. K is {@link
 * KeyFrequencies#select} of its neurons' shares; where no ratio of shares reaches {@link
 * KeyFrequencies#KEY_GAP} (seen on the 6-layer deep preset, whose neurons of all layers spread their
 * variance more evenly: top shares 0.17, 0.14, 0.11, 0.05 at the end), the cut at the widest ratio.
 * Restricted and
 * excluded loss then measure the same Fourier directions at every step and are comparable over
 * training; each snapshot's own K is in the details. Numbers: {@code train_loss}, {@code test_loss},
 * {@code restricted_train_loss}, {@code restricted_test_loss}, {@code excluded_train_loss}, {@code
 * excluded_test_loss} (nats), {@code key_share} (share of the neurons' variance at K), {@code gini_w_e},
 * {@code gini_w_u}.
 *
 * <p>Measured at every snapshot: it costs one pass over the domain.
 */
public final class ProgressMeasure implements SnapshotMeasure {
  /** The measure's name. */
  public static final String NAME = "progress";

  private final int[] keyFrequencies;
  private final int keyStep;
  private final String keyRule;

  /**
   * Measures with fixed key frequencies.
   *
   * @param keyFrequencies K, in 1..⌊m/2⌋, none repeated
   * @param keyStep the step of the model K was taken from
   * @param keyRule how K was selected there
   */
  public ProgressMeasure(int[] keyFrequencies, int keyStep, String keyRule) {
    this.keyFrequencies = keyFrequencies.clone();
    this.keyStep = keyStep;
    this.keyRule = keyRule;
  }

  /**
   * Measures with the key frequencies of a model.
   *
   * @param last the final snapshot
   * @return the measure
   */
  public static ProgressMeasure keyFrequenciesOf(Snapshot last) {
    ProgressMeasures pm = ModelInternals.with(last, ModelInternals::progressMeasures);
    if (pm.keyFrequencies().length > 0) {
      return new ProgressMeasure(pm.keyFrequencies(), last.step(), "shares cut at a ratio >= " + KeyFrequencies.KEY_GAP);
    }
    return new ProgressMeasure(KeyFrequencies.select(pm.frequencyShares(), 1), last.step(),
        "no ratio of shares reaches " + KeyFrequencies.KEY_GAP + ": cut at the widest ratio");
  }

  /**
   * Measures a run with the key frequencies of its last snapshot.
   *
   * @param run the run folder
   * @return the measure
   * @throws UsageException if the run has no snapshots or the last is unreadable
   * @throws IOException if the snapshot folder cannot be listed
   */
  public static ProgressMeasure ofRun(Path run) throws IOException {
    SortedSet<Integer> steps = Snapshots.steps(run);
    if (steps.isEmpty()) {
      throw new UsageException("run folder " + run + " has no weight snapshots for the progress measures");
    }
    try {
      return keyFrequenciesOf(Snapshots.read(run, steps.last()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** @return K */
  public int[] keyFrequencies() {
    return keyFrequencies.clone();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Nanda et al. (2023) progress measures on the last-position logits over the domain: full, restricted"
        + " (projected onto the key frequencies' directions and the constant) and excluded (key directions removed)"
        + " cross-entropy, nats, on train and test cells, with K = " + Arrays.toString(keyFrequencies)
        + " fixed from the final snapshot (step " + keyStep + "; its MLP neurons' Fourier shares, " + keyRule
        + ") for every snapshot, so the losses compare over training; Gini of the Fourier norms of W_E and W_U";
  }

  @Override
  public Measured measure(Snapshot snapshot) {
    ProgressMeasures pm = ModelInternals.with(snapshot, model -> model.progressMeasures(keyFrequencies));
    double keyShare = 0;
    for (int k : keyFrequencies) {
      keyShare += pm.frequencyShares()[k - 1];
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("train_loss", pm.trainLoss());
    numbers.put("test_loss", pm.testLoss());
    numbers.put("restricted_train_loss", pm.restrictedTrainLoss());
    numbers.put("restricted_test_loss", pm.restrictedTestLoss());
    numbers.put("excluded_train_loss", pm.excludedTrainLoss());
    numbers.put("excluded_test_loss", pm.excludedTestLoss());
    numbers.put("key_share", keyShare);
    numbers.put("gini_w_e", pm.embeddingGini());
    numbers.put("gini_w_u", pm.unembeddingGini());
    JsonObject details = new JsonObject();
    details.add("key_frequencies", ints(keyFrequencies));
    details.addProperty("key_frequencies_from_step", keyStep);
    details.addProperty("key_frequencies_rule", keyRule);
    details.add("own_key_frequencies", ints(KeyFrequencies.select(pm.frequencyShares())));
    details.add("frequency_shares", Json.COMPACT.toJsonTree(pm.frequencyShares()));
    String cell = String.format(Locale.ROOT, "train loss %.3g: restricted %.3g, excluded %.3g (K = %s)",
        pm.trainLoss(), pm.restrictedTrainLoss(), pm.excludedTrainLoss(), Arrays.toString(keyFrequencies));
    return new Measured(cell, numbers, details);
  }

  private static JsonArray ints(int[] values) {
    JsonArray a = new JsonArray();
    Arrays.stream(values).forEach(a::add);
    return a;
  }
}
