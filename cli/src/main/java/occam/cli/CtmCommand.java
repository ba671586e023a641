package occam.cli;

import occam.io.UsageException;
import com.google.gson.GsonBuilder;
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
import java.util.concurrent.Callable;
import occam.complexity.BlockShape;
import occam.complexity.CtmTable;
import occam.complexity.TableAgreement;
import occam.complexity.ctm.BusyBeaver;
import occam.complexity.ctm.EnumerationListener;
import occam.complexity.ctm.EnumerationProgress;
import occam.complexity.ctm.OutputDistribution;
import occam.complexity.ctm.OutputFrequencyEnumerator;
import occam.complexity.ctm.TuringMachineSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code occam ctm}: generate Coding Theorem Method tables, and compare tables. */
@Command(
    name = "ctm",
    mixinStandardHelpOptions = true,
    description = "Coding Theorem Method tables: generate our own, compare two.",
    subcommands = {CtmCommand.Generate.class, CtmCommand.Compare.class, HelpCommand.class})
public final class CtmCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new IllegalArgumentException("a subcommand is needed: generate or compare");
  }

  /** {@code occam ctm generate}: enumerate every machine of (n, m) and write the CTM table. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Enumerates every Turing machine with N states and M symbols (Soler-Toscano et al. 2014"
            + " formalism) and writes CTM(s) = -log2 D(s) for the output strings as TSV.",
        "Examples: --states 4 (exact, cut-off S(4) = 107, ~2 s); --states 5 --max-steps 500"
            + " (the published D(5,2) table, minutes)."
      })
  static final class Generate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--states", required = true, paramLabel = "N", description = "working states n")
    int states;

    @Option(
        names = "--symbols",
        defaultValue = "2",
        paramLabel = "M",
        description = "tape symbols m, 2 to 10 (default ${DEFAULT-VALUE})")
    int symbols;

    @Option(
        names = "--max-steps",
        paramLabel = "S",
        description = "runtime cut-off; default the busy beaver S(n) for m = 2, n <= 4 (exact)")
    Integer maxSteps;

    @Option(
        names = "--max-length",
        defaultValue = "12",
        paramLabel = "L",
        description = "longest output strings kept in the table (default ${DEFAULT-VALUE})")
    int maxLength;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "TSV file to write (.gz compresses), atomically; default stdout")
    Path out;

    @Option(
        names = "--name",
        description = "table name in the header (default: the file name, or ctm-own-bM-dL)")
    String name;

    @Option(
        names = "--threads",
        paramLabel = "T",
        description = "worker threads (default: available processors)")
    Integer threads;

    @Override
    public Integer call() {
      if (states < 1) {
        throw new IllegalArgumentException("--states " + states + " is not allowed: need at least 1");
      }
      if (out != null) {
        checkWritable(out);
      }
      int steps;
      if (maxSteps != null) {
        steps = maxSteps;
      } else if (symbols == 2) {
        steps = BusyBeaver.steps(states);
      } else {
        throw new IllegalArgumentException(
            "--max-steps is needed for " + symbols + " symbols (no tabulated busy beaver value)");
      }
      TuringMachineSpace space = new TuringMachineSpace(states, symbols, steps);
      if (maxLength < 1) {
        throw new IllegalArgumentException("--max-length " + maxLength + " is not allowed: need >= 1");
      }
      int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      PrintWriter err = spec.commandLine().getErr();
      OutputDistribution d = OutputFrequencyEnumerator.enumerate(space, t, new Progress(err));
      String tableName =
          name != null
              ? name
              : out != null
                  ? out.getFileName().toString().replaceFirst("\\.gz$", "").replaceFirst("\\.tsv$", "")
                  : "ctm-own-b" + symbols + "-d" + maxLength;
      List<String> comments = provenance(space, d, t);
      CtmTable table = CtmTable.of(d, maxLength, tableName, comments);
      if (out != null) {
        try {
          table.write(out);
        } catch (UncheckedIOException e) {
          throw new UsageException("cannot write " + out + ": " + e.getCause().getMessage());
        }
      } else {
        PrintWriter w = spec.commandLine().getOut();
        try {
          table.write(w);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      int keys = table.shapes().stream().mapToInt(s -> table.entries(s).size()).sum();
      err.printf(
          Locale.ROOT,
          "occam ctm generate: %s, %d machines (%d halting), %d strings, %d table rows, %.1f s%s%n",
          space.label(),
          space.machineCount(),
          d.halting(),
          d.counts().size(),
          keys,
          d.elapsedNanos() / 1e9,
          out == null ? "" : ", wrote " + out);
      err.flush();
      return 0;
    }

    /** Fails before the (possibly long) enumeration if the output cannot be written. */
    private static void checkWritable(Path file) {
      Path parent = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UsageException("cannot write " + file + ": " + parent + " is not a usable directory");
      }
      if (Files.isDirectory(file) || !Files.isWritable(parent)) {
        throw new UsageException("cannot write " + file + ": not a writable file path");
      }
    }

    private List<String> provenance(TuringMachineSpace space, OutputDistribution d, int t) {
      List<String> c = new ArrayList<>();
      c.add("Coding Theorem Method table from Occam's own enumeration of every " + space.label()
          + " Turing machine");
      c.add("command: ./occam " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      c.add("formalism: Soler-Toscano, Zenil, Delahaye, Gauvrit 2014, PLoS ONE 9(5):e96223 -- "
          + space.states() + " states + halt, " + space.symbols() + " symbols (blank 0), two-way tape;"
          + " output = the tape cells the head visited");
      c.add("machines: " + space.choicesPerEntry() + "^" + space.entries() + " = "
          + space.machineCount() + "; halting " + d.halting() + "; non-halting " + d.nonHalting()
          + " (cut-off " + space.maxSteps() + " steps, or proven)");
      c.add("enumeration: " + d.simulated() + " partial machines simulated, " + d.transitions()
          + " transitions, " + String.format(Locale.ROOT, "%.1f", d.elapsedNanos() / 1e9) + " s on "
          + t + " threads; " + d.counts().size() + " distinct output strings");
      c.add("CTM(k) = -log2( sum of counts over the v(k) relabellings of canonical key k / (v(k) *"
          + " halting) ), v(k) = m!/(m-j)! for j distinct symbols");
      return c;
    }
  }

  /** Prints progress lines to stderr every 10% of the subtrees. */
  private static final class Progress implements EnumerationListener {
    private final PrintWriter err;
    private int lastDecile = -1;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(EnumerationProgress p) {
      int decile = (int) (p.fraction() * 10);
      if (decile != lastDecile) {
        lastDecile = decile;
        err.printf(
            Locale.ROOT,
            "occam ctm generate: %s %3d%% of subtrees (%d/%d), %.0f s%n",
            p.space().label(),
            decile * 10,
            p.tasksDone(),
            p.tasksTotal(),
            p.elapsedNanos() / 1e9);
        err.flush();
      }
    }
  }

  /** {@code occam ctm compare}: rank agreement of two tables on the blocks both list. */
  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = "Spearman (and Pearson) correlation of two CTM tables on their common blocks.")
  static final class Compare implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--ctm",
        required = true,
        paramLabel = "TABLE",
        description = "a table file or built-in name; give exactly two")
    List<String> tables;

    @Option(names = "--block", paramLabel = "SHAPE", description = "compare one shape only, e.g. 12")
    String block;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
      if (tables.size() != 2) {
        throw new IllegalArgumentException(
            "give exactly two --ctm tables, not " + tables.size());
      }
      CtmTable a = CtmTable.open(tables.get(0));
      CtmTable b = CtmTable.open(tables.get(1));
      BlockShape only = block == null ? null : BlockShape.parse(block);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("first", a.name());
      out.put("second", b.name());
      out.putAll(row(TableAgreement.of(a, b, only)));
      List<Map<String, Object>> byShape = new ArrayList<>();
      for (BlockShape s : a.shapes()) {
        if ((only == null || only.equals(s)) && b.shapes().contains(s)) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("shape", s.label());
          r.putAll(row(TableAgreement.of(a, b, s)));
          byShape.add(r);
        }
      }
      out.put("by_shape", byShape);
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        w.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(out));
      } else {
        w.printf(Locale.ROOT, "first\t%s%nsecond\t%s%n", a.name(), b.name());
        w.println("shape\tcommon\tonly_first\tonly_second\tspearman\tpearson\tmean_abs_diff\tmax_abs_diff");
        for (Map<String, Object> r : byShape) {
          w.println(line(r.get("shape"), r));
        }
        w.println(line(only == null ? "all" : only.label(), out));
      }
      w.flush();
      return 0;
    }

    private static Map<String, Object> row(TableAgreement t) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("common", t.common());
      r.put("only_first", t.onlyFirst());
      r.put("only_second", t.onlySecond());
      r.put("spearman", t.spearman());
      r.put("pearson", t.pearson());
      r.put("mean_abs_diff", t.meanAbsDifference());
      r.put("max_abs_diff", t.maxAbsDifference());
      return r;
    }

    private static String line(Object shape, Map<String, Object> r) {
      return String.format(
          Locale.ROOT,
          "%s\t%s\t%s\t%s\t%.6f\t%.6f\t%.3g\t%.3g",
          shape,
          r.get("common"),
          r.get("only_first"),
          r.get("only_second"),
          (double) r.get("spearman"),
          (double) r.get("pearson"),
          (double) r.get("mean_abs_diff"),
          (double) r.get("max_abs_diff"));
    }
  }
}
