package occam.results;

import java.util.List;
import java.util.Locale;
import occam.io.Numbers;
import occam.sfm.Gate;
import occam.sfm.scan.ScanCell;

/**
 * The phase-transition table of a scan: one tidy CSV ({@link PhaseRow}, one row per (gate, β, frac), the
 * gate first, via {@link Csv}) and a Markdown form with a compact phase grid per gate and every cell.
 */
public final class PhaseTable {
  private PhaseTable() {}

  /**
   * Renders the CSV form.
   *
   * @param rows the rows, gate by gate
   * @param command the exact command that produced them
   * @return CSV text
   */
  public static String csv(List<PhaseRow> rows, String command) {
    return Csv.of(PhaseRow.class, rows, command);
  }

  /**
   * Renders the Markdown form: a compact phase grid per gate (β down, frac across) whose entries are
   * the phase initial and median t_gen, then a long table like the CSV.
   *
   * @param cells scan cells, gate by gate, each β-major
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
    for (Gate gate : cells.stream().map(ScanCell::gate).distinct().toList()) {
      grid(md, cells.stream().filter(c -> c.gate() == gate).toList(), gate.cliName(), betas, fracs);
    }
    md.append("\n## All cells\n\n| gate | β | frac | n | phase | votes | t_mem | t_gen (min–max) | train acc | test acc"
        + " | support | ideal | λ̂ | Gini | IPR |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScanCell c : cells) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %d/%d | %s | %s (%s–%s) | %s | %s | %s | %d | %s | %s | %s |%n",
          c.gate().cliName(), fmt(c.beta()), fmt(c.frac()), c.trainSize(), c.phase().label(), c.phaseVotes(),
          c.runs().size(), fmt(c.medianTMem()), fmt(c.medianTGen()), fmt(c.minTGen()), fmt(c.maxTGen()),
          fmt(c.medianTrainAcc()), fmt(c.medianTestAcc()), fmt(c.medianSupport()), c.runs().get(0).idealSupport(),
          fmt(c.medianSupport() / 2), fmt(c.medianGini()), fmt(c.medianIpr())));
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
    md.append("---|".repeat(fracs.length));
    md.append('\n');
    for (double b : betas) {
      md.append("| ").append(fmt(b)).append(" |");
      for (double f : fracs) {
        ScanCell cell = cells.stream().filter(c -> c.beta() == b && c.frac() == f).findFirst().orElse(null);
        md.append(' ').append(cell == null ? "" : initial(cell.phase()) + (Double.isNaN(cell.medianTGen()) ? ""
            : " " + fmt(cell.medianTGen()))).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /**
   * The letter of a phase in the Markdown phase grids.
   *
   * @param phase the phase
   * @return C, **G** (bold), M, X or D
   */
  public static String initial(occam.modular.Phase phase) {
    switch (phase) {
      case COMPREHENSION: return "C";
      case GROKKING: return "**G**";
      case MEMORIZATION: return "M";
      case CONFUSION: return "X";
      default: return "D";
    }
  }

  private static String fmt(double v) {
    return Numbers.table(v);
  }
}
