package occam.sfm;

import java.util.Locale;

/**
 * The Occam Gate applied to each drifted coefficient W̃_kl (SPEC §3 step 3). Neither is preferred:
 * which one reproduces delayed generalization is a finding of the scan.
 */
public enum Gate {
  /** The paper's gate: W = 1(|W̃| &gt; τ)·W̃ (an ℓ0 cut; survivors keep their full size). */
  HARD,
  /** The ℓ1 proximal step: W = W̃·max(0, 1 − η·τ/|W̃|) (survivors shrink by η·τ). */
  SOFT;

  /**
   * The factor that multiplies W̃_kl.
   *
   * @param abs2 |W̃_kl|²
   * @param tau τ
   * @param eta η (used by the soft gate only)
   * @return 0 or 1 for the hard gate; in [0, 1) for the soft gate
   */
  public double factor(double abs2, double tau, double eta) {
    if (this == HARD) {
      return abs2 > tau * tau ? 1.0 : 0.0;
    }
    double shrink = eta * tau;
    if (abs2 <= shrink * shrink) {
      return 0.0;
    }
    return 1.0 - shrink / Math.sqrt(abs2);
  }

  /**
   * Parses a gate name.
   *
   * @param name hard or soft (any case)
   * @return the gate
   * @throws IllegalArgumentException for any other name
   */
  public static Gate parse(String name) {
    return occam.io.EnumNames.parse(Gate.class, name, "gate");
  }

  /** @return the lower-case CLI name */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
