package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import occam.complexity.BdmPreset;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import occam.distributed.SparkMaster;
import occam.io.ReportFolder;
import occam.transformer.BdmComplexity;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.Preset;
import occam.transformer.records.RunFolder;
import occam.transformer.records.Setting;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingCost;
import occam.transformer.records.TrainingGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam experiment}: the validation grid of SPEC §7 in one command. Trains a transformer (with
 * K_BDM logged) for every weight decay × frac × seed ({@link TrainingGrid}), trained as ensembles
 * ({@link GridTraining}; with {@code --spark}, one ensemble per Spark task), each in its {@link RunFolder}
 * {@code RUNS/p<P>-<op>-wd<wd>-lr<lr>-frac<frac>-seed<s>},
 * then runs {@code compare} over them (which runs the SFM at β = k_β·wd on the same splits).
 * Resumable: a finished folder (manifest written) whose {@code summary.json} reports all its steps
 * done is not retrained; any other folder resumes from its checkpoint. Every option is checked before
 * any training; the report folder is locked for the whole command and published as a whole at the end
 * ({@link ReportFolder}, keeping the nested reports other commands put there); with {@code --spark} the lock
 * is taken before Spark starts.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train the transformer grid (weight decays x fracs x seeds, K_BDM logged), then compare it with the SFM and",
      "the theory. Resumable: finished runs are kept, killed runs resume from their checkpoints.",
      "--spark local[*] or spark://HOST:PORT trains one ensemble per Apache Spark task (README: Grids on Spark)."
    })
public final class ExperimentCommand implements Callable<Integer> {
  /** Settings the grid takes from the command line (default: the preset's). */
  private static final List<Setting<?>> OVERRIDES =
      List.of(Settings.P, Settings.OP, Settings.D_MODEL, Settings.HEADS, Settings.D_MLP, Settings.LOG_EVERY);

  private CommandSpec spec;

  /** Receives the command's model and adds the options of {@link #OVERRIDES} ({@link SettingOptions}). */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    SettingOptions.addTo(value, OVERRIDES, " (default: the preset's)");
    value.usageMessage().footer(TrainCommand.largestPLine());
  }

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
      description = "base transformer preset (default ${DEFAULT-VALUE})")
  private String preset;

  @Option(names = "--wds", paramLabel = "WD", split = ",", defaultValue = "0.5,1,2",
      description = "weight decays (default ${DEFAULT-VALUE})")
  private List<Double> wds;

  @Option(names = "--fracs", paramLabel = "A", split = ",", defaultValue = "0.4,0.5,0.6",
      description = "training fractions (default ${DEFAULT-VALUE})")
  private List<Double> fracs;

  @Option(names = "--seeds", paramLabel = "S", defaultValue = "2", description = "seeds 0..S-1 (default ${DEFAULT-VALUE})")
  private int seeds;

  @Option(names = "--steps", paramLabel = "T", defaultValue = "2000", description = "updates per run (default ${DEFAULT-VALUE})")
  private int steps;

  @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "out/comparison/runs",
      description = "where the run folders go (default ${DEFAULT-VALUE})")
  private Path runsDir;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/comparison",
      description = "report folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Mixin private TorchThreads torchThreads;

  @Option(names = "--ensemble", paramLabel = "K",
      description = "train at most K runs as one ensemble (default: what fits half the free memory, at most 16)")
  private Integer ensemble;

  @Option(names = "--no-progress", description = "no progress bar on stderr (the line per finished run stays)")
  private boolean noProgress;

  @Mixin private CompareOptions options;

  @Mixin private SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    TrainingGrid grid = Commands.userInput(() -> new TrainingGrid(
        SettingOptions.override(spec, OVERRIDES, Preset.parse(preset).builder().set(Settings.STEPS, steps)).build(),
        wds, fracs, seeds));
    List<TrainingConfig> configs = Commands.userInput(grid::configs);
    options.settings();
    options.requireSeeds(LongStream.range(0, seeds).boxed().collect(Collectors.toCollection(TreeSet::new)));
    Commands.requireCreatable("--out", out);
    Commands.requireCreatable("--runs-dir", runsDir);
    int threads = torchThreads.apply();
    long physical = Commands.physicalMemory();
    for (TrainingConfig c : configs) {
      TrainingCost.of(c).requireFits(c, physical);
    }
    SparkMaster master = spark.master();
    String command = Commands.invocation(spec);
    PrintWriter log = spec.commandLine().getErr();
    GridTraining training = GridTraining.of(configs, runsDir).ensemble(ensemble).resume(true, true).preset(preset)
        .command(command).complexity(BdmComplexity.of(BdmPreset.DEFAULT));
    occam.results.compare.ComparisonRun cmp;
    try (ReportFolder report = CompareOptions.begin(out, command)) {
      try (GridProgress display = new GridProgress(log, runsDir, !noProgress, false, "run the same occam experiment again")) {
        if (spark.train(master, training, display, threads, "occam experiment", log).isEmpty()) {
          return Occam.EXIT_FAILURE;
        }
      }
      List<Path> folders = configs.stream().map(c -> RunFolder.in(runsDir, c).dir()).toList();
      cmp = options.run(options.read(folders), report, command, log);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(cmp.headline(out));
    stdout.flush();
    return 0;
  }
}
