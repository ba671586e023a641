package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.io.Json;
import occam.io.Numbers;
import occam.transformer.ensemble.TrainBench;
import occam.transformer.records.ValueList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam bench train}: training throughput of ensembles against one model per process, and the
 * model FLOP rate against the same engine's dense-matmul rate ({@link TrainBench}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Training throughput at the quick preset's size: models x steps/s of ensembles of K models",
        "on 1 and 2 PyTorch threads, one model per process (alone and two side by side), the nanda step's",
        "model FLOP rate against a 1024^2 float32 matmul, and where a step's time goes.",
        "Defaults take about 2 minutes on 2 cores."})
public final class BenchTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
      description = "Timed seconds per cell (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--threads", paramLabel = "LIST", defaultValue = "1,2",
      description = "PyTorch thread counts, e.g. 1,2 or 1:4 (default: ${DEFAULT-VALUE}).")
  String threads;

  @Option(names = "--sizes", paramLabel = "LIST", defaultValue = "1,4,16",
      description = "Ensemble sizes K (default: ${DEFAULT-VALUE}; the default K for this machine is added).")
  String sizes;

  @Option(names = "--processes", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Time two single-model processes side by side (default: on; --no-processes skips it).")
  boolean processes;

  @Option(names = "--json", description = "Print one JSON object instead of the tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    int[] threadCounts = Commands.userInput(() -> positive("--threads", ValueList.integers("--threads", threads)));
    int[] ks = Commands.userInput(() -> positive("--sizes", ValueList.integers("--sizes", sizes)));
    if (!(seconds > 0 && seconds <= 600)) {
      throw new occam.io.UsageException("--seconds " + seconds + " is not allowed: it must be in (0, 600]");
    }
    TrainBench.Report report = TrainBench.run(threadCounts, ks, seconds, processes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.compact(report));
    } else {
      print(report, out);
    }
    out.flush();
    return 0;
  }

  private static int[] positive(String option, List<Long> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      long v = values.get(i);
      if (v < 1 || v > 256) {
        throw new IllegalArgumentException(option + " " + v + " is not allowed: each value must be in 1..256");
      }
      out[i] = (int) v;
    }
    return out;
  }

  /** The report as Markdown-like tables. */
  static void print(TrainBench.Report r, PrintWriter out) {
    out.printf(Locale.ROOT, "occam bench train: quick preset (p = 47, d = 64, full batch), %d cores, 1-minute load %s"
        + " before, %s after; %s s per cell; default ensemble K = %d (EnsemblePlan)%n%n", r.cores(),
        Numbers.table(r.loadBefore()), Numbers.table(r.loadAfter()), Numbers.table(r.secondsPerCell()), r.defaultEnsemble());
    out.println("| threads |  K | models·steps/s | model GFLOP/s | matmul GFLOP/s | ratio | fwd ms | bwd ms | opt ms | meas ms |");
    out.println("|--------:|---:|---------------:|--------------:|---------------:|------:|-------:|-------:|-------:|--------:|");
    for (TrainBench.EnsembleCell c : r.ensembles()) {
      out.printf(Locale.ROOT, "| %7d | %2d | %14s | %13s | %14s | %5s | %6s | %6s | %6s | %7s |%n", c.threads(), c.members(),
          Numbers.table(c.modelStepsPerSecond()), Numbers.table(c.modelGflops()), Numbers.table(c.matmulGflops()),
          Numbers.table(c.ratio()), Numbers.table(c.forwardMs()), Numbers.table(c.backwardMs()),
          Numbers.table(c.optimizerMs()), Numbers.table(c.measurementMs()));
    }
    out.println("(ms per ensemble step; meas = K metrics lines one after another, amortized over the log interval"
        + " of 10 steps; EnsembleRun spreads them over the cores)");
    out.println();
    out.println("| one model per process | threads each | models·steps/s |");
    out.println("|-----------------------|-------------:|---------------:|");
    for (TrainBench.ProcessCell c : r.processes()) {
      out.printf(Locale.ROOT, "| %-21s | %12d | %14s |%n", c.processes() == 1 ? "1 process" : c.processes()
          + " side by side", c.threads(), Numbers.table(c.modelStepsPerSecond()));
    }
    out.println();
    out.println("| nanda step (p = 113, d = 128) | threads | steps/s | model GFLOP/s | matmul GFLOP/s | ratio |");
    out.println("|-------------------------------|--------:|--------:|--------------:|---------------:|------:|");
    for (TrainBench.NandaCell c : r.nanda()) {
      out.printf(Locale.ROOT, "| %-29s | %7d | %7s | %13s | %14s | %5s |%n", "single model", c.threads(),
          Numbers.table(c.stepsPerSecond()), Numbers.table(c.modelGflops()), Numbers.table(c.matmulGflops()),
          Numbers.table(c.ratio()));
    }
    int k = r.defaultEnsemble();
    out.println();
    out.printf(Locale.ROOT, "ensemble of %d (fastest: %s thread(s)) vs two single-model processes side by side: %s x%n", k,
        r.fastest(k).map(c -> Integer.toString(c.threads())).orElse("–"), Numbers.table(r.speedupOverProcesses(k)));
  }
}
