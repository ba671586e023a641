package occam.results.prediction;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import occam.io.Json;
import occam.io.Messages;
import occam.io.UsageException;
import occam.results.compare.ComparisonSettings;
import occam.results.compare.SfmTimes;
import occam.sfm.Gate;

/**
 * Every predictor's fitted parameters and the range they were fitted on: {@code calibration.json},
 * written by {@code occam league} and read by {@code occam predict}.
 *
 * @param command the command that fitted it
 * @param calibrationOp the op of the calibration runs
 * @param calibrationP their prime
 * @param calibrationSeeds their seeds
 * @param runs calibration runs
 * @param grokked of which grokked
 * @param range the calibrated range
 * @param constant the constant baseline
 * @param inverseLrWd the t ∝ 1/(lr·wd) baseline
 * @param powerLaw the power-law baseline
 * @param sfmSoft the soft-gate SFM
 * @param sfmHard the hard-gate SFM
 * @param sfmSoftLr the soft-gate SFM with its time in units of 1/lr (the hybrid)
 * @param firstPassage the first-passage norm law
 * @param nStar the theory's n* classifier
 */
public record Calibration(String command, String calibrationOp, int calibrationP, List<Long> calibrationSeeds, int runs,
    int grokked, CalibratedRange range, ConstantLaw constant, InverseDecayLaw inverseLrWd, PowerLaw powerLaw,
    SfmFit sfmSoft, SfmFit sfmHard, SfmFit sfmSoftLr, FirstPassageLaw firstPassage, CrossoverClassifier nStar) {

  /**
   * Validates the calibration.
   *
   * @throws IllegalArgumentException if a part is missing
   */
  public Calibration {
    if (command == null || calibrationOp == null || calibrationSeeds == null || range == null || constant == null
        || inverseLrWd == null || powerLaw == null || powerLaw.fixed() == null || sfmSoft == null || sfmHard == null
        || sfmSoftLr == null || firstPassage == null || nStar == null) {
      throw new IllegalArgumentException("a calibration needs every predictor's fit, its range and its command");
    }
    calibrationSeeds = List.copyOf(calibrationSeeds);
  }

  /**
   * The calibrated predictors, in report order: the baselines, then the theory's.
   *
   * @param soft the soft-gate SFM runner (of {@link #sfmSoft}'s budget)
   * @param hard the hard-gate SFM runner
   * @return constant, 1/(lr·wd), power law, SFM soft, SFM hard, SFM soft in units of 1/lr, first passage, n*
   */
  public List<Predictor> predictors(SfmTimes soft, SfmTimes hard) {
    return List.of(constant, inverseLrWd, powerLaw, new SfmPredictor(sfmSoft, soft), new SfmPredictor(sfmHard, hard),
        new SfmPredictor(sfmSoftLr, soft), firstPassage, nStar);
  }

  /**
   * The calibrated predictors with fresh SFM runners.
   *
   * @param sfmThreads CPU threads of the SFM runs
   * @return {@link #predictors(SfmTimes, SfmTimes)}
   */
  public List<Predictor> predictors(int sfmThreads) {
    return predictors(runner(Gate.parse(sfmSoft.gate()), sfmSoft.sfmIters(), sfmThreads),
        runner(Gate.parse(sfmHard.gate()), sfmHard.sfmIters(), sfmThreads));
  }

  /**
   * An SFM runner of the compare package's settings.
   *
   * @param gate the gate
   * @param iters the budget
   * @param threads CPU threads
   * @return a runner with an empty cache
   */
  static SfmTimes runner(Gate gate, int iters, int threads) {
    return new ComparisonSettings(gate, iters, List.of(1.0), Set.of(), 1, threads).sfmTimes();
  }

  /**
   * Writes {@code calibration.json} atomically.
   *
   * @param file the file
   * @throws IOException if it cannot be written
   */
  public void write(Path file) throws IOException {
    Json.write(file, this);
  }

  /**
   * Reads a {@code calibration.json}.
   *
   * @param file the file
   * @return the calibration
   * @throws UsageException if the file is missing, unreadable, not strict JSON or not a calibration
   * @throws IOException if it cannot be read for another reason
   */
  public static Calibration read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("calibration file " + Messages.value(file) + " does not exist");
    } catch (CharacterCodingException e) {
      throw new UsageException("calibration file " + Messages.value(file) + " is not UTF-8 text");
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new UsageException("calibration file " + Messages.value(file) + " is a folder");
      }
      throw e;
    }
    try {
      Json.parseStrict(text);
      Calibration c = Json.COMPACT.fromJson(text, Calibration.class);
      if (c == null) {
        throw new IllegalArgumentException("empty");
      }
      return c;
    } catch (RuntimeException e) { // Gson wraps what a record's constructor throws
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new UsageException("calibration file " + Messages.value(file) + " is not a calibration (occam league writes "
          + "one): " + Messages.value(String.valueOf(cause.getMessage())));
    }
  }
}
