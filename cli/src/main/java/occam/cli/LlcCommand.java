package occam.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.io.Json;
import occam.io.Messages;
import occam.io.Numbers;
import occam.io.UsageException;
import occam.theory.llc.LlcEstimate;
import occam.theory.llc.SgldListener;
import occam.theory.llc.SgldSettings;
import occam.transformer.Snapshots;
import occam.transformer.llc.CheckpointWeights;
import occam.transformer.llc.SnapshotWeights;
import occam.transformer.llc.TransformerLlc;
import occam.transformer.llc.WeightsSource;
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
      "RUN_DIR is an 'occam train' run folder; its weights come from checkpoint/state.ckpt (the last saved step)."
          + " Prints lambda-hat, per-chain values and diagnostics (R-hat, chain spread, first/second-half drift)."
          + " Cost: chains x (burn-in + draws) forward and backward passes; progress and ETA go to stderr.",
      "'occam llc calibrate' runs the estimator on the SFM, where lambda is known."
    })
public final class LlcCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "An 'occam train' run folder.")
  Path runDir;

  @Option(names = "--step", paramLabel = "STEP",
      description = "The step to measure at: the checkpoint's (default) or one with a weight snapshot (--snapshots).")
  Integer step;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Mixin SgldOptions sgld;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (runDir == null) {
      throw new UsageException("name a run folder (occam llc RUN_DIR), or run 'occam llc calibrate'");
    }
    if (!Files.isDirectory(runDir)) {
      throw new UsageException("run folder " + Messages.value(runDir) + " is not a folder");
    }
    SgldSettings settings = sgld.settings();
    WeightsSource source = Commands.userInput(() -> step != null && Files.exists(Snapshots.file(runDir, step))
        ? SnapshotWeights.of(runDir) : CheckpointWeights.of(runDir));
    int at = step != null ? step : source.steps().get(source.steps().size() - 1);
    if (!source.steps().contains(at)) {
      throw new UsageException("--step " + at + ": " + Messages.value(runDir) + " holds weights at step(s) "
          + source.steps() + " only (other steps need snapshots)");
    }
    int n = source.config().split().trainSize();
    if (settings.batchSize() > n) {
      throw new UsageException("--batch " + settings.batchSize() + " is larger than the training set (n = " + n + ")");
    }
    LlcEstimate e;
    try (Eta eta = new Eta("occam llc", (long) settings.chains() * settings.stepsPerChain(), err)) {
      e = TransformerLlc.at(source, at, settings, eta);
    }
    if (json) {
      out.println(Json.pretty(summary(runDir, at, e)));
    } else {
      print(out, runDir, at, e);
    }
    out.flush();
    return 0;
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
    out.printf(Locale.ROOT, "  n = %d, n·β* = %s, L_n(w*) = %s%n", e.n(), Numbers.table(e.nBeta()),
        Numbers.precise(e.lossAtCenter()));
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
