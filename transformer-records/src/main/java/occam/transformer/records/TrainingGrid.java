package occam.transformer.records;

import java.util.ArrayList;
import java.util.List;

/**
 * The validation grid of SPEC §7: one run per weight decay × training fraction × seed, all other
 * settings from a base configuration ({@link SettingsGrid} with seeds 0 … seeds − 1 and the base's
 * learning rate). Each run has its own folder ({@link RunFolder#in}).
 *
 * @param base the settings every run shares (its weight decay, frac and seed are replaced)
 * @param weightDecays λ values, at least one
 * @param fracs α values, at least one
 * @param seeds seeds 0 … seeds − 1, at least one
 */
public record TrainingGrid(TrainingConfig base, List<Double> weightDecays, List<Double> fracs, int seeds) {

  /**
   * Validates the grid.
   *
   * @throws IllegalArgumentException if a list is empty or seeds &lt; 1
   */
  public TrainingGrid {
    if (base == null) {
      throw new IllegalArgumentException("a grid needs a base configuration");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds " + seeds + " is not allowed: a grid needs at least one seed");
    }
    if (weightDecays == null || weightDecays.isEmpty() || fracs == null || fracs.isEmpty()) {
      throw new IllegalArgumentException("--wds and --fracs need at least one value each");
    }
    weightDecays = List.copyOf(weightDecays);
    fracs = List.copyOf(fracs);
  }

  /**
   * The runs, seed outermost, then weight decay, then frac.
   *
   * @return one configuration per grid point
   * @throws IllegalArgumentException if a weight decay or frac is out of range
   */
  public List<TrainingConfig> configs() {
    List<Long> seedList = new ArrayList<>();
    for (long s = 0; s < seeds; s++) {
      seedList.add(s);
    }
    return new SettingsGrid(base, seedList, weightDecays, List.of(base.optimizer().lr()), fracs).configs();
  }
}
