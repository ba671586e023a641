package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import occam.distributed.SparkMaster;
import occam.transformer.ensemble.GridTraining;
import occam.io.UsageException;
import occam.transformer.records.SettingsGrid;
import occam.transformer.records.ValueList;
import java.util.concurrent.Callable;
import java.io.UncheckedIOException;
import occam.complexity.BdmPreset;
import occam.io.Json;
import occam.results.plot.TrainingCurves;
import occam.transformer.BdmComplexity;
import occam.transformer.Djl;
import occam.transformer.MatmulRate;
import occam.transformer.StepProgress;
import occam.transformer.TrainingListener;
import occam.transformer.TrainingRun;
import occam.transformer.WeightComplexity;
import occam.transformer.compression.CompressionComplexityLog;
import occam.transformer.compression.CompressionGrid;
import occam.transformer.records.Preset;
import occam.transformer.records.RunFolder;
import occam.transformer.records.Settings;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingCost;
import occam.transformer.records.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam train}: trains the transformer of SPEC §6 on a modular task and writes {@code
 * OUT/metrics.jsonl}, {@code OUT/summary.json}, {@code OUT/checkpoint/state.ckpt} and {@code
 * OUT/curves.png}. Options override the preset's values; without a preset the base is SPEC §6's
 * defaults (which are the {@code nanda} preset's). One option per training setting, made from the
 * settings table ({@link Settings}, {@link SettingOptions}).
 *
 * <p>With list options ({@code --seeds 0:7}, {@code --wds}, {@code --lrs}, {@code --fracs}) it trains their
 * product as ensembles of at most {@code --ensemble K} runs into {@code OUT/}{@link RunFolder#name}
 * folders ({@link GridTraining}); each such folder is the folder a single run of its settings writes.
 *
 * <p>Reliability: the size is checked before anything is allocated ({@link TrainingCost}); the run
 * folder is locked for the command's life and its manifest written last, after the figure; SIGINT saves
 * a checkpoint at the step reached and says so; {@code --resume} never starts over a folder that holds
 * a run without a checkpoint.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a decoder-only transformer on a modular task (DJL, PyTorch engine, offline).",
      "Writes OUT/metrics.jsonl, OUT/summary.json, OUT/checkpoint/state.ckpt and OUT/curves.png;",
      "a progress bar goes to stderr. Without --preset the base is SPEC 6's defaults (= nanda).",
      "Ctrl-C saves a checkpoint at the step reached; continue with --resume. A second command on the same",
      "--out exits 2 naming the first.",
      "List options (--seeds 0:7, --wds 0.5,1,2, --lrs, --fracs) train their product as ensembles of at most",
      "--ensemble K runs into OUT/p<P>-<op>-wd<wd>-lr<lr>-frac<frac>-seed<s>/, one folder per run;",
      "with --spark MASTER one ensemble per Apache Spark task (no curves.png then; README: Grids on Spark)."
    })
public final class TrainCommand implements Callable<Integer> {
  /** Name of the figure inside the run directory. */
  public static final String FIGURE_FILE = "curves.png";

  private CommandSpec spec;

  /** Receives the command's model and adds one option per training setting ({@link SettingOptions}). */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    SettingOptions.addTo(value, Settings.ALL, "");
    value.usageMessage().footer(largestPLine());
  }

  /** The help's line on the largest p the default model supports on this heap. */
  static String largestPLine() {
    long heap = occam.io.MemoryEstimate.heapLimit();
    return "Largest p on this heap (" + occam.io.MemoryEstimate.human(heap) + ", default model): about "
        + TrainingCost.largestP(TrainingConfig.builder().build(), heap)
        + " (the N x p logit table of the whole domain); larger p exits 2 before training (raise -Xmx via OCCAM_JAVA_OPTS).";
  }

  @Option(names = "--preset", paramLabel = "NAME",
      description = "quick (groks in minutes on 2 CPU cores), deep (6 layers, LayerNorm, snapshots; groks near step 2,500), nanda (p=113, 15k steps) or paper (48 layers, GPU)")
  private String preset;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: out/train-PRESET)")
  private Path out;

  @Option(names = "--resume", description = "continue the run in --out from its checkpoint (--steps at least the checkpoint's step);"
          + " into an absent or empty folder it starts fresh; a folder holding a run but no checkpoint is refused")
  private boolean resume;

  @Option(names = "--bdm",
      description = "log K_BDM of the weight matrices as 'complexity' (4 symbols by quartiles, 1D blocks of 6, ctm-own-b4-d12)")
  private boolean bdm;

  @Option(names = "--compression", paramLabel = "DELTA",
      description = "log the compression complexity (seed 002, Alg. 1: bzip2 bits of the most compressed quantized/low-rank"
          + " weights with training loss within DELTA nats) as 'complexity'; costs 18 forward passes per log step")
  private Double compression;

  @Mixin private TorchThreads torchThreads;

  @Option(names = "--seeds", paramLabel = "LIST",
      description = "seeds of a grid: a range LO:HI (both included, e.g. 0:7) or a list (0,3,5); instead of --seed")
  private String seeds;

  @Option(names = "--wds", paramLabel = "LIST", description = "weight decays of a grid, e.g. 0.5,1,2; instead of --wd")
  private String wds;

  @Option(names = "--lrs", paramLabel = "LIST", description = "learning rates of a grid, e.g. 1e-3,3e-3; instead of --lr")
  private String lrs;

  @Option(names = "--fracs", paramLabel = "LIST", description = "training fractions of a grid, e.g. 0.4,0.5,0.6; instead of --frac")
  private String fracs;

  @Option(names = "--ensemble", paramLabel = "K",
      description = "with list options: train at most K runs as one ensemble (default: what fits half the free"
          + " memory, at most 16)")
  private Integer ensemble;

  @Option(names = "--json", description = "print the summary as one JSON object on stdout (a grid: a JSON array)")
  private boolean json;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  private boolean noProgress;

  @Mixin private SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    Preset base = preset == null ? null : Commands.userInput(() -> Preset.parse(preset));
    TrainingConfig config = Commands.userInput(() -> SettingOptions.override(spec, Settings.ALL,
        base == null ? TrainingConfig.builder() : base.builder()).build());
    WeightComplexity complexity = Commands.userInput(() -> complexity(config));
    torchThreads.apply();
    if (seeds != null || wds != null || lrs != null || fracs != null) {
      if (compression != null) {
        throw new UsageException("--compression measures a single run: drop the list options");
      }
      return grid(config, base, complexity);
    }
    if (ensemble != null) {
      throw new UsageException("--ensemble needs a list option (--seeds, --wds, --lrs or --fracs)");
    }
    if (spark.master() != null) {
      throw new UsageException("--spark trains grids: give a list option (--seeds, --wds, --lrs or --fracs)");
    }
    Path dir = Commands.outputPath("--out", out != null ? out : Path.of("out", "train-" + (base == null ? "custom" : base.cliName())));
    TrainingCost cost = TrainingCost.of(config);
    PrintWriter err = spec.commandLine().getErr();
    if (base == Preset.PAPER && cost.heap().bytes() <= occam.io.MemoryEstimate.heapLimit() && !Djl.device().isGpu()) {
      err.println("paper preset on a CPU: " + cost.describe(MatmulRate.measure(), config.steps()));
      err.flush();
    }
    cost.requireFits(config, Commands.physicalMemory());
    Path figure = dir.resolve(FIGURE_FILE);
    TrainingSummary summary;
    ProgressListener progress = new ProgressListener(err, !noProgress, config.steps(), figure, title(config));
    try (progress) {
      summary = TrainingRun.of(config)
          .output(dir)
          .resume(resume)
          .preset(base == null ? null : base.cliName())
          .command(Commands.invocation(spec))
          .complexity(complexity)
          .listener(progress)
          .run();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(Json.compact(summary.toJson())); // nulls kept: absent steps are null, not missing
    } else {
      stdout.println(describe(summary, dir, progress.plotted() ? figure : null));
    }
    stdout.flush();
    return 0;
  }

  /**
   * {@code occam train} with list options: the product of the lists over the configuration, trained as
   * ensembles ({@link GridTraining}; with {@code --spark}, one ensemble per Spark task) into {@code
   * OUT/}{@link RunFolder#name}; prints a line per run and a summary line (or a JSON array of the summaries).
   */
  private int grid(TrainingConfig config, Preset base, WeightComplexity complexity) throws IOException {
    SettingsGrid grid = Commands.userInput(() -> new SettingsGrid(config,
        list("--seeds", seeds, "--seed", () -> ValueList.integers("--seeds", seeds), List.of(config.seed())),
        list("--wds", wds, "--wd", () -> ValueList.reals("--wds", wds), List.of(config.optimizer().weightDecay())),
        list("--lrs", lrs, "--lr", () -> ValueList.reals("--lrs", lrs), List.of(config.optimizer().lr())),
        list("--fracs", fracs, "--frac", () -> ValueList.reals("--fracs", fracs), List.of(config.frac()))));
    List<TrainingConfig> runs = Commands.userInput(grid::configs);
    Path dir = Commands.requireCreatable("--out",
        out != null ? out : Path.of("out", "train-" + (base == null ? "custom" : base.cliName())));
    long physical = Commands.physicalMemory();
    for (TrainingConfig c : runs) {
      TrainingCost.of(c).requireFits(c, physical);
    }
    SparkMaster master = spark.master();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    GridTraining training = GridTraining.of(runs, dir).ensemble(ensemble).resume(resume, false)
        .preset(base == null ? null : base.cliName()).command(Commands.invocation(spec)).complexity(complexity);
    Optional<List<TrainingSummary>> trained;
    try (GridProgress display = new GridProgress(err, dir, !noProgress, master == null, "resume with --resume")) {
      trained = spark.train(master, training, display, torchThreads.count(), "occam train", err);
    }
    if (trained.isEmpty()) {
      return Occam.EXIT_FAILURE;
    }
    List<TrainingSummary> summaries = trained.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      com.google.gson.JsonArray array = new com.google.gson.JsonArray();
      summaries.forEach(s -> array.add(s.toJson()));
      stdout.println(Json.compact(array));
    } else {
      stdout.println(gridTable(summaries, seconds, dir));
    }
    stdout.flush();
    return 0;
  }

  /** A list option's values, or the single value when it is absent; both given is a usage error. */
  private <T> List<T> list(String option, String text, String single, java.util.function.Supplier<List<T>> parse,
      List<T> otherwise) {
    if (text == null) {
      return otherwise;
    }
    if (spec.findOption(single).getValue() != null) {
      throw new UsageException(option + " and " + single + " cannot be given together: give one of them");
    }
    return parse.get();
  }

  /** One line per run trained, then the grid's counts and wall time. */
  private static String gridTable(List<TrainingSummary> summaries, double seconds, Path dir) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-40s %-10s %6s %6s %9s %9s%n", "run", "phase", "t_mem", "t_grok", "train_acc",
        "test_acc"));
    Map<String, Integer> phases = new java.util.TreeMap<>();
    for (TrainingSummary s : summaries) {
      StepMetrics f = s.finalMetrics();
      b.append(String.format(Locale.ROOT, "%-40s %-10s %6s %6s %9.4f %9.4f%n", RunFolder.name(s.config()),
          s.phase().label(), occam.io.Numbers.step(s.memorizationStep(), "-"),
          occam.io.Numbers.step(s.grokkingStep(), "-"), f.trainAcc(), f.testAcc()));
      phases.merge(s.phase().label(), 1, Integer::sum);
    }
    b.append(String.format(Locale.ROOT, "%d runs trained in %.0f s into %s: ", summaries.size(), seconds, dir));
    b.append(phases.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(java.util.stream.Collectors.joining(", ")));
    return b.toString();
  }

  /** The complexity estimate behind {@code --bdm} or {@code --compression} (one of them: both log 'complexity'). */
  private WeightComplexity complexity(TrainingConfig config) {
    if (compression != null) {
      if (bdm) {
        throw new UsageException("--bdm and --compression both log 'complexity': choose one");
      }
      return new CompressionComplexityLog(config, compression, CompressionGrid.TRAINING);
    }
    return bdm ? BdmComplexity.of(BdmPreset.DEFAULT) : WeightComplexity.NONE;
  }

  static String title(TrainingConfig c) {
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
    RunFolder folder = new RunFolder(dir);
    b.append("wrote ").append(folder.metricsFile()).append(", ").append(folder.summaryFile()).append(", ")
        .append(folder.checkpointFile());
    if (figure != null) {
      b.append(", ").append(figure);
    }
    return b.toString();
  }

  /**
   * Shows training progress on stderr (step, losses, accuracies, steps/s and ETA, {@link Progress}),
   * draws the curves figure into the run folder at the end (before its manifest), and says where the
   * checkpoint is when a SIGINT stops the run.
   */
  private static final class ProgressListener implements TrainingListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean show;
    private final int steps;
    private final Path figure;
    private final String title;
    private final List<StepMetrics> log = new ArrayList<>();
    private Progress progress;
    private boolean plotted;

    ProgressListener(PrintWriter err, boolean show, int steps, Path figure, String title) {
      this.err = err;
      this.show = show;
      this.steps = steps;
      this.figure = figure;
      this.title = title;
    }

    @Override
    public void onStart(TrainingConfig config, int startStep, String device) {
      if (show) {
        progress = new Progress("train " + device, steps, err, " steps", startStep);
      }
    }

    @Override
    public void onLog(StepMetrics metrics) {
      log.add(metrics);
    }

    @Override
    public void onStep(StepProgress s) {
      if (progress != null) {
        progress.stepTo(s.step(), String.format(Locale.ROOT, "loss %.3g/%.3g acc %.3f/%.3f (train/test)",
            s.trainLoss(), s.testLoss(), s.trainAcc(), s.testAcc()));
      }
    }

    @Override
    public void onInterrupt(int step, Path checkpoint) {
      close();
      Commands.sayInterrupted(err, step, checkpoint, "resume with --resume");
    }

    @Override
    public void onEnd(TrainingSummary summary) {
      if (log.stream().anyMatch(m -> m.step() > 0)) {
        try {
          TrainingCurves.writePng(log, title, figure);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        plotted = true;
      }
    }

    /** Whether the figure was drawn. */
    boolean plotted() {
      return plotted;
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
        progress = null;
      }
    }
  }
}
