package occam.transformer.records;

import java.util.Locale;
import occam.io.MemoryEstimate;

/**
 * What one training run will cost, estimated from its configuration before anything is allocated:
 * the Java heap it needs (the N×p logit table of the whole domain that the measurements read, with
 * its copies, and the checkpoint's weights and AdamW moments), the native (PyTorch) memory of a step,
 * and the floating-point operations of one update. Rough by design (within a small factor): enough to
 * refuse what cannot fit with exit 2 instead of an {@link OutOfMemoryError} after minutes, and to say
 * what a step costs on a CPU.
 *
 * @param parameters the model's weights (embeddings, attention, MLP, unembedding)
 * @param heap the heap estimate
 * @param nativeBytes native memory of one step: float32 activations of the training rows kept for
 *     the backward pass, weights, gradients and moments, and the float64 one-hot labels of the domain
 * @param flopsPerStep floating-point operations of one update (forward and backward, ≈ 6 per weight
 *     per token, plus attention and the full-domain scoring)
 */
public record TrainingCost(long parameters, MemoryEstimate heap, long nativeBytes, double flopsPerStep) {
  /** Heap copies of the N×p logit table at a measurement (train logits, test logits, the table). */
  static final int LOGIT_COPIES = 3;

  /** Heap copies of the weights at a checkpoint (weights, two moments, each copied once on writing). */
  static final int CHECKPOINT_COPIES = 6;

  /**
   * The estimate for one configuration.
   *
   * @param c the run
   * @return its cost
   */
  public static TrainingCost of(TrainingConfig c) {
    ModelConfig m = c.model();
    long d = m.dModel();
    long perLayer = 4 * d * d + 2 * d * m.dMlp();
    long params = sat(m.vocab() + m.context() + (long) m.classes(), d) + sat(m.layers(), perLayer);
    long cells = c.task().domainSize();
    long logits = MemoryEstimate.times(cells, m.classes());
    MemoryEstimate heap = MemoryEstimate.of("the N×p logit table, N = " + cells + " cells × p = " + m.classes()
        + ", " + LOGIT_COPIES + " copies", sat(logits, LOGIT_COPIES), Float.BYTES)
        .plus(MemoryEstimate.times(sat(params, CHECKPOINT_COPIES), Float.BYTES));
    long trainRows = (long) Math.ceil(c.frac() * cells);
    long rows = c.batchSize() > 0 ? Math.min(c.batchSize(), trainRows) : trainRows;
    long tokens = sat(rows, m.context());
    long activations = sat(tokens, sat(m.layers(), 8 * d + 2L * m.dMlp() + (long) m.heads() * m.context()));
    long nativeBytes = sat(activations + sat(params, 4), Float.BYTES) + sat(cells, sat(m.classes(), Double.BYTES));
    double flops = 6.0 * params * tokens + 2.0 * cells * m.context() * params;
    return new TrainingCost(params, heap, nativeBytes, flops);
  }

  private static long sat(long a, long b) {
    return MemoryEstimate.times(a, b);
  }

  /**
   * Checks the estimate against the heap limit and, for the native memory, the machine's memory.
   *
   * @param c the run (for the message)
   * @param physicalBytes the machine's memory, or 0 when unknown (no native check)
   * @throws occam.io.UsageException if either does not fit, with the estimate and the largest p that fits
   */
  public void requireFits(TrainingConfig c, long physicalBytes) {
    heap.requireFits("training p = " + c.task().p(), "p ≤ " + largestP(c, MemoryEstimate.heapLimit()));
    if (physicalBytes > 0 && nativeBytes > physicalBytes) {
      throw new occam.io.UsageException("needs ~" + MemoryEstimate.human(nativeBytes) + " of native memory per step for p = "
          + c.task().p() + " (activations of " + c.task().domainSize() + " cells); the machine has "
          + MemoryEstimate.human(physicalBytes) + "; choose a smaller p or --batch");
    }
  }

  /**
   * The largest modulus whose heap estimate fits a limit, other settings as in {@code c} (p need not be
   * prime here: it bounds the primes that fit).
   *
   * @param c the settings besides p
   * @param limitBytes the heap available
   * @return the largest p ≥ 2 that fits, or 1 if none
   */
  public static long largestP(TrainingConfig c, long limitBytes) {
    return MemoryEstimate.largest(p -> heapBytes(c, p), 2, 1 << 20, limitBytes);
  }

  /** The heap estimate for modulus p, the other settings as in c (square domain p²). */
  private static long heapBytes(TrainingConfig c, int p) {
    ModelConfig m = c.model();
    long d = m.dModel();
    long params = sat(2L * p + 1 + m.context(), d) + sat(m.layers(), 4 * d * d + 2 * d * m.dMlp());
    long cells = sat(p, p);
    return sat(sat(sat(cells, p), LOGIT_COPIES) + sat(params, CHECKPOINT_COPIES), Float.BYTES);
  }

  /**
   * One line on what a step costs at a measured rate: "~7.7 TFLOP per step; at the measured 40 GFLOP/s
   * of this CPU ≈ 190 s per step, ~220 days for 100000 steps".
   *
   * @param flopsPerSecond the measured rate
   * @param steps the steps to run
   * @return the line
   */
  public String describe(double flopsPerSecond, int steps) {
    double seconds = flopsPerStep / flopsPerSecond;
    return String.format(Locale.ROOT, "~%s per step; at the measured %s/s of this CPU ≈ %s per step, ~%s for %d steps",
        flops(flopsPerStep), flops(flopsPerSecond), duration(seconds), duration(seconds * steps), steps);
  }

  private static String flops(double f) {
    String[] units = {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP"};
    int u = 0;
    while (f >= 1000 && u < units.length - 1) {
      f /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.3g %s", f, units[u]);
  }

  private static String duration(double s) {
    if (s < 120) {
      return String.format(Locale.ROOT, "%.3g s", s);
    }
    if (s < 2 * 3600) {
      return String.format(Locale.ROOT, "%.0f min", s / 60);
    }
    if (s < 2 * 86400) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
    return String.format(Locale.ROOT, "%.0f days", s / 86400);
  }
}
