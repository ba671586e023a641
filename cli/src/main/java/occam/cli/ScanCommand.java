package occam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.distributed.SparkEngine;
import occam.distributed.SparkMaster;
import occam.io.CellJournal;
import occam.io.Messages;
import occam.io.ReportFolder;
import occam.io.UsageException;
import occam.modular.ModularTask;
import occam.modular.Phase;
import occam.results.ScanReport;
import occam.results.ScanSummary;
import occam.results.TheoryBeside;
import occam.sfm.CpuEngine;
import occam.sfm.Gate;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.SfmSolver;
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
        "With no options: p=31 add, both gates, beta 1e-5..10, frac 0.1..0.9, 3 seeds, 5000 iterations (about 10 s on 2 cores).",
        "The folder is built aside and swapped in whole when the scan ends; a second scan on the same --out exits 2.",
        "Resume: each finished run is journaled in .<out>.cells.jsonl beside the folder; running the same command again",
        "after a kill skips the journaled runs and ends with the same files (summary.json's seconds count this session's",
        "runs only). Other settings against a journal exit 2.",
        "Spark: --spark local[*] runs the runs as Apache Spark tasks in this JVM, --spark spark://HOST:PORT on a standalone",
        "cluster; same files as a local scan (README: Grids on Spark)."})
public final class ScanCommand implements Callable<Integer> {
  /** Scans expected to take longer than this print their estimate before they start. */
  static final double ANNOUNCE_SECONDS = 60;

  @Spec CommandSpec spec;

  @Mixin SfmOptions sfm;

  @Option(names = "--betas", description = "beta grid LO:HI:K, log-spaced; K = 1 needs LO = HI (default: ${DEFAULT-VALUE}).",
      defaultValue = "1e-5:10:7")
  String betas;

  @Option(names = "--fracs", description = "frac grid LO:HI:K, linear; K = 1 needs LO = HI (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.1:0.9:9")
  String fracs;

  @Option(names = "--seeds", description = "Seeds per cell; odd counts avoid tied majorities (default: ${DEFAULT-VALUE}).", defaultValue = "3")
  int seeds;

  @Option(names = "--seed", description = "First seed (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  long seed;

  @Option(names = "--threads", description = "Worker threads, 0 for all cores, at most 4 x cores (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int threads;

  @Option(names = "--engine", description = "cpu, opencl or auto: OpenCL when a device is present, else CPU"
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "cpu")
  String engine;

  @Mixin OpenClOptions ocl;

  @Option(names = "--out", description = "Output folder (default: out/scan-p<P>-<op>).")
  Path out;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads < 0 || threads > 4 * cores) {
      throw new UsageException("--threads " + threads + " is not allowed: give 0 (all " + cores
          + " cores) up to " + 4 * cores + " (4 x cores)");
    }
    if (out != null && out.toString().isBlank()) {
      throw new UsageException("--out " + Messages.value("'" + out + "'") + " is not allowed: give a folder");
    }
    int workers = threads > 0 ? threads : cores;
    ModularTask task = Commands.userInput(sfm::task);
    long runs = Commands.userInput(() -> {
      int gates = sfm.gate == null || "both".equalsIgnoreCase(sfm.gate.trim()) ? 2 : 1;
      return (long) gates * Grid.size("--betas", betas) * Grid.size("--fracs", fracs) * Math.max(1, seeds);
    });
    SparkMaster master = sparkMaster();
    SfmEngine eng = master != null ? null
        : Commands.userInput(() -> Engines.choose(engine, ocl, sfm.backend(), workers, Integer.MAX_VALUE, err));
    int inFlight = eng != null ? eng.runsInFlight(runs) : (int) Math.min(runs, master.localThreads(cores).orElse(1));
    sfm.requireFits(ScanPlan.memory(task.groupOrder(), runs, inFlight), inFlight, runs);
    ScanPlan plan = Commands.userInput(() -> {
      List<Gate> gates = sfm.gate == null || "both".equalsIgnoreCase(sfm.gate.trim()) ? List.of(Gate.HARD, Gate.SOFT)
          : List.of(Gate.parse(sfm.gate));
      Grid betaGrid = Grid.parse("--betas", betas, true);
      Grid fracGrid = Grid.parse("--fracs", fracs, false);
      return new ScanPlan(sfm.config(fracGrid.values()[0], betaGrid.values()[0], seed, gates.get(0)), gates, betaGrid,
          fracGrid, seeds);
    });
    return scan(eng, master, plan, inFlight, err, stdout);
  }

  /** The Spark master of --spark, null without it; Spark options Spark does not use are a usage error. */
  private SparkMaster sparkMaster() {
    SparkMaster master = sparkOptions.master();
    if (master == null) {
      return null;
    }
    if (!"cpu".equalsIgnoreCase(engine.trim())) {
      throw new UsageException("--engine " + Messages.value(engine) + " does not run on Spark: its tasks run the CPU"
          + " solver; drop --engine or --spark");
    }
    if (threads != 0) {
      throw new UsageException("--threads does not apply to --spark: give local[N] or --spark-conf spark.cores.max=N");
    }
    return master;
  }

  /**
   * Runs the scan into its folder: the folder is locked first (a second scan on the same --out exits 2 at
   * once, before any Spark starts), then Spark is started when a master is given, then the journal opened.
   */
  private int scan(SfmEngine local, SparkMaster master, ScanPlan plan, int inFlight, PrintWriter err, PrintWriter stdout)
      throws IOException {
    ModularTask task = plan.base().task();
    Path dir = out != null ? out : Path.of("out", "scan-p" + task.p() + "-" + task.op().cliName());
    String command = Commands.invocation(spec);
    ScanReport[] report = new ScanReport[1];
    List<String> files;
    try (ReportFolder folder = ReportFolder.begin(dir, command)) {
      int code = master == null ? runs(local, plan, inFlight, folder, command, err, report)
          : sparkOptions.run(master, "occam scan", List.of(), err,
              cluster -> runs(SparkEngine.on(cluster, sfm.backend()), plan, inFlight, folder, command, err, report));
      if (code != 0) {
        return code;
      }
      files = report[0].write(folder.staging());
      folder.publish();
    }
    return summarize(report[0], plan, dir, files, stdout);
  }

  /** The scan's runs on an engine, journaled beside the folder; the report goes to {@code report[0]}. */
  private int runs(SfmEngine eng, ScanPlan plan, int inFlight, ReportFolder folder, String command, PrintWriter err,
      ScanReport[] report) throws IOException {
    try (CellJournal<SfmResult> journal = CellJournal.open(folder.journal(),
        ScanReport.journalSettings(plan, eng), SfmResult.class)) {
      int done = journal.cells().size();
      if (done > 0) {
        err.printf(Locale.ROOT, "occam scan: resuming: %d of %d runs already done (journal %s)%n", done, plan.runs(),
            journal.file());
      }
      if (eng instanceof CpuEngine) { // the cost constant is measured on CPU threads
        announce(err, plan, plan.runs() - done, inFlight);
      }
      try (Progress progress = new Progress("occam scan", plan.runs(), err, "", done)) {
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
        report[0] = ScanReport.run(plan, eng, listener, command, journal);
      }
    }
    return 0;
  }

  private int summarize(ScanReport report, ScanPlan plan, Path dir, List<String> files, PrintWriter stdout) {
    ScanSummary summary = report.summary();
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

  /**
   * Says, in one line, how long the runs may take when that is more than {@link #ANNOUNCE_SECONDS}: every
   * run using its whole budget at {@link SfmSolver#NANOS_PER_ENTRY_ITERATION} per entry and iteration
   * (runs that converge stop earlier), {@code inFlight} runs at a time.
   */
  private static void announce(PrintWriter err, ScanPlan plan, long runs, int inFlight) {
    int m = plan.base().task().groupOrder();
    int iters = plan.base().iters();
    double seconds = runs * SfmSolver.seconds(m, iters) / inFlight;
    if (seconds > ANNOUNCE_SECONDS) {
      err.printf(Locale.ROOT, "occam scan: %d runs x %d iterations at m = %d on %d thread%s: up to ~%s"
          + " (%.0f ns per m² entry per iteration, from the README bench; converged runs stop earlier)%n", runs, iters,
          m, inFlight, inFlight == 1 ? "" : "s", duration(seconds), SfmSolver.NANOS_PER_ENTRY_ITERATION);
      err.flush();
    }
  }

  private static String duration(double seconds) {
    return seconds < 5400 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
        : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }
}
