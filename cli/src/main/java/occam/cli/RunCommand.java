package occam.cli;

import occam.sfm.SfmEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.results.Csv;
import occam.results.RunSummary;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;
import occam.sfm.SfmSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam run}: one SFM run, with a summary, JSON, and an optional CSV trace. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the SFM (drift + Occam Gate) once and report phase, t_mem, t_gen and the observables.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SfmOptions sfm;

  @Option(names = "--frac", description = "Training fraction alpha in (0, 1] (default: ${DEFAULT-VALUE}).", defaultValue = "0.5")
  double frac;

  @Option(names = "--beta", description = "Prior strength beta >= 0 (default: ${DEFAULT-VALUE}).", defaultValue = "1.0")
  double beta;

  @Option(names = "--seed", description = "Seed of the split, noise and init (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  long seed;

  @Option(names = "--log-every", description = "Logging interval of the trace (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int logEvery;

  @Option(names = "--trace", description = "Write the logged metrics to this CSV file as they are logged: a regular file"
      + " is replaced atomically at the end, a link is followed, a FIFO or /dev/stdout is written through.")
  Path trace;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Option(names = "--engine", description = "cpu, opencl or auto: OpenCL when a device is present, else CPU"
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "cpu")
  String engine;

  @Mixin OpenClOptions ocl;

  @Override
  public Integer call() throws IOException {
    SfmConfig config = Commands.userInput(() -> sfm.config(frac, beta, seed));
    sfm.requireFits(SfmSolver.memory(config.task().groupOrder(), 1), 1, 1);
    if (trace != null) {
      Commands.userInput(() -> {
        AtomicFiles.requireWritable(trace);
        return trace;
      });
    }
    SfmEngine chosen = Commands.userInput(() -> Engines.choose(engine, ocl, sfm.backend(), 1, logEvery,
        spec.commandLine().getErr()));
    PrintWriter out = spec.commandLine().getOut();
    SfmResult result;
    if (trace == null) {
      result = run(chosen, config, metrics -> {});
    } else {
      SfmResult[] ran = new SfmResult[1];
      String command = Commands.invocation(spec);
      AtomicFiles.write(trace, stream -> {
        Writer text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        try (Csv.Rows<SfmMetrics> rows = RunSummary.trace(text, command)) {
          ran[0] = run(chosen, config, metrics -> {
            try {
              rows.print(metrics);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      });
      result = ran[0];
    }
    RunSummary summary = RunSummary.of(result, chosen.name());
    if (json) {
      out.println(Json.compact(summary));
    } else {
      SfmMetrics l = result.last();
      out.printf(Locale.ROOT, "SFM  p=%d op=%s m=%d  frac=%.3g (n=%d)  beta=%.4g  tau=%.4g  gate=%s  eta=%.3g  wd=%.3g  seed=%d%n",
          config.task().p(), config.task().op().cliName(), config.task().groupOrder(), config.frac(), result.trainSize(),
          config.beta(), summary.tau(), config.gate().cliName(), config.eta(), config.wd(), config.seed());
      out.printf(Locale.ROOT, "phase     %s   (t_mem %s, t_gen %s; stopped: %s at t=%d)%n", result.phase().label(),
          occam.io.Numbers.step(result.tMem(), "-"), occam.io.Numbers.step(result.tGen(), "-"), result.stop().name().toLowerCase(Locale.ROOT), l.t());
      out.printf(Locale.ROOT, "accuracy  train %.4f  test %.4f    mse train %.4g  test %.4g%n",
          l.trainAcc(), l.testAcc(), l.trainMse(), l.testMse());
      out.printf(Locale.ROOT, "support   %d (on sigma %d; ideal |supp W*| = %d)  mass on sigma %.4f%n",
          l.support(), l.supportOnSigma(), result.idealSupport(), l.massOnSigma());
      out.printf(Locale.ROOT, "lambda^   %.1f   K_SFM %.0f bits   F %.4g   gini %.4f   ipr %.4g%n",
          l.lambdaHat(), l.kSfm(), l.freeEnergy(), l.gini(), l.ipr());
      if (trace != null) {
        out.println("trace     " + trace);
      }
    }
    out.flush();
    return 0;
  }

  /** Runs the config with progress on stderr, handing each logged row to {@code rows}. */
  private SfmResult run(SfmEngine chosen, SfmConfig config, Consumer<SfmMetrics> rows) {
    try (Progress progress = new Progress("occam run", config.iters(), spec.commandLine().getErr())) {
      SfmListener listener = new SfmListener() {
        @Override
        public void logged(SfmConfig c, SfmMetrics mt) {
          rows.accept(mt);
          progress.stepTo(mt.t(), String.format(Locale.ROOT, "train %.3f test %.3f supp %d",
              mt.trainAcc(), mt.testAcc(), mt.support()));
        }
      };
      return chosen.run(List.of(config), listener).get(0);
    }
  }
}
