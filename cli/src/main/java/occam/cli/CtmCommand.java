package occam.cli;

import occam.io.AtomicFiles;
import occam.io.Json;
import java.util.LinkedHashSet;
import java.util.Set;
import occam.io.Messages;
import occam.io.UsageException;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    throw new UsageException("a subcommand is needed: generate or compare");
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
      TuringMachineSpace space = Commands.userInput(this::space);
      if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
        throw new UsageException("--name " + Messages.value(name)
            + " holds a control character (tab, newline, ...): a table name is one line of its header");
      }
      if (out != null) {
        Commands.outputPath("--out", out);
      }
      if (maxLength < 1) {
        throw new UsageException("--max-length " + maxLength + " is not allowed: need >= 1");
      }
      if (out != null) {
        Commands.userInput(() -> {
          AtomicFiles.requireWritable(out);
          return out;
        });
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
      CtmTable table = CtmTable.generated(d, maxLength, tableName, Commands.invocation(spec), t);
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

    /** The machine space of the options; the cut-off defaults to the busy beaver for two symbols. */
    private TuringMachineSpace space() {
      if (states < 1) {
        throw new IllegalArgumentException("--states " + states + " is not allowed: need at least 1");
      }
      if (maxSteps == null && symbols != 2) {
        throw new IllegalArgumentException(
            "--max-steps is needed for " + symbols + " symbols (no tabulated busy beaver value)");
      }
      return new TuringMachineSpace(states, symbols, maxSteps != null ? maxSteps : BusyBeaver.steps(states));
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

    /** One row of the comparison: a shape (or "all") and how the tables agree on it. */
    record Row(String shape, int common, int onlyFirst, int onlySecond, double spearman, double pearson,
        double meanAbsDiff, double maxAbsDiff) {
      static Row of(String shape, TableAgreement t) {
        return new Row(shape, t.common(), t.onlyFirst(), t.onlySecond(), t.spearman(), t.pearson(),
            t.meanAbsDifference(), t.maxAbsDifference());
      }

      String line() {
        return String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.6f\t%.6f\t%.3g\t%.3g", shape, common, onlyFirst,
            onlySecond, spearman, pearson, meanAbsDiff, maxAbsDiff);
      }
    }

    @Override
    public Integer call() {
      if (tables.size() != 2) {
        throw new UsageException("give exactly two --ctm tables, not " + tables.size());
      }
      CtmTable a = Commands.userInput(() -> CtmTable.open(tables.get(0)));
      CtmTable b = Commands.userInput(() -> CtmTable.open(tables.get(1)));
      BlockShape only = block == null ? null : Commands.userInput(() -> BlockShape.parse(block));
      if (only != null) {
        Set<BlockShape> both = new LinkedHashSet<>(a.shapes());
        both.retainAll(b.shapes());
        if (!both.contains(only)) {
          throw new UsageException("--block " + Messages.value(block) + " is not a shape both tables list; they share "
              + both.stream().map(BlockShape::label).toList());
        }
      }
      Row all = Row.of(only == null ? "all" : only.label(), TableAgreement.of(a, b, only));
      List<Row> byShape = new ArrayList<>();
      TableAgreement.byShape(a, b, only).forEach((s, t) -> byShape.add(Row.of(s.label(), t)));
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("first", a.name());
        o.addProperty("second", b.name());
        Json.COMPACT.toJsonTree(all).getAsJsonObject().entrySet().stream().skip(1)
            .forEach(e -> o.add(e.getKey(), e.getValue()));
        o.add("by_shape", Json.COMPACT.toJsonTree(byShape));
        w.println(Json.compact(o));
      } else {
        w.printf(Locale.ROOT, "first\t%s%nsecond\t%s%n", a.name(), b.name());
        w.println("shape\tcommon\tonly_first\tonly_second\tspearman\tpearson\tmean_abs_diff\tmax_abs_diff");
        for (Row r : byShape) {
          w.println(r.line());
        }
        w.println(all.line());
      }
      w.flush();
      return 0;
    }
  }
}
