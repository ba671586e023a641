package occam.cli;

import occam.io.UsageException;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import occam.complexity.Bdm;
import occam.complexity.BdmPreset;
import occam.complexity.BdmResult;
import occam.complexity.BlockShape;
import occam.complexity.Boundary;
import occam.complexity.CtmTable;
import occam.complexity.QuantileQuantizer;
import occam.complexity.SymbolMatrix;
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

  /** How cells become symbols. */
  enum Quantize {
    /** Integers 0..b−1 as they are, anything else by quantiles. */
    AUTO,
    /** Always by the matrix's own quantiles. */
    QUANTILES,
    /** Never: cells must be integers 0..b−1. */
    NONE;

    static Quantize parse(String name) {
      for (Quantize q : values()) {
        if (q.name().equalsIgnoreCase(name.trim())) {
          return q;
        }
      }
      throw new IllegalArgumentException(
          "--quantize " + name + " is not allowed: use auto, quantiles or none");
    }
  }

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
    double[][] cells = readCsv(file);
    Boundary policy = Boundary.parse(boundary);
    Quantize quantize = Quantize.parse(quantizeName);
    CtmTable table;
    int b;
    BlockShape shape;
    if (ctm == null) {
      BdmPreset preset = BdmPreset.forAlphabet(alphabet == null ? BdmPreset.DEFAULT.alphabet() : alphabet);
      table = preset.bdm().table();
      b = preset.alphabet();
      shape = block == null ? preset.shape() : BlockShape.parse(block);
    } else {
      table = CtmTable.open(ctm);
      b = alphabet == null ? table.alphabet() : alphabet;
      BdmPreset preset =
          Arrays.stream(BdmPreset.values())
              .filter(p -> p.tableName().equals(ctm))
              .findFirst()
              .orElse(null);
      shape =
          block != null
              ? BlockShape.parse(block)
              : preset != null
                  ? preset.shape()
                  : table.shapes().stream()
                      .max(Comparator.comparingInt(BlockShape::cells)
                          .thenComparing(BlockShape::twoDimensional))
                      .orElseThrow();
    }
    Bdm bdm = Bdm.of(table, shape, b, policy);
    boolean symbolsAsIs = quantize == Quantize.NONE || (quantize == Quantize.AUTO && areSymbols(cells, b));
    if (quantize == Quantize.NONE && !areSymbols(cells, b)) {
      throw new IllegalArgumentException(
          file + " has cells that are not integers 0.." + (b - 1) + " (--quantize none)");
    }
    SymbolMatrix x = symbolsAsIs ? symbols(cells) : quantized(cells, b);
    BdmResult r = bdm.value(x);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file.toString());
    out.put("rows", x.rows());
    out.put("cols", x.cols());
    out.put("bdm_bits", r.bits());
    out.put("normalized_bdm", r.normalized());
    out.put("table", r.table());
    out.put("alphabet", r.alphabet());
    out.put("block", r.blockShape());
    out.put("block_kind", shape.twoDimensional() ? "2D" : "1D over the row-major sequence");
    out.put("boundary", r.boundary().name().toLowerCase(Locale.ROOT));
    out.put("quantization", symbolsAsIs ? "none (cells are symbols)" : "quantiles");
    out.put("blocks", r.blocks());
    out.put("distinct_blocks", r.distinctBlocks());
    out.put("blocks_by_shape", r.blocksByShape());
    out.put("min_bits", r.minBits());
    out.put("max_bits", r.maxBits());
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(out));
    } else {
      out.forEach((k, v) -> w.println(k + "\t" + v));
    }
    w.flush();
    return 0;
  }

  /** Parses a CSV of numbers; throws IllegalArgumentException naming the row and column of a fault. */
  static double[][] readCsv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    List<double[]> rows = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      double[] row = new double[f.length];
      for (int c = 0; c < f.length; c++) {
        String cell = f[c].trim();
        try {
          row[c] = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
          row[c] = Double.NaN;
        }
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException(
              file + " line " + lineNo + ", column " + (c + 1) + ": '" + cell + "' is not a finite number");
        }
      }
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw new IllegalArgumentException(
            file + " line " + lineNo + " has " + row.length + " cells, the first row has "
                + rows.get(0).length + " (ragged CSV)");
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " has no rows");
    }
    return rows.toArray(new double[0][]);
  }

  private static boolean areSymbols(double[][] cells, int b) {
    for (double[] row : cells) {
      for (double v : row) {
        if (v != Math.rint(v) || v < 0 || v >= b) {
          return false;
        }
      }
    }
    return true;
  }

  private static SymbolMatrix symbols(double[][] cells) {
    int[][] s = new int[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      s[r] = new int[cells[r].length];
      for (int c = 0; c < s[r].length; c++) {
        s[r][c] = (int) cells[r][c];
      }
    }
    return SymbolMatrix.of(s);
  }

  private static SymbolMatrix quantized(double[][] cells, int b) {
    int cols = cells[0].length;
    double[] flat = new double[cells.length * cols];
    for (int r = 0; r < cells.length; r++) {
      System.arraycopy(cells[r], 0, flat, r * cols, cols);
    }
    return QuantileQuantizer.quantize(flat, cells.length, cols, b);
  }
}
