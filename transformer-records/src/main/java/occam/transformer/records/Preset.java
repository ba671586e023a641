package occam.transformer.records;

import static occam.transformer.records.Settings.CHECKPOINT_EVERY;
import static occam.transformer.records.Settings.D_MLP;
import static occam.transformer.records.Settings.D_MODEL;
import static occam.transformer.records.Settings.FRAC;
import static occam.transformer.records.Settings.HEADS;
import static occam.transformer.records.Settings.LAYERNORM;
import static occam.transformer.records.Settings.LAYERS;
import static occam.transformer.records.Settings.LOG_EVERY;
import static occam.transformer.records.Settings.LR;
import static occam.transformer.records.Settings.P;
import static occam.transformer.records.Settings.RANK_EVERY;
import static occam.transformer.records.Settings.SNAPSHOTS;
import static occam.transformer.records.Settings.STEPS;
import static occam.transformer.records.Settings.WEIGHT_DECAY;

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
          .set(P, 47)
          .set(FRAC, 0.5)
          .set(D_MODEL, 64)
          .set(HEADS, 4)
          .set(D_MLP, 256)
          .set(LR, 3e-3)
          .set(WEIGHT_DECAY, 1.0)
          .set(STEPS, 1_500)
          .set(LOG_EVERY, 10)
          .set(CHECKPOINT_EVERY, 250);
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
          .set(P, 113)
          .set(FRAC, 0.3)
          .set(STEPS, 15_000)
          .set(LOG_EVERY, 100)
          .set(CHECKPOINT_EVERY, 1_000);
    }
  },
  /**
   * A CPU-sized deep model, so that the paper's layer-level diagnostics (bypassable layers, CMA per
   * layer band) can be looked at without a GPU: p = 47, α = 0.5 (as quick), 6 layers, d = 64, 4 heads,
   * d_mlp = 256, pre-LayerNorm on (as the paper preset), lr 1e-3 (a third of quick's, for six residual
   * layers), λ = 1, 5,000 steps logged every 50, snapshots {@code log}. Measured with seed 0 (on the
   * busy 2-core box, ≈ 1 step/s): t_mem = 77, t_grok = 2,464, after six loss spikes (every ~350 steps,
   * each recovered within ~100). A step costs ≈ 5.5× a quick step (≈ 10 GFLOP), so ≈ 10–15 steps/s on
   * an idle 2-core machine: grokking in ≈ 4 minutes, the run in ≈ 8.
   */
  DEEP {
    @Override
    public TrainingConfig.Builder builder() {
      return TrainingConfig.builder()
          .set(P, 47)
          .set(FRAC, 0.5)
          .set(LAYERS, 6)
          .set(D_MODEL, 64)
          .set(HEADS, 4)
          .set(D_MLP, 256)
          .set(LAYERNORM, true)
          .set(LR, 1e-3)
          .set(WEIGHT_DECAY, 1.0)
          .set(STEPS, 5_000)
          .set(LOG_EVERY, 50)
          .set(CHECKPOINT_EVERY, 500)
          .set(SNAPSHOTS, SnapshotSchedule.LOG);
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
          .set(P, 97)
          .set(FRAC, 0.3)
          .set(LAYERS, 48)
          .set(D_MODEL, 512)
          .set(HEADS, 8)
          .set(D_MLP, 2048)
          .set(LAYERNORM, true)
          .set(STEPS, 100_000)
          .set(LOG_EVERY, 1_000)
          .set(RANK_EVERY, 10_000)
          .set(CHECKPOINT_EVERY, 5_000);
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
   * @param name quick, deep, nanda or paper (any case)
   * @return the preset
   * @throws IllegalArgumentException for any other name
   */
  public static Preset parse(String name) {
    return occam.io.EnumNames.parse(Preset.class, name, "preset");
  }
}
