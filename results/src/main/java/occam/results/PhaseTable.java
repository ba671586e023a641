package occam.results;

import occam.io.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import occam.sfm.scan.ScanCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The phase-transition table of a scan, one row per (β, frac) cell, as CSV (Apache Commons CSV,
 * with the producing command as a leading {@code #} comment) and as Markdown.
 */
public final class PhaseTable {
  /** Column names of the CSV form. */
  public static final String[] COLUMNS = {
    "beta", "frac", "n", "phase", "votes", "seeds", "t_mem_median", "t_gen_median", "t_gen_min", "t_gen_max",
    "train_acc", "test_acc", "support", "ideal_support", "lambda_hat", "k_sfm", "gini", "ipr"
  };

  private PhaseTable() {}

  /**
   * Renders the CSV form.
   *
   * @param cells scan cells
   * @param command the exact command that produced them
   * @param bitsPerCoefficient 2⌈log₂ m⌉ + C_float, to turn the support into K_SFM
   * @return CSV text
   */
  public static String csv(List<ScanCell> cells, String command, double bitsPerCoefficient) {
    StringWriter sw = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments("command: " + command)
        .setHeader(COLUMNS).setRecordSeparator('\n').build();
    try (CSVPrinter csv = new CSVPrinter(sw, format)) {
      for (ScanCell c : cells) {
        double support = c.medianSupport();
        csv.printRecord(num(c.beta()), num(c.frac()), c.trainSize(), c.phase().label(), c.phaseVotes(), c.runs().size(),
            num(c.medianTMem()), num(c.medianTGen()), num(c.minTGen()), num(c.maxTGen()),
            num(c.medianTrainAcc()), num(c.medianTestAcc()), num(support), c.runs().get(0).idealSupport(),
            num(support / 2), num(support * bitsPerCoefficient), num(c.medianGini()), num(c.medianIpr()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  /**
   * Renders the Markdown form: a long table like the CSV, then a compact phase grid (β down, frac
   * across) whose entries are the phase initial and median t_gen.
   *
   * @param cells scan cells, β-major
   * @param title heading
   * @param command the exact command that produced them
   * @return Markdown text
   */
  public static String markdown(List<ScanCell> cells, String title, String command) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("Produced by `").append(command).append("`.\n\n");
    double[] fracs = cells.stream().mapToDouble(ScanCell::frac).distinct().sorted().toArray();
    double[] betas = cells.stream().mapToDouble(ScanCell::beta).distinct().sorted().toArray();
    for (occam.sfm.Gate gate : cells.stream().map(c -> c.runs().get(0).config().gate()).distinct().toList()) {
      List<ScanCell> mine = cells.stream().filter(c -> c.runs().get(0).config().gate() == gate).toList();
      grid(md, mine, gate.cliName(), betas, fracs);
    }
    md.append("\n## All cells\n\n| gate | β | frac | n | phase | votes | t_mem | t_gen (min–max) | train acc | test acc"
        + " | support | ideal | λ̂ | Gini | IPR |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScanCell c : cells) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %d/%d | %s | %s (%s–%s) | %s | %s | %s | %d | %s | %s | %s |%n",
          c.runs().get(0).config().gate().cliName(),
          fmt(c.beta()), fmt(c.frac()), c.trainSize(), c.phase().label(), c.phaseVotes(), c.runs().size(),
          fmt(c.medianTMem()), fmt(c.medianTGen()), fmt(c.minTGen()), fmt(c.maxTGen()), fmt(c.medianTrainAcc()),
          fmt(c.medianTestAcc()), fmt(c.medianSupport()), c.runs().get(0).idealSupport(), fmt(c.medianSupport() / 2),
          fmt(c.medianGini()), fmt(c.medianIpr())));
    }
    return md.toString();
  }

  private static void grid(StringBuilder md, List<ScanCell> cells, String gate, double[] betas, double[] fracs) {
    md.append("## Phase grid, ").append(gate).append(" gate\n\nEach entry: phase (C comprehension, **G** grokking,"
        + " M memorization, X confusion, D diverged) and median t_gen over seeds.\n\n| β \\ frac |");
    for (double f : fracs) {
      md.append(' ').append(fmt(f)).append(" |");
    }
    md.append("\n|---|");
    for (int i = 0; i < fracs.length; i++) {
      md.append("---|");
    }
    md.append('\n');
    for (double b : betas) {
      md.append("| ").append(fmt(b)).append(" |");
      for (double f : fracs) {
        ScanCell cell = cells.stream().filter(c -> c.beta() == b && c.frac() == f).findFirst().orElse(null);
        md.append(' ').append(cell == null ? "" : initial(cell) + (Double.isNaN(cell.medianTGen()) ? ""
            : " " + fmt(cell.medianTGen()))).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /**
   * Writes both forms atomically.
   *
   * @param dir output folder
   * @param cells scan cells
   * @param title Markdown heading
   * @param command producing command
   * @param bitsPerCoefficient 2⌈log₂ m⌉ + C_float
   * @param appendix Markdown appended to the table (e.g. the theory beside it)
   * @throws IOException if a file cannot be written
   */
  public static void write(Path dir, List<ScanCell> cells, String title, String command, double bitsPerCoefficient,
      String appendix) throws IOException {
    AtomicFiles.writeString(dir.resolve("phase-table.csv"), csv(cells, command, bitsPerCoefficient));
    AtomicFiles.writeString(dir.resolve("phase-table.md"), markdown(cells, title, command) + appendix);
  }

  private static String initial(ScanCell c) {
    switch (c.phase()) {
      case COMPREHENSION: return "C";
      case GROKKING: return "**G**";
      case MEMORIZATION: return "M";
      case CONFUSION: return "X";
      default: return "D";
    }
  }

  /** Compact number for tables: 4 significant digits, "–" for NaN. */
  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e7) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
  }
}
