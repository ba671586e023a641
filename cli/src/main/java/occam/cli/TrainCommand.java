package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;




import occam.complexity.BdmPreset;
import occam.modular.Op;
import occam.results.plot.TrainingCurves;
import occam.transformer.BdmComplexity;
import occam.transformer.Djl;
import occam.transformer.MetricsLog;
import occam.transformer.Preset;
import occam.transformer.StepMetrics;
import occam.transformer.StepProgress;
import occam.transformer.TrainingConfig;
import occam.transformer.TrainingListener;
import occam.transformer.TrainingRun;
import occam.transformer.TrainingSummary;
import occam.transformer.WeightComplexity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam train}: trains the transformer of SPEC §6 on a modular task and writes {@code
 * OUT/metrics.jsonl}, {@code OUT/summary.json}, {@code OUT/checkpoint/state.ckpt} and {@code
 * OUT/curves.png}. Options override the preset's values; without a preset the base is SPEC §6's
 * defaults (which are the {@code nanda} preset's).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a decoder-only transformer on a modular task (DJL, PyTorch engine, offline).",
      "Writes OUT/metrics.jsonl, OUT/summary.json, OUT/checkpoint/state.ckpt and OUT/curves.png;",
      "a progress bar goes to stderr. Without --preset the base is SPEC 6's defaults (= nanda)."
    })
public final class TrainCommand implements Callable<Integer> {
  /** Name of the figure inside the run directory. */
  public static final String FIGURE_FILE = "curves.png";

  @Spec private CommandSpec spec;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "quick (groks in minutes on 2 CPU cores), nanda (p=113, 15k steps) or paper (48 layers, GPU)")
  private String preset;

  @Option(names = "--p", paramLabel = "P", description = "prime modulus >= 3")
  private Integer p;

  @Option(names = "--op", paramLabel = "OP", description = "add, sub, mul or div")
  private String op;

  @Option(names = "--frac", paramLabel = "A", description = "training fraction of the domain, in (0, 1]")
  private Double frac;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the split and the initialization")
  private Long seed;

  @Option(names = "--layers", paramLabel = "L", description = "decoder layers")
  private Integer layers;

  @Option(names = "--d-model", paramLabel = "D", description = "residual width (divisible by --heads)")
  private Integer dModel;

  @Option(names = "--heads", paramLabel = "H", description = "attention heads")
  private Integer heads;

  @Option(names = "--d-mlp", paramLabel = "M", description = "MLP width")
  private Integer dMlp;

  @Option(names = "--layernorm", negatable = true, description = "pre-LayerNorm on (--no-layernorm: off)")
  private Boolean layerNorm;

  @Option(names = "--lr", paramLabel = "LR", description = "peak AdamW learning rate")
  private Double lr;

  @Option(names = "--wd", paramLabel = "WD", description = "decoupled weight decay")
  private Double wd;

  @Option(names = "--beta1", paramLabel = "B1", description = "AdamW beta1 (default 0.9)")
  private Double beta1;

  @Option(names = "--beta2", paramLabel = "B2", description = "AdamW beta2 (default 0.98)")
  private Double beta2;

  @Option(names = "--warmup", paramLabel = "W", description = "linear warm-up updates (default 10)")
  private Integer warmup;

  @Option(names = "--steps", paramLabel = "T", description = "optimizer updates")
  private Integer steps;

  @Option(names = "--batch", paramLabel = "B", description = "batch size; 0 = full batch (default)")
  private Integer batch;

  @Option(names = "--log-every", paramLabel = "K", description = "metrics line every K steps")
  private Integer logEvery;

  @Option(names = "--checkpoint-every", paramLabel = "K", description = "checkpoint every K steps (0: only at the end)")
  private Integer checkpointEvery;

  @Option(names = "--rank-every", paramLabel = "K",
      description = "effective ranks (an SVD per matrix) every K steps at log steps; 0 = every log step")
  private Integer rankEvery;

  @Option(names = "--threshold", paramLabel = "X", description = "accuracy for memorization/grokking (default 0.99)")
  private Double threshold;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: out/train-PRESET)")
  private Path out;

  @Option(names = "--resume", description = "continue the run in --out from its checkpoint")
  private boolean resume;

  @Option(names = "--bdm",
      description = "log K_BDM of the weight matrices as 'complexity' (4 symbols by quartiles, 1D blocks of 6, ctm-own-b4-d12)")
  private boolean bdm;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "PyTorch CPU threads (default ${DEFAULT-VALUE}: on a shared machine more threads spin and thrash; 0 = one per core)")
  private int threads;

  @Option(names = "--json", description = "print the summary as one JSON object on stdout")
  private boolean json;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  private boolean noProgress;

  @Override
  public Integer call() throws IOException {
    Preset base = Commands.userInput(() -> preset == null ? null : Preset.parse(preset));
    TrainingConfig config = Commands.userInput(() -> configure(base == null ? TrainingConfig.builder() : base.builder()));
    WeightComplexity complexity = complexity();
    Commands.userInput(() -> {
      Djl.useThreads(threads);
      return threads;
    });
    Path dir = out != null ? out : Path.of("out", "train-" + (base == null ? "custom" : base.cliName()));
    PrintWriter err = spec.commandLine().getErr();
    TrainingRun run = TrainingRun.of(config)
        .output(dir)
        .resume(resume)
        .preset(base == null ? null : base.cliName())
        .complexity(complexity);
    Commands.userInput(run::preflight);
    ProgressListener progress = noProgress ? null : new ProgressListener(err, config.steps());
    run.listener(progress == null ? new TrainingListener() {} : progress);
    TrainingSummary summary;
    try {
      summary = run.run();
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    Path figure = dir.resolve(FIGURE_FILE);
    List<StepMetrics> log = MetricsLog.read(dir.resolve(TrainingRun.METRICS_FILE));
    boolean plotted = log.stream().anyMatch(m -> m.step() > 0);
    if (plotted) {
      TrainingCurves.writePng(log, title(config), figure);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(summary.toJson()); // nulls kept: absent steps are null, not missing
    } else {
      stdout.println(describe(summary, dir, plotted ? figure : null));
    }
    stdout.flush();
    return 0;
  }

  private TrainingConfig configure(TrainingConfig.Builder b) {
    if (p != null) {
      b.p(p);
    }
    if (op != null) {
      b.op(Op.parse(op));
    }
    if (frac != null) {
      b.frac(frac);
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (layers != null) {
      b.layers(layers);
    }
    if (dModel != null) {
      b.dModel(dModel);
    }
    if (heads != null) {
      b.heads(heads);
    }
    if (dMlp != null) {
      b.dMlp(dMlp);
    }
    if (layerNorm != null) {
      b.layerNorm(layerNorm);
    }
    if (lr != null) {
      b.lr(lr);
    }
    if (wd != null) {
      b.weightDecay(wd);
    }
    if (beta1 != null) {
      b.beta1(beta1);
    }
    if (beta2 != null) {
      b.beta2(beta2);
    }
    if (warmup != null) {
      b.warmup(warmup);
    }
    if (steps != null) {
      b.steps(steps);
    }
    if (batch != null) {
      b.batchSize(batch);
    }
    if (logEvery != null) {
      b.logEvery(logEvery);
    }
    if (checkpointEvery != null) {
      b.checkpointEvery(checkpointEvery);
    }
    if (rankEvery != null) {
      b.rankEvery(rankEvery);
    }
    if (threshold != null) {
      b.threshold(threshold);
    }
    return b.build();
  }

  /** The complexity estimate behind {@code --bdm}; the BDM of module complexity plugs in here. */
  private WeightComplexity complexity() {
    return bdm ? BdmComplexity.of(BdmPreset.DEFAULT) : WeightComplexity.NONE;
  }

  private static String title(TrainingConfig c) {
    return String.format(Locale.ROOT, "p=%d %s frac=%s wd=%s d=%d L=%d", c.task().p(), c.task().op().cliName(),
        c.frac(), c.optimizer().weightDecay(), c.model().dModel(), c.model().layers());
  }

  private static String describe(TrainingSummary s, Path dir, Path figure) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s after %d steps: memorization step %s, grokking step %s%n",
        s.phase().label(), s.stepsDone(), occam.io.Numbers.step(s.memorizationStep(), "-"), occam.io.Numbers.step(s.grokkingStep(), "-")));
    StepMetrics f = s.finalMetrics();
    b.append(String.format(Locale.ROOT,
        "final: train acc %.4f loss %.3g, test acc %.4f loss %.3g, weight norm %.2f, embedding Gini %.3f IPR %.3f%n",
        f.trainAcc(), f.trainLoss(), f.testAcc(), f.testLoss(), f.weightNorm(), f.embedGini(), f.embedIpr()));
    b.append(String.format(Locale.ROOT, "%.1f steps/s on %s%n", s.stepsPerSecond(), s.device()));
    b.append("wrote ").append(dir.resolve(TrainingRun.METRICS_FILE)).append(", ")
        .append(dir.resolve(TrainingRun.SUMMARY_FILE)).append(", ").append(TrainingRun.checkpointFile(dir));
    if (figure != null) {
      b.append(", ").append(figure);
    }
    return b.toString();
  }

  /** Shows training progress on stderr: step, losses, accuracies, steps/s and ETA ({@link Progress}). */
  private static final class ProgressListener implements TrainingListener, AutoCloseable {
    private final PrintWriter err;
    private final int steps;
    private Progress progress;

    ProgressListener(PrintWriter err, int steps) {
      this.err = err;
      this.steps = steps;
    }

    @Override
    public void onStart(TrainingConfig config, int startStep, String device) {
      progress = new Progress("train " + device, steps, err, " steps", startStep);
    }

    @Override
    public void onStep(StepProgress s) {
      if (progress != null) {
        progress.stepTo(s.step(), String.format(Locale.ROOT, "loss %.3g/%.3g acc %.3f/%.3f (train/test)",
            s.trainLoss(), s.testLoss(), s.trainAcc(), s.testAcc()));
      }
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
      }
    }
  }
}
