package occam.results.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A finished comparison and the SFM runs behind it, ready to be written.
 *
 * @param comparison the fit and the predictions
 * @param sfm the SFM runs behind the k_β fit
 */
public record ComparisonRun(Comparison comparison, SfmTimes sfm) {

  /**
   * Writes the report ({@link ComparisonReport}) into a folder.
   *
   * @param dir the folder
   * @param command the producing command, named in every file
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public List<Path> write(Path dir, String command) throws IOException {
    return ComparisonReport.write(comparison, sfm, dir, command);
  }

  /**
   * Three lines for the console: the fit, the held-out figures, where the report is.
   *
   * @param dir the report folder
   * @return the lines
   */
  public String headline(Path dir) {
    Comparison c = comparison;
    return String.format(Locale.ROOT,
        "k_beta %.3g, time scale %.4g steps per SFM iteration (calibration seeds %s)%n"
            + "held out: %d runs with both steps, Spearman %.3f, mean |ln ratio| %.3f%n"
            + "wrote %s", c.kBeta(), Math.exp(c.logScale()), c.calibrationSeeds(), c.heldOutPaired().size(),
        c.heldOutSpearman(), c.heldOutMeanAbsLogRatio(), dir.resolve(ComparisonReport.MARKDOWN));
  }
}
