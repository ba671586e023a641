package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import occam.io.ReportFolder;
import occam.modular.Op;
import occam.results.prediction.League;
import occam.results.prediction.LeagueReport;
import occam.results.prediction.LeagueSettings;
import occam.results.prediction.Protocol;
import occam.results.prediction.Score;
import occam.sfm.scan.Grid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam league}: calibrates the grokking-time predictors on one part of a grid of training runs,
 * scores them on the rest under both protocols, and writes the report of {@link LeagueReport} (grid
 * summary, transformer phase tables, league, calibration) under {@code --out}.
 */
@Command(
    name = "league",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Calibrate grokking-time predictors (constant, 1/(lr*wd), power law, SFM soft and hard, the SFM soft in units of",
      "1/lr, first-passage norm law, the theory's n*) on the runs of one op, prime and seeds; score them on held-out",
      "seeds (a) and held-out ops and primes (b). Writes OUT/grid-summary.csv, OUT/phase-tables/, OUT/side-by-side/",
      "(each transformer phase table beside the SFM's), OUT/league.{md,csv}, OUT/predictions.csv, OUT/calibration.json",
      "and the figures. Unfinished run folders, and runs an earlier folder already holds, are left out."
    })
public final class LeagueCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--runs", paramLabel = "DIR", arity = "1..*", required = true,
      description = "run folders (with summary.json), or folders whose subfolders are runs")
  private List<Path> runs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/prediction/league",
      description = "report folder (default ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--calibration-op", paramLabel = "OP", defaultValue = "add",
      description = "op of the calibration runs (default ${DEFAULT-VALUE})")
  private String calibrationOp;

  @Option(names = "--calibration-p", paramLabel = "P", defaultValue = "47",
      description = "prime of the calibration runs (default ${DEFAULT-VALUE})")
  private int calibrationP;

  @Option(names = "--calibration-seeds", paramLabel = "S", split = ",", defaultValue = "0",
      description = "seeds of the calibration runs; the other seeds of that op and prime are protocol (a) "
          + "(default ${DEFAULT-VALUE})")
  private List<Long> calibrationSeeds;

  @Option(names = "--k-betas", paramLabel = "LO:HI:K", defaultValue = "1e-6:1e-2:5",
      description = "k grid of the SFM's beta = k*wd^a, log-spaced (default ${DEFAULT-VALUE})")
  private String kBetas;

  @Option(names = "--wd-exponents", paramLabel = "A", split = ",", defaultValue = "0.5,1,1.5,2,2.5,3",
      description = "a grid of the SFM's beta = k*wd^a (default ${DEFAULT-VALUE})")
  private List<Double> wdExponents;

  @Option(names = "--n-star-k", paramLabel = "LO:HI:K", defaultValue = "1e-4:1e2:13",
      description = "k grid of the n* classifier's beta = k*wd, log-spaced (default ${DEFAULT-VALUE})")
  private String nStarK;

  @Option(names = "--eps", paramLabel = "E", defaultValue = "0.5",
      description = "eps_gen of the theory's n* (default ${DEFAULT-VALUE})")
  private double eps;

  @Option(names = "--sfm-iters", paramLabel = "T", defaultValue = "20000",
      description = "SFM iteration budget per run (default ${DEFAULT-VALUE})")
  private int sfmIters;

  @Option(names = "--sfm-threads", paramLabel = "N", defaultValue = "1",
      description = "threads for the SFM runs (default ${DEFAULT-VALUE})")
  private int sfmThreads;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
      description = "bootstrap resamples of the scored runs (default ${DEFAULT-VALUE})")
  private int bootstrap;

  @Option(names = "--bootstrap-seed", paramLabel = "S", defaultValue = "1",
      description = "seed of the bootstrap (default ${DEFAULT-VALUE})")
  private long bootstrapSeed;

  @Override
  public Integer call() throws IOException {
    LeagueSettings settings = Commands.userInput(() -> new LeagueSettings(Op.parse(calibrationOp), calibrationP,
        Set.copyOf(calibrationSeeds), grid("--k-betas", kBetas), wdExponents, grid("--n-star-k", nStarK), eps, sfmIters,
        sfmThreads, bootstrap, bootstrapSeed));
    Commands.outputPath("--out", out);
    LeagueSettings.Runs read = Commands.userInput(() -> {
      try {
        return LeagueSettings.read(runs);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Commands.userInput(() -> settings.calibration(read.runs()));
    read.runs().stream().mapToInt(r -> r.task().groupOrder()).max().ifPresent(m -> occam.sfm.SfmSolver.memory(m, sfmThreads)
        .requireFits("the SFM predictors of the largest p among the runs", "runs of smaller p"));
    String command = Commands.invocation(spec);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("league: %d finished runs (left out: %d unfinished, %d repeating an earlier folder's settings and seed); "
        + "fitting and scoring the predictors%n", read.runs().size(), read.unfinished().size(), read.duplicates().size());
    err.flush();
    League league;
    try (ReportFolder report = ReportFolder.begin(Commands.outputPath("--out", out), command)) {
      league = settings.run(read.runs(), command);
      LeagueReport.write(league, report.staging(), read.unfinished().size(), read.duplicates().size(), command);
      report.publish();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    for (Protocol p : List.of(Protocol.HELD_OUT_SEEDS, Protocol.HELD_OUT_CONDITIONS)) {
      List<Score> s = league.scores(p);
      stdout.printf(Locale.ROOT, "%s: %d runs; %s%n", p.label(), s.isEmpty() ? 0 : s.get(0).runs(),
          LeagueReport.verdict(league, p).replace("**", ""));
    }
    stdout.println("wrote " + out.resolve(LeagueReport.MARKDOWN));
    stdout.flush();
    return 0;
  }

  private static List<Double> grid(String name, String spec) {
    return Arrays.stream(Grid.parse(name, spec, true).values()).boxed().toList();
  }
}
