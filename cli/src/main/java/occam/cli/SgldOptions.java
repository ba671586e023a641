package occam.cli;

import occam.theory.llc.SgldSettings;
import picocli.CommandLine.Option;

/** The SGLD options of {@code occam llc} and {@code occam llc calibrate} ({@link SgldSettings}). */
final class SgldOptions {
  @Option(names = "--epsilon", paramLabel = "E", defaultValue = "" + SgldSettings.DEFAULT_STEP_SIZE,
      description = "SGLD step size epsilon > 0. Default: ${DEFAULT-VALUE} (the SFM calibration: epsilon*n*beta*h_max/4"
          + " ~ 1% bias at n ~ 500, h_max ~ 4).")
  double epsilon;

  @Option(names = "--gamma", paramLabel = "G", defaultValue = "" + SgldSettings.DEFAULT_LOCALIZATION,
      description = "Localization gamma >= 0, the pull towards w*. Default: ${DEFAULT-VALUE}.")
  double gamma;

  @Option(names = "--chains", paramLabel = "C", defaultValue = "" + SgldSettings.DEFAULT_CHAINS,
      description = "Independent chains >= 1 (>= 2 for R-hat and the spread). Default: ${DEFAULT-VALUE}.")
  int chains;

  @Option(names = "--burn-in", paramLabel = "B", defaultValue = "" + SgldSettings.DEFAULT_BURN_IN,
      description = "Steps per chain before the first draw, >= 0. Default: ${DEFAULT-VALUE}.")
  int burnIn;

  @Option(names = "--draws", paramLabel = "D", defaultValue = "" + SgldSettings.DEFAULT_DRAWS,
      description = "Recorded steps per chain, >= 2. Default: ${DEFAULT-VALUE}.")
  int draws;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "0",
      description = "Samples per SGLD gradient, 0 for the full batch. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the SGLD noise and batches. Default: ${DEFAULT-VALUE}.")
  long seed;

  /**
   * The settings, bad values as usage errors.
   *
   * @return the settings
   */
  SgldSettings settings() {
    return Commands.userInput(() -> new SgldSettings(epsilon, gamma, chains, burnIn, draws, batch, seed));
  }
}
