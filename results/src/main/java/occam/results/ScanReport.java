package occam.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.io.AtomicFiles;
import occam.io.CellJournal;
import occam.io.Json;
import occam.modular.ModularTask;
import occam.sfm.Gate;
import occam.sfm.SfmEngine;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import occam.sfm.SfmMetrics;
import occam.sfm.scan.ScanCell;
import occam.sfm.scan.ScanPlan;
import occam.theory.DescriptionLength;

/**
 * A finished scan and everything {@code occam scan} writes from it: {@code phase-table.csv} (tidy, one
 * row per (gate, β, frac)), {@code phase-table.md} (with the theory beside it), one filled phase map per
 * gate ({@code phase-diagram-<gate>.png} and {@code .svg}) and {@code summary.json}. Library users
 * reproduce the command with {@link #run} and {@link #write}.
 *
 * @param plan what was scanned
 * @param cells the cells, gate by gate, each β-major
 * @param command the producing command, recorded in every file
 * @param engine the engine's name
 * @param seconds wall time of the runs
 */
public record ScanReport(ScanPlan plan, List<ScanCell> cells, String command, String engine, double seconds) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if the cells do not match the plan's size
   */
  public ScanReport {
    long expected = plan.runs() / plan.seeds();
    if (cells == null || cells.size() != expected) {
      throw new IllegalArgumentException("a scan report needs " + expected + " cells, got "
          + (cells == null ? "none" : cells.size()));
    }
    cells = List.copyOf(cells);
  }

  /**
   * Runs a plan and times it.
   *
   * @param plan the plan
   * @param engine the engine
   * @param listener progress receiver
   * @param command the command to record in the files
   * @return the report
   */
  public static ScanReport run(ScanPlan plan, SfmEngine engine, SfmListener listener, String command) {
    long start = System.nanoTime();
    List<ScanCell> cells = plan.run(engine, listener);
    return new ScanReport(plan, cells, command, engine.name(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Runs a plan, skipping the runs a journal holds and journaling each new run as it finishes (before
   * the listener hears of it), so a killed scan run again with the same journal resumes. The report
   * equals an uninterrupted one except {@link #seconds}, the wall time of this call's runs only.
   *
   * @param plan the plan
   * @param engine the engine
   * @param listener progress receiver (new runs only)
   * @param command the command to record in the files
   * @param journal finished runs by {@link ScanPlan#key}, opened with {@link #journalSettings}
   * @return the report
   * @throws UncheckedIOException if a finished run cannot be journaled
   */
  public static ScanReport run(ScanPlan plan, SfmEngine engine, SfmListener listener, String command,
      CellJournal<SfmResult> journal) {
    SfmListener journaling = new SfmListener() {
      @Override
      public void logged(SfmConfig config, SfmMetrics metrics) {
        listener.logged(config, metrics);
      }

      @Override
      public void finished(SfmResult result) {
        try {
          journal.append(ScanPlan.key(result.config()), result);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot journal a finished run in " + journal.file(), e);
        }
        listener.finished(result);
      }
    };
    long start = System.nanoTime();
    List<ScanCell> cells = plan.run(engine, journaling, journal.cells());
    return new ScanReport(plan, cells, command, engine.name(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * What decides a scan's results, for its journal's fingerprint: the plan and the engine's
   * {@link SfmEngine#resultsKey} (not its thread count).
   *
   * @param plan the grid, task and dynamics
   * @param engine what computes the numbers
   */
  public record JournalSettings(ScanPlan plan, String engine) {}

  /**
   * The journal settings of a scan.
   *
   * @param plan the plan
   * @param engine the engine
   * @return the settings a journal of this scan is fingerprinted with
   */
  public static JournalSettings journalSettings(ScanPlan plan, SfmEngine engine) {
    return new JournalSettings(plan, engine.resultsKey());
  }

  /**
   * The cells of one gate.
   *
   * @param g the gate
   * @return its cells, β-major
   */
  public List<ScanCell> cellsOf(Gate g) {
    return cells.stream().filter(c -> c.gate() == g).toList();
  }

  /** @return bits per stored coefficient, 2⌈log₂ m⌉ + C_float, turning a support into K_SFM */
  public double bitsPerCoefficient() {
    return DescriptionLength.bitsPerWeight(plan.base().task().groupOrder(), SfmMetrics.C_FLOAT);
  }

  /** @return the title of the table and figures, e.g. "SFM phase diagram: p=31 add" */
  public String title() {
    ModularTask task = plan.base().task();
    return "SFM phase diagram: p=" + task.p() + " " + task.op().cliName();
  }

  /** @return the summary.json record */
  public ScanSummary summary() {
    return ScanSummary.of(this);
  }

  /** @return the tidy rows of phase-table.csv */
  public List<PhaseRow> rows() {
    double bits = bitsPerCoefficient();
    return cells.stream().map(c -> PhaseRow.of(c, bits)).toList();
  }

  /**
   * The phase map of one gate.
   *
   * @param g the gate
   * @return its diagram
   */
  public PhaseDiagram diagram(Gate g) {
    return PhaseDiagram.of(cellsOf(g), title() + ", " + g.cliName() + " gate", command);
  }

  /**
   * Writes every file atomically.
   *
   * @param dir the output folder (created if absent)
   * @return the names of the files written, in writing order
   * @throws IOException if a file cannot be written
   */
  public List<String> write(Path dir) throws IOException {
    ScanSummary summary = summary();
    List<String> names = new ArrayList<>();
    AtomicFiles.writeString(dir.resolve("phase-table.csv"), PhaseTable.csv(summary.cells(), command));
    AtomicFiles.writeString(dir.resolve("phase-table.md"), PhaseTable.markdown(cells, title(), command)
        + summary.theory().markdown(plan.gates()));
    names.add("phase-table.csv");
    names.add("phase-table.md");
    for (Gate g : plan.gates()) {
      String base = "phase-diagram-" + g.cliName();
      diagram(g).write(dir, base);
      names.add(base + ".png");
      names.add(base + ".svg");
    }
    Json.write(dir.resolve("summary.json"), summary);
    names.add("summary.json");
    return names;
  }
}
