package occam.results.prediction;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.modular.Phase;
import occam.modular.TrainSplit;
import occam.results.compare.TrainingRecord;

/** Synthetic grid runs whose steps come from a known law (no training). */
final class Synthetic {
  private Synthetic() {}

  /** The quick preset's shape. */
  static final Architecture QUICK = new Architecture(1, 64, 4, 256);

  /** Budget of the synthetic runs. */
  static final int STEPS = 100_000;

  static GridRun run(int p, Op op, double wd, double lr, double frac, long seed, OptionalInt tMem, double tGrok,
      double vMem) {
    ModularTask task = ModularTask.of(p, op);
    OptionalInt grok = Double.isNaN(tGrok) ? OptionalInt.empty() : OptionalInt.of((int) Math.round(tGrok));
    Phase phase = Phase.classify(false, tMem, grok);
    TrainingRecord r = new TrainingRecord(Path.of("p" + p + "-" + op.cliName() + "-wd" + wd + "-lr" + lr + "-frac" + frac
        + "-seed" + seed), task, frac, seed, wd, STEPS, STEPS, TrainSplit.of(task, frac, seed).trainSize(), tMem, grok,
        phase.label(), List.of());
    return new GridRun(r, lr, QUICK, vMem);
  }

  /** A run that groks at a real-valued step (kept exactly: the record stores only whole steps). */
  static GridRun grokking(int p, Op op, double wd, double lr, double frac, long seed, int tMem, int tGrok, double vMem) {
    return run(p, op, wd, lr, frac, seed, OptionalInt.of(tMem), tGrok, vMem);
  }
}
