package occam.cli;

import occam.theory.llc.SgldSettings;
import picocli.CommandLine.Option;

/**
 * The SGLD options of {@code occam llc} and {@code occam llc calibrate} ({@link SgldSettings}); an option
 * left out takes the command's default (the transformer's and the SFM's differ: see each command's help).
 */
final class SgldOptions {
  @Option(names = "--epsilon", paramLabel = "E", description = "SGLD step size epsilon > 0.")
  Double epsilon;

  @Option(names = "--gamma", paramLabel = "G", description = "Localization gamma >= 0, the pull towards w*.")
  Double gamma;

  @Option(names = "--chains", paramLabel = "C", description = "Independent chains >= 1 (>= 2 for R-hat and the spread).")
  Integer chains;

  @Option(names = "--burn-in", paramLabel = "B", description = "Steps per chain before the first draw, >= 0.")
  Integer burnIn;

  @Option(names = "--draws", paramLabel = "D", description = "Recorded steps per chain, >= 2.")
  Integer draws;

  @Option(names = "--batch", paramLabel = "B", description = "Samples per SGLD gradient, 0 for the full batch.")
  Integer batch;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the SGLD noise and batches. Default: 0.")
  Long seed;

  /**
   * The settings: each option given, the default's value for each left out; bad values as usage errors.
   *
   * @param defaults the command's defaults
   * @return the settings
   */
  SgldSettings settings(SgldSettings defaults) {
    return Commands.userInput(() -> new SgldSettings(
        epsilon != null ? epsilon : defaults.stepSize(),
        gamma != null ? gamma : defaults.localization(),
        chains != null ? chains : defaults.chains(),
        burnIn != null ? burnIn : defaults.burnIn(),
        draws != null ? draws : defaults.draws(),
        batch != null ? batch : defaults.batchSize(),
        seed != null ? seed : defaults.seed()));
  }

  /**
   * The defaults as one help line.
   *
   * @param s the defaults
   * @return e.g. "Defaults: --epsilon 1e-4 --gamma 1 ..."
   */
  static String defaultsLine(SgldSettings s) {
    return "SGLD defaults: --epsilon " + s.stepSize() + " --gamma " + s.localization() + " --chains " + s.chains()
        + " --burn-in " + s.burnIn() + " --draws " + s.draws() + " --batch " + s.batchSize() + " --seed " + s.seed()
        + ".";
  }
}
