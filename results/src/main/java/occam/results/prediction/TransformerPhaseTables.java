package occam.results.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.results.Csv;
import occam.results.PhaseDiagram;
import occam.results.PhaseTable;

/**
 * The transformer's phase tables in the form of the SFM's ({@code results/tables/}): one folder per
 * task and learning rate ({@code p47-add-lr0.003}) with {@code phase-table.csv} (one {@link
 * TransformerPhaseRow} per (wd, frac)), {@code phase-table.md} (the phase grid, wd down and frac across,
 * then every cell) and {@code phase-diagram.png/svg} (the filled phase map of {@link PhaseDiagram}).
 */
public final class TransformerPhaseTables {
  private TransformerPhaseTables() {}

  /** CSV file name. */
  public static final String CSV = "phase-table.csv";

  /** Markdown file name. */
  public static final String MARKDOWN = "phase-table.md";

  /** Phase-map base name (.png, .svg). */
  public static final String DIAGRAM = "phase-diagram";

  /**
   * The cells of some runs, grouped by task and learning rate, each wd-major then frac.
   *
   * @param runs the runs
   * @return folder name (p, op, lr) → its cells
   */
  public static Map<String, List<TransformerCell>> cells(List<GridRun> runs) {
    Map<String, List<TransformerCell>> out = new LinkedHashMap<>();
    Map<String, List<GridRun>> byTask = runs.stream().sorted(java.util.Comparator.comparing(TransformerPhaseTables::task))
        .collect(Collectors.groupingBy(TransformerPhaseTables::task, LinkedHashMap::new, Collectors.toList()));
    byTask.forEach((task, rs) -> {
      Map<String, List<GridRun>> byCell = rs.stream()
          .sorted(java.util.Comparator.comparingDouble(GridRun::wd).thenComparingDouble(GridRun::frac)
              .thenComparingLong(GridRun::seed))
          .collect(Collectors.groupingBy(GridRun::condition, LinkedHashMap::new, Collectors.toList()));
      out.put(task, byCell.values().stream().map(TransformerCell::new).toList());
    });
    return out;
  }

  private static String task(GridRun r) {
    return "p" + r.task().p() + "-" + r.task().op().cliName() + "-lr" + GridRun.plain(r.lr());
  }

  /**
   * Writes every task's tables under a folder.
   *
   * @param runs the runs
   * @param dir the folder (one subfolder per task)
   * @param command the producing command
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<GridRun> runs, Path dir, String command) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, List<TransformerCell>> e : cells(runs).entrySet()) {
      Path sub = Files.createDirectories(dir.resolve(e.getKey()));
      List<TransformerCell> cells = e.getValue();
      Path csv = sub.resolve(CSV);
      AtomicFiles.writeString(csv, Csv.of(TransformerPhaseRow.class, cells.stream().map(TransformerPhaseRow::of).toList(),
          command));
      Path md = sub.resolve(MARKDOWN);
      AtomicFiles.writeString(md, markdown(cells, "Transformer phase table, " + e.getKey(), command));
      PhaseDiagram.of(cells.stream().map(c -> new PhaseDiagram.Cell(c.first().wd(), c.first().frac(), c.phase(),
          c.medianTGrok())).toList(), "weight decay wd", "Colour: majority phase over seeds. Number: median t_grok "
          + "(steps) of the seeds that grokked.", "Transformer phases, " + e.getKey(), command).write(sub, DIAGRAM);
      files.addAll(List.of(csv, md, sub.resolve(DIAGRAM + ".png"), sub.resolve(DIAGRAM + ".svg")));
    }
    return files;
  }

  /**
   * Appends a phase grid: wd down, frac across, one entry per cell (blank where the grid has no cell).
   *
   * @param md the Markdown being written
   * @param cells the cells
   * @param wd a cell's weight decay
   * @param frac a cell's α
   * @param entry a cell's entry
   * @param <C> the cell type
   */
  static <C> void grid(StringBuilder md, List<C> cells, ToDoubleFunction<C> wd, ToDoubleFunction<C> frac,
      Function<C, String> entry) {
    double[] wds = cells.stream().mapToDouble(wd).distinct().sorted().toArray();
    double[] fracs = cells.stream().mapToDouble(frac).distinct().sorted().toArray();
    md.append("| wd \\ frac |");
    for (double f : fracs) {
      md.append(' ').append(Numbers.table(f)).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(fracs.length)).append('\n');
    for (double w : wds) {
      md.append("| ").append(Numbers.table(w)).append(" |");
      for (double f : fracs) {
        C c = cells.stream().filter(x -> wd.applyAsDouble(x) == w && frac.applyAsDouble(x) == f).findFirst().orElse(null);
        md.append(' ').append(c == null ? "" : entry.apply(c)).append(" |");
      }
      md.append('\n');
    }
  }

  /**
   * The Markdown form: the phase grid (wd down, frac across; phase letter and median t_grok) and every cell.
   *
   * @param cells one task's cells
   * @param title the heading
   * @param command the producing command
   * @return Markdown text
   */
  public static String markdown(List<TransformerCell> cells, String title, String command) {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\nProduced by `").append(command).append("`.\n\n");
    md.append("## Phase grid\n\nEach entry: majority phase over seeds (C comprehension, **G** grokking, M memorization,"
        + " X confusion, D diverged) and median t_grok (steps) of the seeds that grokked.\n\n");
    grid(md, cells, c -> c.first().wd(), c -> c.first().frac(), c -> PhaseTable.initial(c.phase())
        + (Double.isNaN(c.medianTGrok()) ? "" : " " + Numbers.table(c.medianTGrok())));
    md.append("\n## All cells\n\n| wd | frac | n | phase | votes | t_mem | t_grok (min–max) | grokked | V_mem | test acc |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (TransformerCell c : cells) {
      TransformerPhaseRow r = TransformerPhaseRow.of(c);
      String grok = r.grokked() == 0 ? "–" : Numbers.table(r.tGrokMedian()) + " (" + Numbers.table(r.tGrokMin()) + "–"
          + Numbers.table(r.tGrokMax()) + ")";
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d/%d | %s | %s | %d | %s | %s |%n",
          Numbers.table(r.wd()), Numbers.table(r.frac()), r.n(), r.phase(), r.votes(), r.seeds(),
          Numbers.table(r.tMemMedian()), grok, r.grokked(), Numbers.table(r.vMemMedian()), Numbers.table(r.testAcc())));
    }
    return md.toString();
  }
}
