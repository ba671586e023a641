package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.modular.Phase;
import occam.results.Csv;
import occam.results.PhaseDiagram;
import occam.results.PhaseTable;

/**
 * Writes the transformer phase tables beside the SFM's ({@link PhaseAgreement}) under {@code side-by-side/}:
 * {@code summary.csv} (one {@link SummaryRow} per table and SFM predictor) and per table {@code
 * <task>-<predictor>/side-by-side.csv} (one {@link CellRow} per cell), {@code side-by-side.md} (both phase
 * grids in one, the confusion matrix, every cell) and {@code sfm-phase-diagram.png/svg} (the SFM's filled
 * phase map on the transformer's wd × frac grid).
 */
public final class SideBySideReport {
  private SideBySideReport() {}

  /** The folder under the league report. */
  public static final String FOLDER = "side-by-side";

  /** The summary file. */
  public static final String SUMMARY = "summary.csv";

  /**
   * One row of {@code summary.csv}.
   *
   * @param task the table (p, op, lr)
   * @param predictor the SFM predictor
   * @param k k of β = k·wd^a
   * @param a a
   * @param cells cells compared
   * @param agreeing cells in the same phase
   * @param agreement their share
   * @param bothGeneralize cells where both legs generalize with a median time
   * @param spearman Spearman's ρ of the median times over those cells
   */
  public record SummaryRow(String task, String predictor, double k, double a, int cells, int agreeing, double agreement,
      int bothGeneralize, double spearman) {

    static SummaryRow of(PhaseAgreement t) {
      return new SummaryRow(t.task(), t.predictor(), t.k(), t.a(), t.cells().size(), t.agreeing(), t.agreement(),
          t.bothGeneralize(), t.spearman());
    }
  }

  /**
   * One row of a table's {@code side-by-side.csv}.
   *
   * @param wd weight decay
   * @param frac α
   * @param beta the SFM's β
   * @param transformerPhase the transformer's majority phase
   * @param sfmPhase the SFM's majority phase
   * @param agree whether they are the same
   * @param transformerTGrok the transformer's median t_grok (steps)
   * @param sfmTGen the SFM's median t_gen (iterations)
   */
  public record CellRow(double wd, double frac, double beta, String transformerPhase, String sfmPhase, boolean agree,
      double transformerTGrok, double sfmTGen) {

    static CellRow of(PhasePair c) {
      return new CellRow(c.wd(), c.frac(), c.beta(), c.transformer().label(), c.sfm().label(), c.agrees(),
          c.transformerTime(), c.sfmTime());
    }
  }

  /**
   * Writes the folder.
   *
   * @param tables the side-by-side tables
   * @param dir the league report folder ({@link #FOLDER} is made under it)
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<PhaseAgreement> tables, Path dir, String command) throws IOException {
    Path root = Files.createDirectories(dir.resolve(FOLDER));
    List<Path> files = new ArrayList<>();
    Path summary = root.resolve(SUMMARY);
    AtomicFiles.writeString(summary, Csv.of(SummaryRow.class, tables.stream().map(SummaryRow::of).toList(), command));
    files.add(summary);
    for (PhaseAgreement t : tables) {
      Path sub = Files.createDirectories(root.resolve(t.task() + "-" + t.predictor()));
      Path csv = sub.resolve("side-by-side.csv");
      AtomicFiles.writeString(csv, Csv.of(CellRow.class, t.cells().stream().map(CellRow::of).toList(), command));
      Path md = sub.resolve("side-by-side.md");
      AtomicFiles.writeString(md, markdown(t, command));
      PhaseDiagram.of(t.cells().stream().map(c -> new PhaseDiagram.Cell(c.wd(), c.frac(), c.sfm(), c.sfmTime())).toList(),
          "weight decay wd (transformer)", String.format(Locale.ROOT, "SFM on the transformer runs' splits at beta = %s "
              + "wd^%s. Colour: majority phase over seeds. Number: median t_gen (iterations).", Numbers.table(t.k()),
              Numbers.table(t.a())), "SFM phases (" + t.predictor() + "), " + t.task(), command)
          .write(sub, "sfm-phase-diagram");
      files.addAll(List.of(csv, md, sub.resolve("sfm-phase-diagram.png"), sub.resolve("sfm-phase-diagram.svg")));
    }
    return files;
  }

  /**
   * The summary section of {@code league.md}: one line per table and SFM predictor.
   *
   * @param tables the side-by-side tables
   * @return Markdown text
   */
  public static String summary(List<PhaseAgreement> tables) {
    StringBuilder md = new StringBuilder("## Transformer phase tables beside the SFM's\n\n");
    if (tables.isEmpty()) {
      return md.append("No SFM predictor was fitted (no calibration run with both times): no side-by-side tables.\n\n")
          .toString();
    }
    md.append("Each transformer table (`phase-tables/`) against the SFM run on the same splits at the fitted β = k·wd^a "
        + "(`" + FOLDER + "/`): cells in the same majority phase, and Spearman ρ of the transformer's median t_grok "
        + "against the SFM's median t_gen over the cells where both generalize.\n\n"
        + "| table | SFM | β | same phase | both generalize | Spearman ρ |\n|---|---|---|---|---|---|\n");
    for (PhaseAgreement t : tables) {
      md.append(String.format(Locale.ROOT, "| %s | `%s` | %s·wd^%s | %d/%d (%s) | %d | %s |%n", t.task(), t.predictor(),
          Numbers.table(t.k()), Numbers.table(t.a()), t.agreeing(), t.cells().size(), Numbers.table(t.agreement()),
          t.bothGeneralize(), Numbers.table(t.spearman())));
    }
    int cells = tables.stream().mapToInt(t -> t.cells().size()).sum();
    int agreeing = tables.stream().mapToInt(PhaseAgreement::agreeing).sum();
    md.append(String.format(Locale.ROOT, "%nOver all tables: %d of %d cells (%s) in the same phase, counting each SFM "
        + "predictor's tables.%n%n", agreeing, cells, cells == 0 ? "–" : Numbers.table((double) agreeing / cells)));
    return md.toString();
  }

  /**
   * A table's Markdown: the joint phase grid, the confusion matrix and every cell.
   *
   * @param t the side-by-side table
   * @param command the producing command
   * @return Markdown text
   */
  public static String markdown(PhaseAgreement t, String command) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# %s: transformer beside the SFM (`%s`, β = %s·wd^%s)"
        + "%n%nProduced by `%s`.%n%n", t.task(), t.predictor(), Numbers.table(t.k()), Numbers.table(t.a()), command));
    md.append(String.format(Locale.ROOT, "Same majority phase in %d of %d cells (%s). Spearman ρ of median t_grok "
        + "(transformer) against median t_gen (SFM) over the %d cells where both generalize: %s.%n%n", t.agreeing(),
        t.cells().size(), Numbers.table(t.agreement()), t.bothGeneralize(),
        Double.isNaN(t.spearman()) ? "– (fewer than 3 cells, or a constant side)" : Numbers.table(t.spearman())));
    md.append("## Phase grid\n\nEach entry: transformer / SFM majority phase (C comprehension, **G** grokking, M "
        + "memorization, X confusion, D diverged); ≠ marks a disagreement.\n\n");
    TransformerPhaseTables.grid(md, t.cells(), PhasePair::wd, PhasePair::frac, c -> PhaseTable.initial(c.transformer())
        + " / " + PhaseTable.initial(c.sfm()) + (c.agrees() ? "" : " ≠"));
    md.append("\n## Confusion matrix\n\nRows: transformer phase; columns: SFM phase; entries: cells.\n\n| transformer \\ SFM |");
    for (Phase s : Phase.values()) {
      md.append(' ').append(s.label()).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(Phase.values().length)).append('\n');
    for (Phase tr : Phase.values()) {
      md.append("| ").append(tr.label()).append(" |");
      for (Phase s : Phase.values()) {
        md.append(' ').append(t.count(tr, s)).append(" |");
      }
      md.append('\n');
    }
    md.append("\n## All cells\n\n| wd | frac | β | transformer | SFM | median t_grok (steps) | median t_gen (iterations) |\n"
        + "|---|---|---|---|---|---|---|\n");
    for (PhasePair c : t.cells()) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", Numbers.table(c.wd()),
          Numbers.table(c.frac()), Numbers.table(c.beta()), c.transformer().label(), c.sfm().label(),
          Numbers.table(c.transformerTime()), Numbers.table(c.sfmTime())));
    }
    return md.toString();
  }
}
