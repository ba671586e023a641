package occam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import occam.complexity.BlockShape;
import occam.complexity.Boundary;
import occam.complexity.CtmTable;
import occam.complexity.MatrixBdm;
import occam.complexity.MatrixCsv;
import occam.complexity.Quantization;
import occam.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code occam bdm}: BDM of a matrix given as CSV. Cells that are all integers in 0..b−1 are taken as
 * symbols; otherwise the matrix is quantized to b symbols by its own quantiles (or as {@code
 * --quantize} says).
 */
@Command(
    name = "bdm",
    mixinStandardHelpOptions = true,
    description = {
      "Block Decomposition Method estimate of a CSV matrix (one row per line, numbers).",
      "Default: 4 symbols by quartiles, 1D blocks of 6, Occam's own table ctm-own-b4-d12;"
          + " --alphabet 2: median split, 1D blocks of 12, ctm-own-b2-d12."
    })
public final class BdmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV matrix, one row per line")
  Path file;

  @Option(
      names = "--alphabet",
      paramLabel = "B",
      description = "alphabet size b (default: 4, or the table's alphabet with --ctm)")
  Integer alphabet;

  @Option(
      names = "--block",
      paramLabel = "SHAPE",
      description = "block shape: a length (1D over the row-major sequence) or RxC (2D), e.g. 12 or 4x4"
          + " (default: the preset's; with --ctm FILE, the table's largest shape)")
  String block;

  @Option(
      names = "--ctm",
      paramLabel = "TABLE",
      description = "CTM table: a TSV file (.gz allowed) or a built-in name (${COMPLETION-CANDIDATES})",
      completionCandidates = BuiltInTables.class)
  String ctm;

  @Option(
      names = "--boundary",
      paramLabel = "POLICY",
      defaultValue = "ignore",
      description = "ignore (drop incomplete blocks) or recursive (smaller blocks); default ${DEFAULT-VALUE}")
  String boundary;

  @Option(
      names = "--quantize",
      defaultValue = "auto",
      description = "auto, quantiles or none (default ${DEFAULT-VALUE})")
  String quantizeName;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  /** Built-in table names for the help text. */
  static final class BuiltInTables extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    BuiltInTables() {
      super(CtmTable.BUILT_IN);
    }
  }

  @Override
  public Integer call() {
    MatrixBdm estimator = Commands.userInput(() -> MatrixBdm.of(Optional.ofNullable(ctm), Optional.ofNullable(alphabet),
        Optional.ofNullable(block).map(BlockShape::parse), Boundary.parse(boundary), Quantization.parse(quantizeName)));
    double[][] cells = MatrixCsv.read(file);
    MatrixBdm.Report r = Commands.userInput(() -> estimator.value(file.toString(), cells));
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(Json.compact(r));
    } else {
      Json.COMPACT.toJsonTree(r).getAsJsonObject().entrySet().forEach(e -> w.println(e.getKey() + "\t"
          + (e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().isJsonNull() ? "NaN" : e.getValue())));
    }
    w.flush();
    return 0;
  }
}
