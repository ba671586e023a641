package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import occam.complexity.BdmPreset;
import occam.modular.Op;
import occam.results.compare.TrainingRecord;
import occam.transformer.BdmComplexity;
import occam.transformer.Djl;
import occam.transformer.Preset;
import occam.transformer.TrainingConfig;
import occam.transformer.TrainingRun;
import occam.transformer.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam experiment}: the validation grid of SPEC §7 in one command. Trains a transformer (with
 * K_BDM logged) for every weight decay × frac × seed, each in {@code RUNS/p<P>-<op>-wd<wd>-frac<frac>-seed<s>},
 * then runs {@code compare} over them (which runs the SFM at β = k_β·wd on the same splits).
 * Resumable: a folder whose {@code summary.json} reports all its steps done is not retrained; any
 * other folder resumes from its checkpoint.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train the transformer grid (weight decays x fracs x seeds, K_BDM logged), then compare it with the SFM and",
      "the theory. Resumable: finished runs are kept, killed runs resume from their checkpoints."
    })
public final class ExperimentCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
      description = "base transformer preset (default ${DEFAULT-VALUE})")
  private String preset;

  @Option(names = "--p", paramLabel = "P", description = "prime modulus (default: the preset's)")
  private Integer p;

  @Option(names = "--op", paramLabel = "OP", description = "add, sub, mul or div (default: the preset's)")
  private String op;

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

  @Option(names = "--d-model", paramLabel = "D", description = "residual width (default: the preset's)")
  private Integer dModel;

  @Option(names = "--heads", paramLabel = "H", description = "attention heads (default: the preset's)")
  private Integer heads;

  @Option(names = "--d-mlp", paramLabel = "M", description = "MLP width (default: the preset's)")
  private Integer dMlp;

  @Option(names = "--log-every", paramLabel = "K", description = "metrics line every K steps (default: the preset's)")
  private Integer logEvery;

  @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "out/comparison/runs",
      description = "where the run folders go (default ${DEFAULT-VALUE})")
  private Path runsDir;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/comparison",
      description = "report folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PyTorch CPU threads (default ${DEFAULT-VALUE})")
  private int threads;

  @Mixin private CompareOptions options;

  @Override
  public Integer call() throws IOException {
    if (seeds < 1) {
      throw new occam.io.UsageException("--seeds " + seeds + " is not allowed: it must be >= 1");
    }
    if (wds.isEmpty() || fracs.isEmpty()) {
      throw new occam.io.UsageException("--wds and --fracs need at least one value each");
    }
    List<TrainingConfig> configs = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      for (double wd : wds) {
        for (double frac : fracs) {
          long seed = s;
          configs.add(Commands.userInput(() -> config(wd, frac, seed)));
        }
      }
    }
    Commands.userInput(() -> {
      occam.io.AtomicFiles.requireWritableDirectory(out);
      return options.settings();
    });
    Djl.useThreads(threads);
    PrintWriter log = spec.commandLine().getErr();
    List<Path> folders = new ArrayList<>();
    int i = 0;
    for (TrainingConfig c : configs) {
      i++;
      Path dir = runsDir.resolve(folderName(c));
      folders.add(dir);
      if (TrainingRecord.isComplete(dir, c.steps())) {
        log.printf(Locale.ROOT, "[%d/%d] %s: done already%n", i, configs.size(), dir);
        log.flush();
        continue;
      }
      TrainingSummary s = TrainingRun.of(c).output(dir).resume(true).preset(preset)
          .complexity(BdmComplexity.of(BdmPreset.DEFAULT)).run();
      log.printf(Locale.ROOT, "[%d/%d] %s: %s, t_mem %s, t_grok %s, %.1f steps/s%n", i, configs.size(), dir,
          s.phase().label(), occam.io.Numbers.step(s.memorizationStep(), "-"), occam.io.Numbers.step(s.grokkingStep(), "-"), s.stepsPerSecond());
      log.flush();
    }
    occam.results.compare.ComparisonRun cmp = options.run(folders, out, Commands.invocation(spec), log);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(cmp.headline(out));
    stdout.flush();
    return 0;
  }

  private TrainingConfig config(double wd, double frac, long seed) {
    TrainingConfig.Builder b = Preset.parse(preset).builder().weightDecay(wd).frac(frac).seed(seed).steps(steps);
    override(p, b::p);
    override(op == null ? null : Op.parse(op), b::op);
    override(dModel, b::dModel);
    override(heads, b::heads);
    override(dMlp, b::dMlp);
    override(logEvery, b::logEvery);
    return b.build();
  }

  private static <T> void override(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /**
   * The folder name of a run: {@code p47-add-wd1-frac0.5-seed0}.
   *
   * @param c the run
   * @return the name
   */
  static String folderName(TrainingConfig c) {
    return "p" + c.task().p() + "-" + c.task().op().cliName() + "-wd" + plain(c.optimizer().weightDecay()) + "-frac"
        + plain(c.frac()) + "-seed" + c.seed();
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
