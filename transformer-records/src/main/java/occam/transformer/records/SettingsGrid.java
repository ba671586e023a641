package occam.transformer.records;

import java.util.ArrayList;
import java.util.List;

/**
 * The product of seeds × weight decays × learning rates × training fractions over a base
 * configuration (a {@link TrainingGrid} with any seeds and a learning-rate axis); what an ensemble
 * plan splits into ensembles.
 *
 * @param base the settings every run shares (its seed, weight decay, lr and frac are replaced)
 * @param seeds seeds, at least one
 * @param weightDecays λ values, at least one
 * @param learningRates η values, at least one
 * @param fracs α values, at least one
 */
public record SettingsGrid(TrainingConfig base, List<Long> seeds, List<Double> weightDecays,
    List<Double> learningRates, List<Double> fracs) {

  /**
   * Validates the grid.
   *
   * @throws IllegalArgumentException if the base is missing or a list is empty
   */
  public SettingsGrid {
    if (base == null) {
      throw new IllegalArgumentException("a grid needs a base configuration");
    }
    seeds = nonEmpty("--seeds", seeds);
    weightDecays = nonEmpty("--wds", weightDecays);
    learningRates = nonEmpty("--lrs", learningRates);
    fracs = nonEmpty("--fracs", fracs);
  }

  private static <T> List<T> nonEmpty(String option, List<T> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one value");
    }
    return List.copyOf(values);
  }

  /** @return the number of runs */
  public int size() {
    return seeds.size() * weightDecays.size() * learningRates.size() * fracs.size();
  }

  /**
   * The runs, seed outermost, then weight decay, learning rate and frac.
   *
   * @return one configuration per grid point
   * @throws IllegalArgumentException if a value is out of its setting's range
   */
  public List<TrainingConfig> configs() {
    List<TrainingConfig> configs = new ArrayList<>();
    for (long s : seeds) {
      for (double wd : weightDecays) {
        for (double lr : learningRates) {
          for (double frac : fracs) {
            configs.add(base.toBuilder().set(Settings.WEIGHT_DECAY, wd).set(Settings.LR, lr).set(Settings.FRAC, frac)
                .set(Settings.SEED, s).build());
          }
        }
      }
    }
    return configs;
  }
}
