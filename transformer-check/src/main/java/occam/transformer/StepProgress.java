package occam.transformer;

/**
 * What a listener sees after each step: read-only numbers for progress bars and traces.
 *
 * @param step the step just measured (updates applied so far)
 * @param steps the run's total number of steps
 * @param trainLoss training loss at this step
 * @param trainAcc training accuracy at this step
 * @param testLoss latest measured test loss (NaN before the first)
 * @param testAcc latest measured test accuracy (NaN before the first)
 * @param stepsPerSecond updates per wall-clock second in this session so far
 */
public record StepProgress(
    int step,
    int steps,
    double trainLoss,
    double trainAcc,
    double testLoss,
    double testAcc,
    double stepsPerSecond) {}
