package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import occam.io.Json;
import occam.io.Messages;
import occam.io.Numbers;
import occam.io.ReportFolder;
import occam.io.UsageException;
import occam.results.llc.LlcCurveReport;
import occam.results.llc.LlcCurveRow;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import occam.transformer.Snapshots;
import occam.transformer.llc.CheckpointWeights;
import occam.transformer.llc.LlcCurve;
import occam.transformer.llc.SnapshotWeights;
import occam.transformer.llc.TransformerLlc;
import occam.transformer.llc.WeightsSource;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code occam llc RUN_DIR}: the local learning coefficient of a trained transformer at its saved
 * weights, by localized SGLD on its training loss; {@code occam llc calibrate} checks the estimator on
 * the SFM, where λ is known.
 */
@Command(
    name = "llc",
    mixinStandardHelpOptions = true,
    subcommands = {LlcCalibrateCommand.class},
    description = {
      "Local learning coefficient lambda-hat = n beta* (E_w[L_n(w)] - L_n(w*)), beta* = 1/ln n, w drawn by"
          + " localized SGLD around w* (Lau et al. 2023; devinterp): w += -(eps/2)(n beta* grad L(w) + gamma (w - w*))"
          + " + N(0, eps).",
      "RUN_DIR is an 'occam train' run folder. One step: its weights come from checkpoint/state.ckpt (the last"
          + " saved step) or from the snapshot at --step; prints lambda-hat, per-chain values and diagnostics"
          + " (R-hat, chain spread, first/second-half drift, the mean loss rise E[L] - L(w*)).",
      "The curve over training: --out DIR estimates lambda-hat at the run's weight snapshots (all, every K-th with"
          + " --every, or --steps) with the same settings and seed, and writes DIR/llc-curve.csv and"
          + " DIR/llc-curve.png (lambda-hat with error bars, and train/test loss, against the step; t_mem and t_grok"
          + " marked).",
      "Cost: chains x (burn-in + draws) forward and backward passes per step (~4 ms each for the quick preset on"
          + " one thread); progress and ETA go to stderr.",
      "'occam llc calibrate' runs the estimator on the SFM, where lambda is known."
    })
public final class LlcCommand implements Callable<Integer> {
  private CommandSpec spec;

  /** Receives the command's model and puts the transformer's SGLD defaults into the help. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    value.usageMessage().footer(SgldOptions.defaultsLine(TransformerLlc.DEFAULT_SETTINGS)
        + " Why: gamma = 1 (the SFM's) does not localize a transformer (the chains reach chance-level loss and"
        + " diverge); gamma = 100 relaxes in 2/(eps gamma) = 200 steps, so 1000 burn-in steps are five relaxation"
        + " times; with these the quick grok run passes the diagnostics at t_mem and at the end"
        + " (results/complexity/llc/README.md).");
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "An 'occam train' run folder.")
  Path runDir;

  @Option(names = "--step", paramLabel = "STEP",
      description = "The step to measure at: the checkpoint's (default) or one with a weight snapshot (--snapshots).")
  Integer step;

  @Option(names = "--json", description = "Print one JSON object instead of text (one step only).")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Estimate the curve over the run's snapshots and write llc-curve.csv and llc-curve.png here.")
  Path out;

  @Option(names = "--every", paramLabel = "K",
      description = "With --out: every K-th snapshot from the first, and the last. Default: 1 (all).")
  Integer every;

  @Option(names = "--steps", paramLabel = "S[,S…]", split = ",",
      description = "With --out: these snapshot steps instead (e.g. 0,76,824,1500).")
  List<Integer> steps;

  @Mixin TorchThreads threads;

  @Mixin SgldOptions sgld;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (runDir == null) {
      throw new UsageException("name a run folder (occam llc RUN_DIR), or run 'occam llc calibrate'");
    }
    if (!Files.isDirectory(runDir)) {
      throw new UsageException("run folder " + Messages.value(runDir) + " is not a folder");
    }
    SgldSettings settings = sgld.settings(TransformerLlc.DEFAULT_SETTINGS);
    threads.apply();
    if (this.out != null) {
      return curve(settings, out, err);
    }
    if (every != null || steps != null) {
      throw new UsageException((every != null ? "--every" : "--steps") + " chooses the snapshots of a curve: give --out DIR");
    }
    WeightsSource source = Commands.userInput(() -> step != null && Files.exists(Snapshots.file(runDir, step))
        ? SnapshotWeights.of(runDir) : CheckpointWeights.of(runDir));
    int at = step != null ? step : source.steps().get(source.steps().size() - 1);
    if (!source.steps().contains(at)) {
      throw new UsageException("--step " + at + ": " + Messages.value(runDir) + " holds weights at step(s) "
          + source.steps() + " only (other steps need snapshots)");
    }
    SgldSettings fitted = fitted(settings, source);
    LlcEstimate e;
    try (Eta eta = new Eta("occam llc", (long) fitted.chains() * fitted.stepsPerChain(), err)) {
      e = TransformerLlc.at(source, at, fitted, eta);
    }
    if (json) {
      out.println(Json.pretty(summary(runDir, at, e)));
    } else {
      print(out, runDir, at, e);
    }
    out.flush();
    return 0;
  }

  /** The curve over the chosen snapshots into {@code --out}, swapped in whole; nothing written on bad input. */
  private int curve(SgldSettings settings, PrintWriter out, PrintWriter err) throws IOException {
    if (step != null || json) {
      throw new UsageException((step != null ? "--step" : "--json") + " is for one step; --out writes the curve over"
          + " the snapshots (choose them with --every or --steps)");
    }
    if (every != null && steps != null) {
      throw new UsageException("give --every or --steps, not both");
    }
    SnapshotWeights source = Commands.userInput(() -> SnapshotWeights.of(runDir));
    List<Integer> chosen = Commands.userInput(() -> steps != null ? chosen(source, steps)
        : LlcCurve.every(source.steps(), every == null ? 1 : every));
    SgldSettings fitted = fitted(settings, source);
    RunFolder run = new RunFolder(runDir);
    List<StepMetrics> log = run.log();
    OptionalInt tMem = OptionalInt.empty();
    OptionalInt tGrok = OptionalInt.empty();
    if (Files.isRegularFile(run.summaryFile())) {
      TrainingSummary summary = Commands.userInput(() -> {
        try {
          return run.summary();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      tMem = summary.memorizationStep();
      tGrok = summary.grokkingStep();
    }
    Commands.requireCreatable("--out", this.out);
    String command = Commands.invocation(spec);
    List<LlcCurveRow> rows;
    try (ReportFolder folder = ReportFolder.begin(this.out, command);
        Eta eta = new Eta("occam llc", (long) chosen.size() * fitted.chains() * fitted.stepsPerChain(), err)) {
      rows = rows(LlcCurve.over(source, chosen, fitted, eta));
      LlcCurveReport.write(rows, log, tMem, tGrok, folder.staging(), command);
      folder.publish();
    }
    for (LlcCurveRow r : rows) {
      out.printf(Locale.ROOT, "step %6d  λ̂ = %s ± %s  R̂ = %s  drift z = %s  L_n(w*) = %s%n", r.step(),
          r.diverged() ? "diverged" : Numbers.table(r.llc()), Numbers.table(r.standardError()),
          Numbers.table(r.rHat()), Numbers.table(r.driftZ()), Numbers.precise(r.lossAtWStar()));
    }
    out.printf("occam llc: wrote %s and %s in %s%n", LlcCurveReport.CSV, LlcCurveReport.FIGURE, this.out);
    out.flush();
    return 0;
  }

  /** The curve's rows. */
  static List<LlcCurveRow> rows(LlcCurve curve) {
    List<LlcCurveRow> rows = new ArrayList<>();
    for (int i = 0; i < curve.steps().size(); i++) {
      rows.add(LlcCurveRow.of(curve.steps().get(i), curve.estimates().get(i)));
    }
    return rows;
  }

  /** The --steps, each a snapshot of the source, ascending and without repeats. */
  private static List<Integer> chosen(SnapshotWeights source, List<Integer> wanted) {
    List<Integer> missing = wanted.stream().filter(s -> !source.steps().contains(s)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("--steps " + missing + ": no snapshot there; snapshots: " + source.steps());
    }
    return new ArrayList<>(new TreeSet<>(wanted));
  }

  /**
   * The settings for the run's training set: a --batch larger than n is a usage error, the default batch
   * on a smaller run becomes the full batch.
   */
  private SgldSettings fitted(SgldSettings settings, WeightsSource source) {
    int n = source.config().split().trainSize();
    if (sgld.batch != null && settings.batchSize() > n) {
      throw new UsageException("--batch " + settings.batchSize() + " is larger than the training set (n = " + n + ")");
    }
    return TransformerLlc.fitted(settings, n);
  }

  /** The estimate without its traces, as the JSON and text outputs show it. */
  static Map<String, Object> summary(Path runDir, int step, LlcEstimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", runDir.toString());
    m.put("step", step);
    m.put("llc", Json.number(e.lambda()));
    m.put("llc_per_chain", e.lambdaPerChain());
    m.put("diverged", e.diverged());
    m.put("n", e.n());
    m.put("n_beta", e.nBeta());
    m.put("loss_at_w_star", e.lossAtCenter());
    m.put("diagnostics", e.diagnostics());
    m.put("sgld", e.settings());
    return m;
  }

  private static void print(PrintWriter out, Path runDir, int step, LlcEstimate e) {
    out.printf(Locale.ROOT, "LLC of %s at step %d: %s%n", runDir, step,
        e.diverged() ? "diverged (SGLD step too large for this loss: lower --epsilon)" : Numbers.table(e.lambda())
            + " ± " + Numbers.table(e.diagnostics().standardError()) + " (se over chains)");
    out.printf(Locale.ROOT, "  n = %d, n·β* = %s, L_n(w*) = %s, mean loss rise E[L] − L_n(w*) = λ̂/(n·β*) = %s nats%n",
        e.n(), Numbers.table(e.nBeta()), Numbers.precise(e.lossAtCenter()), Numbers.table(e.lambda() / e.nBeta()));
    StringBuilder chains = new StringBuilder();
    for (double x : e.lambdaPerChain()) {
      chains.append(chains.length() == 0 ? "" : ", ").append(Numbers.table(x));
    }
    out.printf(Locale.ROOT, "  per chain: %s%n", chains);
    out.printf(Locale.ROOT, "  diagnostics: R̂ = %s, spread = %s, drift (2nd − 1st half) = %s (z = %s)%n",
        Numbers.table(e.diagnostics().rHat()), Numbers.table(e.diagnostics().chainSpread()),
        Numbers.table(e.diagnostics().drift()), Numbers.table(e.diagnostics().driftZ()));
    if (e.lambda() < 0) {
      out.println("  note: λ̂ < 0: the chains found lower loss than L_n(w*), so w* is not a local minimum"
          + " (an unconverged run?) and λ̂ is not a learning coefficient there");
    }
    SgldSettings s = e.settings();
    out.printf(Locale.ROOT, "  SGLD: ε = %s, γ = %s, %d chains × (%d burn-in + %d draws), batch %s, seed %d%n",
        Numbers.table(s.stepSize()), Numbers.table(s.localization()), s.chains(), s.burnIn(), s.draws(),
        s.batchSize() == 0 ? "full" : Integer.toString(s.batchSize()), s.seed());
  }

  /** Progress of the SGLD steps on stderr with an ETA from the mean time per step so far. */
  static final class Eta implements SgldListener, AutoCloseable {
    private final Progress progress;
    private final long total;
    private final long start = System.nanoTime();
    private long done;

    Eta(String task, long total, PrintWriter err) {
      this.progress = new Progress(task, total, err, " steps", 0);
      this.total = total;
    }

    @Override
    public void stepped(int chain, int step, int steps, double loss) {
      done++;
      double seconds = (System.nanoTime() - start) / 1e9;
      long left = Math.round(seconds / done * (total - done));
      // the first steps include start-up costs: an ETA from them would mislead
      progress.step(seconds < 5 && 100 * done < total ? "chain " + (chain + 1)
          : String.format(Locale.ROOT, "chain %d, %.3f s/step, ETA %dm%02ds", chain + 1, seconds / done, left / 60,
              left % 60));
    }

    @Override
    public void close() {
      progress.close();
    }
  }
}
