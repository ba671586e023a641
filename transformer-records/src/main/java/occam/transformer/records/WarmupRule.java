package occam.transformer.records;

/**
 * Where the linear learning-rate warm-up of {@link AdamWConfig} starts: the factor f_t that scales the
 * peak rate at update t = 1, 2, … over W warm-up updates (W = 0: f_t = 1).
 */
public enum WarmupRule {
  /** f_t = min(1, t/W): update 1 at lr/W, update W at lr (Occam's default, SPEC §6). */
  LINEAR,
  /**
   * f_t = min(1, (t − 1)/W): PyTorch's {@code LambdaLR(opt, lambda s: min(s/W, 1))} stepped after each
   * update, as in Nanda et al.'s training code (progress-measures-paper, transformers.py). Update 1 has
   * rate 0: it moves only the moments m, v (and t), and the peak is reached at update W + 1.
   */
  LAMBDA_LR;

  /**
   * The warm-up factor of an update.
   *
   * @param t update number, ≥ 1
   * @param warmup W, the number of warm-up updates, ≥ 0
   * @return f_t in [0, 1]
   */
  public double factor(long t, int warmup) {
    if (warmup == 0) {
      return 1.0;
    }
    long ramp = this == LINEAR ? t : t - 1;
    return Math.min(1.0, (double) ramp / warmup);
  }
}
