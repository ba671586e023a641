package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.io.Numbers;
import occam.io.ReportFolder;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.results.llc.LlcCalibrationReport;
import occam.sfm.SfmProblem;
import occam.sfm.llc.CalibrationRow;
import occam.sfm.llc.FixedPoint;
import occam.sfm.llc.SfmCalibration;
import occam.sfm.llc.SfmLoss;
import occam.theory.llc.SgldSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam llc calibrate}: the LLC estimator on the SFM's fixed points, beside the support count
 * |supp|/2 and the loss's own λ = rank(H)/2 → {@code sfm-calibration.csv}, {@code .md}, {@code .png}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrates the LLC estimator on the SFM, where lambda is known: at the memorizing fixed point"
          + " W_mem = DFT2(M*Y)/m^2 (every cell), at W* on its support, and at W* with every cell free; each"
          + " beside the support count |supp|/2 and the loss's lambda = rank(H)/2 (one real dof per cell of a"
          + " Hermitian W). Writes sfm-calibration.csv, .md and .png into --out (swapped in whole)."
    })
public final class LlcCalibrateCommand implements Callable<Integer> {
  private CommandSpec spec;

  /** Receives the command's model and puts the SFM's SGLD defaults into the help. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    value.usageMessage().footer(SgldOptions.defaultsLine(SgldSettings.defaults(0))
        + " (epsilon: epsilon*n*beta*h_max/4 ~ 1% bias at n ~ 500, h_max ~ 4; burn-in: five relaxation times"
        + " 2/(epsilon*P) of the stiffest-to-mix direction of the SFM, see results/llc.)");
  }

  @Option(names = "--p", paramLabel = "P[,P…]", split = ",", defaultValue = "31,47",
      description = "Primes. Default: ${DEFAULT-VALUE}.")
  List<Integer> primes;

  @Option(names = "--op", paramLabel = "OP", defaultValue = "add",
      description = "Operation: add, sub, mul or div. Default: ${DEFAULT-VALUE}.")
  String op;

  @Option(names = "--frac", paramLabel = "A", defaultValue = "0.5",
      description = "Training fraction of the split. Default: ${DEFAULT-VALUE}.")
  double frac;

  @Option(names = "--split-seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the train/test split. Default: ${DEFAULT-VALUE}.")
  long splitSeed;

  @Option(names = "--epsilons", paramLabel = "E[,E…]", split = ",",
      description = "Step sizes to compare (one row each); default: --epsilon alone.")
  List<Double> epsilons;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/llc",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Mixin SgldOptions sgld;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    SgldSettings base = sgld.settings(SgldSettings.defaults(0));
    List<Double> steps = epsilons == null || epsilons.isEmpty() ? List.of(base.stepSize()) : epsilons;
    List<SgldSettings> settings = new ArrayList<>();
    for (double e : steps) {
      settings.add(Commands.userInput(() -> new SgldSettings(e, base.localization(), base.chains(), base.burnIn(),
          base.draws(), base.batchSize(), base.seed())));
    }
    Op operation = Commands.userInput(() -> Op.parse(op));
    List<SfmProblem> problems = new ArrayList<>();
    for (int p : primes) {
      SfmProblem problem = Commands.userInput(() -> SfmCalibration.problem(ModularTask.of(p, operation), frac, splitSeed));
      Commands.userInput(() -> SfmLoss.of(problem, FixedPoint.MEMORIZING.support(problem)).dimension());
      problems.add(problem);
    }
    Commands.requireCreatable("--out", out);
    String command = Commands.invocation(spec);
    List<CalibrationRow> rows = new ArrayList<>();
    long total = (long) problems.size() * FixedPoint.values().length * settings.size() * base.chains() * base.stepsPerChain();
    try (ReportFolder folder = ReportFolder.begin(out, command);
        LlcCommand.Eta eta = new LlcCommand.Eta("occam llc calibrate", total, err)) {
      for (SfmProblem problem : problems) {
        for (FixedPoint point : FixedPoint.values()) {
          for (SgldSettings s : settings) {
            CalibrationRow r = SfmCalibration.run(problem, point, s, eta);
            rows.add(r);
          }
        }
      }
      LlcCalibrationReport.write(rows, folder.staging(), command);
      folder.publish();
    }
    for (CalibrationRow r : rows) {
      stdout.printf(Locale.ROOT, "p = %d %s %-22s ε = %-7s λ_supp = %-7s λ_rank = %-7s λ̂ = %s ± %s%n", r.p(), r.op(),
          r.point(), Numbers.table(r.stepSize()), Numbers.table(r.lambdaSupport()), Numbers.table(r.lambdaExact()),
          Numbers.table(r.lambdaHat()), Numbers.table(r.standardError()));
    }
    stdout.printf("occam llc calibrate: wrote %s, %s, %s in %s%n", LlcCalibrationReport.CSV,
        LlcCalibrationReport.MARKDOWN, LlcCalibrationReport.FIGURE, out);
    stdout.flush();
    return 0;
  }
}
