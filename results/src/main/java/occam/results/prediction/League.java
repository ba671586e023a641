package occam.results.prediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The league: predictors calibrated on one part of the grid ({@link Calibration}) and scored on the
 * rest under both protocols ({@link Protocol}).
 *
 * @param calibration the fitted predictors
 * @param predictors the predictors, in report order
 * @param results every run with its role and each predictor's answer
 * @param scores one per (protocol, predictor)
 * @param sideBySide every transformer phase table beside the SFM's at the mapping of each fitted SFM predictor
 *     (soft and hard gate; the 1/lr hybrid's phases are the SFM's, so it adds no table of its own)
 * @param resamples bootstrap resamples
 * @param bootstrapSeed bootstrap seed
 */
public record League(Calibration calibration, List<String> predictors, List<RunResult> results, List<Score> scores,
    List<PhaseAgreement> sideBySide, int resamples, long bootstrapSeed) {

  /**
   * One run in the league.
   *
   * @param run the run
   * @param role the protocol it belongs to
   * @param predictions predictor name → answer, in report order
   */
  public record RunResult(GridRun run, Protocol role, Map<String, Prediction> predictions) {
    /** Copies the map, keeping its order. */
    public RunResult {
      predictions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
    }
  }

  /** Copies the lists. */
  public League {
    predictors = List.copyOf(predictors);
    results = List.copyOf(results);
    scores = List.copyOf(scores);
    sideBySide = List.copyOf(sideBySide);
  }

  /**
   * Predicts every run with every predictor, scores each protocol, and puts each transformer phase table
   * beside the SFM's of every fitted SFM predictor (but the 1/lr hybrid).
   *
   * @param calibration the calibration
   * @param predictors its predictors
   * @param runs the runs
   * @param role the protocol of a run
   * @param resamples bootstrap resamples ≥ 1
   * @param seed bootstrap seed
   * @return the league
   */
  public static League score(Calibration calibration, List<Predictor> predictors, List<GridRun> runs,
      Function<GridRun, Protocol> role, int resamples, long seed) {
    List<Query> queries = runs.stream().map(GridRun::query).toList();
    for (Predictor p : predictors) {
      if (p instanceof SfmPredictor s) {
        s.prepare(queries);
      }
    }
    List<RunResult> results = new ArrayList<>();
    for (GridRun run : runs) {
      Map<String, Prediction> answers = new LinkedHashMap<>();
      for (Predictor p : predictors) {
        answers.put(p.name(), p.predict(run.query()));
      }
      results.add(new RunResult(run, role.apply(run), answers));
    }
    List<Score> scores = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      for (Predictor p : predictors) {
        List<Scored> answers = results.stream().filter(r -> r.role() == protocol)
            .map(r -> new Scored(r.run(), r.predictions().get(p.name()))).toList();
        scores.add(Score.of(protocol, p, answers, resamples, seed));
      }
    }
    List<PhaseAgreement> sides = new ArrayList<>();
    for (Predictor p : predictors) {
      if (p instanceof SfmPredictor s && s.fitted() && s.fit().lrExponent() == 0) {
        TransformerPhaseTables.cells(runs).forEach((task, cells) -> sides.add(PhaseAgreement.of(task, cells, s)));
      }
    }
    return new League(calibration, predictors.stream().map(Predictor::name).toList(), results, scores, sides, resamples,
        seed);
  }

  /**
   * The scores of one protocol.
   *
   * @param protocol the protocol
   * @return its scores, in predictor order
   */
  public List<Score> scores(Protocol protocol) {
    return scores.stream().filter(s -> s.protocol() == protocol).toList();
  }

  /**
   * The timed predictor with the smallest mean |ln ratio| under a protocol, among those with a step for at
   * least half of the protocol's runs that grokked (so a predictor cannot win by answering a few easy runs).
   *
   * @param protocol the protocol
   * @param theory true: among theory-derived predictors; false: among baselines
   * @return the winner, empty when none qualifies
   */
  public Optional<Score> best(Protocol protocol, boolean theory) {
    long grokked = results.stream().filter(r -> r.role() == protocol && r.run().grokked()).count();
    return scores(protocol).stream()
        .filter(s -> s.timed() && s.theory() == theory && 2L * s.paired() >= grokked && s.paired() > 0
            && Double.isFinite(s.meanAbsLogRatio().point()))
        .min(Comparator.comparingDouble(s -> s.meanAbsLogRatio().point()));
  }
}
