package occam.results.prediction;

import java.util.List;
import occam.results.prediction.Bootstrap.Interval;

/**
 * One predictor's league figures over one protocol's runs ({@link Scored}), each with its bootstrap 95 %
 * interval over the runs.
 *
 * @param protocol the protocol
 * @param predictor the predictor's name
 * @param timed whether it predicts steps
 * @param theory whether it is derived from the theory or the SFM
 * @param runs runs scored
 * @param covered runs answered
 * @param paired runs that grokked and got a step
 * @param coverage share answered
 * @param accuracy grok/no-grok accuracy over the answered runs
 * @param meanAbsLogRatio mean |ln(t̂/t)| over the paired runs
 * @param mape mean |t̂ − t|/t
 * @param spearman Spearman's ρ
 */
public record Score(Protocol protocol, String predictor, boolean timed, boolean theory, int runs, int covered,
    int paired, Interval coverage, Interval accuracy, Interval meanAbsLogRatio, Interval mape, Interval spearman) {

  /**
   * Scores a predictor's answers.
   *
   * @param protocol the protocol
   * @param predictor the predictor
   * @param answers its answers on the protocol's runs
   * @param resamples bootstrap resamples
   * @param seed bootstrap seed (the same for every statistic, so they share resamples)
   * @return the score
   */
  public static Score of(Protocol protocol, Predictor predictor, List<Scored> answers, int resamples, long seed) {
    return new Score(protocol, predictor.name(), predictor.timed(), predictor.theory(), answers.size(),
        (int) answers.stream().filter(s -> s.prediction().covered()).count(),
        (int) answers.stream().filter(Scored::paired).count(),
        Bootstrap.interval(answers, Scored::coverage, resamples, seed),
        Bootstrap.interval(answers, Scored::accuracy, resamples, seed),
        Bootstrap.interval(answers, Scored::meanAbsLogRatio, resamples, seed),
        Bootstrap.interval(answers, Scored::mape, resamples, seed),
        Bootstrap.interval(answers, Scored::spearman, resamples, seed));
  }
}
