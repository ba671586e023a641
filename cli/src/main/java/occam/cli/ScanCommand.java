package occam.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.modular.ModularTask;
import occam.io.AtomicFiles;
import occam.results.PhaseDiagram;
import occam.results.PhaseTable;
import occam.results.ScanSummary;
import occam.results.TheoryBeside;
import occam.sfm.Gate;
import occam.modular.Phase;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.scan.Grid;
import occam.sfm.scan.Scan;
import occam.sfm.scan.ScanCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam scan}: a (β, frac, seed) grid of SFM runs, written as phase-transition tables and figures. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Scan beta (log grid) x frac (linear grid) x seeds with the SFM and write the phase-transition table",
        "(CSV, Markdown), a phase diagram per gate (PNG, SVG) and summary.json with the t_gen scaling fit and the theory beside it.",
        "With no options: p=31 add, both gates, beta 1e-5..10, frac 0.1..0.9, 3 seeds, 5000 iterations (about a minute on 2 cores)."})
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
    List<Gate> gates = Commands.userInput(() -> sfm.gate == null || "both".equalsIgnoreCase(sfm.gate.trim()) ? List.of(Gate.HARD, Gate.SOFT) : List.of(Gate.parse(sfm.gate)));
    Grid betaGrid = Commands.userInput(() -> Grid.parse("--betas", betas, true));
    Grid fracGrid = Commands.userInput(() -> Grid.parse("--fracs", fracs, false));
    List<Scan> scans = new ArrayList<>();
    for (Gate g : gates) {
      scans.add(Commands.userInput(() -> new Scan(sfm.config(fracGrid.values()[0], betaGrid.values()[0], seed, g), betaGrid, fracGrid, seeds)));
    }
    ModularTask task = scans.get(0).base().task();
    Path dir = out != null ? out : Path.of("out", "scan-p" + task.p() + "-" + task.op().cliName());
    int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    SfmEngine eng = Engines.choose(engine, ocl, sfm.backend(), workers, Integer.MAX_VALUE, err);
    Commands.userInput(() -> {
      AtomicFiles.requireWritableDirectory(dir);
      return dir;
    });
    String command = Commands.invocation(spec);

    long total = scans.stream().mapToLong(s -> s.configs().size()).sum();
    long start = System.nanoTime();
    List<ScanCell> cells = new ArrayList<>();
    try (Progress progress = new Progress("occam scan", total, err)) {
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
      for (Scan s : scans) {
        cells.addAll(s.run(eng, listener));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double bits = occam.theory.DescriptionLength.bitsPerWeight(task.groupOrder(), occam.sfm.SfmMetrics.C_FLOAT);
    String title = String.format(Locale.ROOT, "SFM phase diagram: p=%d %s", task.p(), task.op().cliName());
    JsonObject summary = ScanSummary.of(cells, gates, scans.get(0).base(), command, eng.name(), seconds);
    JsonObject theory = summary.getAsJsonObject("theory");
    PhaseTable.write(dir, cells, title, command, bits, TheoryBeside.markdown(theory, gates));
    List<String> figures = new ArrayList<>();
    for (Gate g : gates) {
      List<ScanCell> mine = cells.stream().filter(c -> c.runs().get(0).config().gate() == g).toList();
      String base = "phase-diagram-" + g.cliName();
      PhaseDiagram.write(dir, base, PhaseDiagram.chart(mine, title + ", " + g.cliName() + " gate", command));
      figures.add(base + ".png");
    }
    AtomicFiles.writeString(dir.resolve("summary.json"),
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(summary) + "\n");

    stdout.printf(Locale.ROOT, "scan: %d runs (%d cells x %d seeds) in %.1f s on %s%n", total, cells.size(), seeds, seconds, eng.name());
    JsonArray perGate = summary.getAsJsonArray("gates");
    for (int i = 0; i < perGate.size(); i++) {
      JsonObject g = perGate.get(i).getAsJsonObject();
      stdout.printf(Locale.ROOT, "  %-4s gate: %s; t_gen fit: %s%n", g.get("gate").getAsString(),
          g.get("phase_counts").toString(), g.get("fit_text").getAsString());
    }
    stdout.printf(Locale.ROOT, "  theory: n_cs = %.0f (frac %.3f) for |supp W*| = %d; %s%n", theory.get("n_cs").getAsDouble(),
        theory.get("frac_cs").getAsDouble(), cells.get(0).runs().get(0).idealSupport(), theory.get("crossover_note").getAsString());
    stdout.println("wrote " + dir.resolve("phase-table.csv") + ", phase-table.md, " + String.join(", ", figures) + ", summary.json");
    stdout.flush();
    return 0;
  }
}
