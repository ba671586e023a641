package occam.results.analysis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.io.Numbers;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.analysis.AnalysisCheckpoint;
import occam.transformer.records.analysis.Measured;
import occam.transformer.records.analysis.RunAnalysisResult;
import occam.transformer.records.analysis.SnapshotAnalysis;
import occam.transformer.records.analysis.Table1Column;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files of {@code occam analyze}: {@code analysis.md} (the paper's Table 1 filled from
 * measurements beside the paper's own words, how each checkpoint was found, and one section per
 * registered measure), {@code analysis.json} (everything, through {@link Json}), {@code curves.csv}
 * (every number of every measure over all snapshots, one row per step, one column {@code
 * measure.number} each) and the figures of the measures that ran ({@link AnalysisFigures}).
 */
public final class AnalysisReport {
  /** The Markdown report. */
  public static final String MARKDOWN = "analysis.md";

  /** The JSON report. */
  public static final String JSON = "analysis.json";

  /** The curves as CSV. */
  public static final String CURVES_CSV = "curves.csv";

  /** The paper's Table 1 cells per role (seed 004, "Main Results"), columns as {@link Table1Column} (CMA … BDM). */
  static final Map<AnalysisCheckpoint.Role, String[]> PAPER = Map.of(
      AnalysisCheckpoint.Role.INITIALIZATION,
      new String[] {"sparse across all layers", "–", "high-entropy cluster", "very low", "high plateau"},
      AnalysisCheckpoint.Role.MEMORIZATION,
      new String[] {"diffuse across all layers", "–", "high-dimensional point cloud", "still low", "high plateau"},
      AnalysisCheckpoint.Role.EMERGENCE,
      new String[] {"middle layers start to dim", "–", "begins to contract", "sharp increase", "sharp decrease"},
      AnalysisCheckpoint.Role.GENERALIZATION,
      new String[] {"only layers 0–15, 32–47", "16–31 (of 48)", "1D ring (isomorphic to Z_97)", "high and stable",
          "lowest plateau"});

  /** Cell of a column whose measure was not registered. */
  static final String NOT_MEASURED = "not measured";

  private AnalysisReport() {}

  /**
   * Writes every file into a folder (e.g. a {@link occam.io.ReportFolder}'s staging folder), each atomically.
   *
   * @param r the analysis
   * @param dir the folder
   * @param command the exact command, recorded in every file
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(RunAnalysisResult r, Path dir, String command) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve(MARKDOWN));
    AtomicFiles.writeString(files.get(0), markdown(r, command));
    files.add(dir.resolve(JSON));
    Json.write(files.get(1), json(r, command));
    files.add(dir.resolve(CURVES_CSV));
    AtomicFiles.write(files.get(2), out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(curvesCsv(r, command));
      w.flush();
    });
    files.addAll(AnalysisFigures.write(r, dir));
    return files;
  }

  /**
   * The Markdown report.
   *
   * @param r the analysis
   * @param command the exact command
   * @return the text
   */
  public static String markdown(RunAnalysisResult r, String command) {
    TrainingConfig c = r.config();
    StringBuilder md = new StringBuilder();
    md.append("# Analysis of ").append(r.run()).append("\n\nProduced by `").append(command).append("`.\n\n");
    md.append(String.format(Locale.ROOT, "Run: p = %d, %s, frac = %s, layers = %d, d = %d, heads = %d, LayerNorm %s, "
        + "lr = %s, wd = %s, seed %d; %d snapshots (steps %d–%d).%n%n", c.task().p(), c.task().op().cliName(),
        Numbers.table(c.frac()), c.model().layers(), c.model().dModel(), c.model().heads(),
        c.model().layerNorm() ? "on" : "off", Numbers.table(c.optimizer().lr()),
        Numbers.table(c.optimizer().weightDecay()), c.seed(), r.snapshots().size(),
        r.snapshots().get(0).step(), r.snapshots().get(r.snapshots().size() - 1).step()));
    md.append("## Table 1, measured\n\n").append(table1(r)).append('\n');
    md.append("How each checkpoint was found:\n\n");
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      md.append("- ").append(cp.role().label()).append(": ").append(cp.basis()).append('\n');
    }
    md.append("\nThe paper's Table 1 (seed 004, 48 layers, p = 97, at 0.1k / 1k / 10k / 100k steps), same columns:\n\n");
    md.append(header());
    for (AnalysisCheckpoint.Role role : List.of(AnalysisCheckpoint.Role.INITIALIZATION,
        AnalysisCheckpoint.Role.MEMORIZATION, AnalysisCheckpoint.Role.EMERGENCE, AnalysisCheckpoint.Role.GENERALIZATION)) {
      md.append("| ").append(role.label()).append(" | – | ").append(String.join(" | ", PAPER.get(role))).append(" |\n");
    }
    md.append("\n## Measures\n");
    for (Map.Entry<String, String> m : r.measures().entrySet()) {
      md.append("\n### ").append(m.getKey()).append("\n\n").append(m.getValue()).append(".\n\n");
      md.append(measureTable(r, m.getKey()));
    }
    md.append("\n## Figures and curves\n\n");
    for (AnalysisFigures.Figure f : AnalysisFigures.figures(r)) {
      md.append("![").append(f.caption()).append("](").append(f.file()).append(")\n\n");
    }
    md.append("Every number at every snapshot: `").append(CURVES_CSV).append("`; everything: `").append(JSON)
        .append("`.\n");
    return md.toString();
  }

  /**
   * The paper's Table 1 filled from measurements: one row per checkpoint, one column per {@link
   * Table1Column}, cells from the measure of that name ({@value #NOT_MEASURED} when none is registered,
   * {@code not reached} for a checkpoint the run did not reach).
   *
   * @param r the analysis
   * @return a Markdown table
   */
  public static String table1(RunAnalysisResult r) {
    StringBuilder md = new StringBuilder(header());
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      md.append("| ").append(cp.role().label()).append(" | ");
      if (cp.step().isEmpty()) {
        md.append("– |");
        for (int i = 0; i < Table1Column.values().length; i++) {
          md.append(" not reached |");
        }
        md.append('\n');
        continue;
      }
      int step = cp.step().getAsInt();
      md.append(step).append(" |");
      Optional<SnapshotAnalysis> at = r.at(step);
      for (Table1Column col : Table1Column.values()) {
        String cell = at.flatMap(a -> a.get(col.measure())).map(Measured::cell).orElse(NOT_MEASURED);
        md.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String header() {
    StringBuilder md = new StringBuilder("| checkpoint | step |");
    for (Table1Column col : Table1Column.values()) {
      md.append(' ').append(col.header().replace("|", "\\|")).append(" |");
    }
    md.append("\n|---|---:|");
    md.append("---|".repeat(Table1Column.values().length));
    return md.append('\n').toString();
  }

  /** One measure's numbers at the checkpoints. */
  private static String measureTable(RunAnalysisResult r, String measure) {
    Set<String> names = new LinkedHashSet<>();
    r.snapshots().forEach(s -> s.get(measure).ifPresent(m -> names.addAll(m.numbers().keySet())));
    StringBuilder md = new StringBuilder("| checkpoint | step | cell |");
    names.forEach(n -> md.append(' ').append(n).append(" |"));
    md.append("\n|---|---:|---|").append("---:|".repeat(names.size())).append('\n');
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      Optional<Measured> m = cp.step().isPresent()
          ? r.at(cp.step().getAsInt()).flatMap(a -> a.get(measure)) : Optional.empty();
      md.append("| ").append(cp.role().label()).append(" | ")
          .append(cp.step().isPresent() ? Integer.toString(cp.step().getAsInt()) : "–").append(" | ")
          .append(m.map(x -> x.cell().replace("|", "\\|")).orElse("–")).append(" |");
      for (String n : names) {
        md.append(' ').append(m.map(x -> x.numbers().get(n)).map(Numbers::table).orElse("–")).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /**
   * The JSON report: command, run, config, measures (name → description), checkpoints, Table 1 (per row
   * the cell of every column, null when not measured) and every snapshot's results.
   *
   * @param r the analysis
   * @param command the exact command
   * @return the object
   */
  public static JsonObject json(RunAnalysisResult r, String command) {
    JsonObject o = new JsonObject();
    o.addProperty("command", command);
    o.addProperty("run", r.run());
    o.add("config", r.config().toJson());
    JsonObject measures = new JsonObject();
    r.measures().forEach(measures::addProperty);
    o.add("measures", measures);
    JsonArray rows = new JsonArray();
    for (AnalysisCheckpoint cp : r.checkpoints()) {
      JsonObject row = new JsonObject();
      row.addProperty("checkpoint", cp.role().label());
      row.add("step", Json.step(cp.step()));
      row.addProperty("basis", cp.basis());
      JsonObject cells = new JsonObject();
      for (Table1Column col : Table1Column.values()) {
        Optional<Measured> m = cp.step().isPresent()
            ? r.at(cp.step().getAsInt()).flatMap(a -> a.get(col.measure())) : Optional.empty();
        cells.add(col.measure(), m.<JsonElement>map(x -> new com.google.gson.JsonPrimitive(x.cell()))
            .orElse(com.google.gson.JsonNull.INSTANCE));
      }
      row.add("table1", cells);
      rows.add(row);
    }
    o.add("checkpoints", rows);
    JsonArray snapshots = new JsonArray();
    for (SnapshotAnalysis s : r.snapshots()) {
      JsonObject snap = new JsonObject();
      snap.addProperty("step", s.step());
      JsonObject results = new JsonObject();
      s.measures().forEach((name, m) -> {
        JsonObject one = new JsonObject();
        one.addProperty("cell", m.cell());
        JsonObject numbers = new JsonObject();
        m.numbers().forEach((k, v) -> numbers.add(k, Json.number(v)));
        one.add("numbers", numbers);
        one.add("details", m.details());
        results.add(name, one);
      });
      snap.add("measures", results);
      snapshots.add(snap);
    }
    o.add("snapshots", snapshots);
    return o;
  }

  /**
   * The columns of the curves: {@code measure.number} for every number any snapshot has, in order of
   * first appearance.
   *
   * @param r the analysis
   * @return the column names (without {@code step})
   */
  public static List<String> curveColumns(RunAnalysisResult r) {
    Set<String> cols = new LinkedHashSet<>();
    r.snapshots().forEach(s -> s.measures().forEach((name, m) -> m.numbers().keySet().forEach(n -> cols.add(name + "." + n))));
    return List.copyOf(cols);
  }

  /**
   * One number at one snapshot.
   *
   * @param s the snapshot's measures
   * @param column {@code measure.number}
   * @return its value, NaN when not measured there
   */
  public static double value(SnapshotAnalysis s, String column) {
    int dot = column.indexOf('.');
    Double v = s.get(column.substring(0, dot)).map(m -> m.numbers().get(column.substring(dot + 1))).orElse(null);
    return v == null ? Double.NaN : v;
  }

  /**
   * The curves as tidy CSV: a {@code # command:} comment, then {@code step} and one column per {@link
   * #curveColumns} entry, a row per snapshot (empty where not measured).
   *
   * @param r the analysis
   * @param command the exact command
   * @return the text
   */
  public static String curvesCsv(RunAnalysisResult r, String command) {
    List<String> cols = curveColumns(r);
    List<String> header = new ArrayList<>(List.of("step"));
    header.addAll(cols);
    StringBuilder sb = new StringBuilder();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments("command: " + command)
        .setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').build();
    try (CSVPrinter csv = new CSVPrinter(sb, format)) {
      for (SnapshotAnalysis s : r.snapshots()) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(s.step())));
        cols.forEach(c -> row.add(Numbers.csv(value(s, c))));
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the curves as CSV", e);
    }
    return sb.toString();
  }
}
