package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.io.AtomicFiles;
import occam.modular.ModularTask;
import occam.modular.Phase;
import occam.results.ScanReport;
import occam.results.ScanSummary;
import occam.results.TheoryBeside;
import occam.sfm.Gate;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.scan.Grid;
import occam.sfm.scan.ScanPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam scan}: a (β, frac, seed) grid of SFM runs, written as phase-transition tables and figures. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Scan beta (log grid) x frac (linear grid) x seeds with the SFM and write the phase-transition table",
        "(tidy CSV with a gate column, Markdown), a filled phase map per gate (PNG, SVG) and summary.json with the t_gen",
        "scaling fit and the theory beside it.",
        "With no options: p=31 add, both gates, beta 1e-5..10, frac 0.1..0.9, 3 seeds, 5000 iterations (about 10 s on 2 cores)."})
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SfmOptions sfm;

  @Option(names = "--betas", description = "beta grid LO:HI:K, log-spaced (default: ${DEFAULT-VALUE}).", defaultValue = "1e-5:10:7")
  String betas;

  @Option(names = "--fracs", description = "frac grid LO:HI:K, linear (default: ${DEFAULT-VALUE}).", defaultValue = "0.1:0.9:9")
  String fracs;

  @Option(names = "--seeds", description = "Seeds per cell; odd counts avoid tied majorities (default: ${DEFAULT-VALUE}).", defaultValue = "3")
  int seeds;

  @Option(names = "--seed", description = "First seed (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  long seed;

  @Option(names = "--threads", description = "Worker threads (default: all cores = ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int threads;

  @Option(names = "--engine", description = "cpu, opencl or auto: OpenCL when a device is present, else CPU"
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "cpu")
  String engine;

  @Mixin OpenClOptions ocl;

  @Option(names = "--out", description = "Output folder (default: out/scan-p<P>-<op>).")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    ScanPlan plan = Commands.userInput(() -> {
      List<Gate> gates = sfm.gate == null || "both".equalsIgnoreCase(sfm.gate.trim()) ? List.of(Gate.HARD, Gate.SOFT)
          : List.of(Gate.parse(sfm.gate));
      Grid betaGrid = Grid.parse("--betas", betas, true);
      Grid fracGrid = Grid.parse("--fracs", fracs, false);
      return new ScanPlan(sfm.config(fracGrid.values()[0], betaGrid.values()[0], seed, gates.get(0)), gates, betaGrid,
          fracGrid, seeds);
    });
    ModularTask task = plan.base().task();
    Path dir = out != null ? out : Path.of("out", "scan-p" + task.p() + "-" + task.op().cliName());
    int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    SfmEngine eng = Engines.choose(engine, ocl, sfm.backend(), workers, Integer.MAX_VALUE, err);
    AtomicFiles.requireWritableDirectory(dir);

    ScanReport report;
    try (Progress progress = new Progress("occam scan", plan.runs(), err)) {
      Map<Phase, Integer> seen = new EnumMap<>(Phase.class);
      SfmListener listener = new SfmListener() {
        @Override
        public void finished(SfmResult r) {
          synchronized (seen) {
            seen.merge(r.phase(), 1, Integer::sum);
            progress.step(seen.toString().toLowerCase(Locale.ROOT));
          }
        }
      };
      report = ScanReport.run(plan, eng, listener, Commands.invocation(spec));
    }
    ScanSummary summary = report.summary();
    List<String> files = report.write(dir);

    stdout.printf(Locale.ROOT, "scan: %d runs (%d cells x %d seeds) in %.1f s on %s%n", plan.runs(),
        report.cells().size(), seeds, report.seconds(), report.engine());
    for (ScanSummary.PerGate g : summary.gates()) {
      stdout.printf(Locale.ROOT, "  %-4s gate: %s; t_gen fit: %s%n", g.gate(), g.phaseCounts(), g.fitText());
    }
    TheoryBeside theory = summary.theory();
    stdout.printf(Locale.ROOT, "  theory: n_cs = %.0f (frac %.3f) for |supp W*| = %d; %s%n", theory.nCs(),
        theory.fracCs(), summary.idealSupport(), theory.crossoverNote());
    stdout.println("wrote " + dir.resolve(files.get(0)) + ", " + String.join(", ", files.subList(1, files.size())));
    stdout.flush();
    return 0;
  }
}
