package occam.transformer.compression;

import java.util.Arrays;
import java.util.Locale;
import occam.complexity.compression.LossBoundedSearch;

/**
 * The coarse-grainings a compression search tries (seed 002, Algorithm 1, a grid where the paper runs
 * Bayesian optimization): every bin width ε with every rank threshold κ. Its size is the search's cost
 * budget: one compression and one forward pass over the training set per point.
 *
 * @param epsilons bin widths ε, each &gt; 0
 * @param kappas rank thresholds κ, each in (0, 1]
 */
public record CompressionGrid(double[] epsilons, double[] kappas) {

  /**
   * For {@code occam analyze}: 9 widths 2⁻⁹, 2⁻⁸, …, 2⁻¹ (≈ 0.002…0.5; the weights of a trained quick
   * model are O(0.1–1)) × κ ∈ {0.6, 0.8, 0.9, 0.95, 0.99, 1}: 54 points.
   */
  public static final CompressionGrid ANALYSIS = new CompressionGrid(
      LossBoundedSearch.logSpaced(1.0 / 512, 0.5, 9), new double[] {0.6, 0.8, 0.9, 0.95, 0.99, 1});

  /** For {@code occam train --compression}, a third of the cost: 6 widths 2⁻⁹…2⁻¹ × κ ∈ {0.8, 0.95, 1}. */
  public static final CompressionGrid TRAINING = new CompressionGrid(
      LossBoundedSearch.logSpaced(1.0 / 512, 0.5, 6), new double[] {0.8, 0.95, 1});

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a grid is empty or holds an invalid value
   */
  public CompressionGrid {
    if (epsilons.length == 0 || kappas.length == 0) {
      throw new IllegalArgumentException("the epsilon and kappa grids must not be empty");
    }
    epsilons = epsilons.clone();
    kappas = kappas.clone();
    for (double e : epsilons) {
      if (!(e > 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("epsilon " + e + " is not allowed: need a finite value > 0");
      }
    }
    for (double k : kappas) {
      if (!(k > 0 && k <= 1)) {
        throw new IllegalArgumentException("kappa " + k + " is not allowed: need 0 < kappa <= 1");
      }
    }
  }

  @Override
  public double[] epsilons() {
    return epsilons.clone();
  }

  @Override
  public double[] kappas() {
    return kappas.clone();
  }

  /** @return the number of points, the loss evaluations one search costs */
  public int size() {
    return epsilons.length * kappas.length;
  }

  /** @return the grid in words, for run summaries */
  public String describe() {
    return String.format(Locale.ROOT, "%d bin widths %.3g..%.3g x kappa %s (%d forward passes over the training set)",
        epsilons.length, epsilons[0], epsilons[epsilons.length - 1], Arrays.toString(kappas), size());
  }
}
