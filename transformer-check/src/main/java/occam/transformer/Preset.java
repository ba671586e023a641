package occam.transformer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Named starting points for {@code occam train}; command-line options override single values.
 *
 * <p>All presets train op {@code add}, seed 0, full batch, AdamW betas 0.9/0.98 with a 10-step
 * warm-up (SPEC §6).
 */
public enum Preset {
  /**
   * Groks in minutes on two CPU cores: p = 47, α = 0.5, 1 layer, d = 64, 4 heads, d_mlp = 256,
   * lr 3e-3, λ = 1, 1,500 steps, logged every 10 (groks near step 850 with seed 0).
   */
  QUICK {
    @Override
    public TrainingConfig.Builder builder() {
      return TrainingConfig.builder()
          .p(47)
          .frac(0.5)
          .dModel(64)
          .heads(4)
          .dMlp(256)
          .lr(3e-3)
          .weightDecay(1.0)
          .steps(1_500)
          .logEvery(10)
          .checkpointEvery(250);
    }
  },
  /**
   * Nanda et al. (2023), "Progress measures for grokking via mechanistic interpretability": p = 113,
   * α = 0.3, 1 layer, d = 128, 4 heads, d_mlp = 512, no LayerNorm, lr 1e-3, λ = 1, 15,000 steps.
   */
  NANDA {
    @Override
    public TrainingConfig.Builder builder() {
      return TrainingConfig.builder()
          .p(113)
          .frac(0.3)
          .steps(15_000)
          .logEvery(100)
          .checkpointEvery(1_000);
    }
  },
  /**
   * The SFM paper's empirical leg (seed 004, §4): 48 layers, d = 512, 8 heads, p = 97, 100k steps.
   * The paper gives neither α, d_mlp, the learning rate nor the normalization; this preset takes
   * α = 0.3, d_mlp = 4d, lr 1e-3, λ = 1 and pre-LayerNorm on (48 un-normalized residual layers are
   * not a GPT-2-style model). GPU-sized. Logs every 1,000 steps; effective ranks (an SVD of each of
   * 290 matrices, about 10 minutes on a CPU) every 10,000.
   */
  PAPER {
    @Override
    public TrainingConfig.Builder builder() {
      return TrainingConfig.builder()
          .p(97)
          .frac(0.3)
          .layers(48)
          .dModel(512)
          .heads(8)
          .dMlp(2048)
          .layerNorm(true)
          .steps(100_000)
          .logEvery(1_000)
          .rankEvery(10_000)
          .checkpointEvery(5_000);
    }
  };

  /** @return a builder holding this preset's values */
  public abstract TrainingConfig.Builder builder();

  /** @return the lower-case CLI name */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a preset name.
   *
   * @param name quick, nanda or paper (any case)
   * @return the preset
   * @throws IllegalArgumentException for any other name
   */
  public static Preset parse(String name) {
    return occam.io.EnumNames.parse(Preset.class, name, "preset");
  }
}
