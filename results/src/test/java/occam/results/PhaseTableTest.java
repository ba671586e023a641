package occam.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.scan.ScanCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** phase-table.csv is tidy: one row per (gate, β, frac), the gate first, and reads back to the cells' values. */
class PhaseTableTest {
  private static final String CMD = "occam scan --p 7 (test)";

  static List<CSVRecord> parse(String csv) throws IOException {
    CSVFormat f = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser p = CSVParser.parse(new StringReader(csv), f)) {
      assertArrayEquals(PhaseRow.COLUMNS, p.getHeaderNames().toArray(String[]::new));
      assertEquals("command: " + CMD, p.getHeaderComment());
      return p.getRecords();
    }
  }

  @Test
  void columnsStartWithTheGate() {
    assertArrayEquals(new String[] {"gate", "beta", "frac", "n", "phase", "votes", "seeds", "t_mem_median",
        "t_gen_median", "t_gen_min", "t_gen_max", "train_acc", "test_acc", "support", "ideal_support", "lambda_hat",
        "k_sfm", "gini", "ipr"}, PhaseRow.COLUMNS);
  }

  /** A real scan of 2 gates × 2 β × 3 frac: 12 rows, each with its cell's gate, phase, n and medians. */
  @Test
  void realScanReadsBackRowByRow() throws IOException {
    ScanReport report = Cells.tinyReport();
    List<CSVRecord> rows = parse(PhaseTable.csv(report.rows(), CMD));
    assertEquals(2 * 2 * 3, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ScanCell c = report.cells().get(i);
      CSVRecord r = rows.get(i);
      assertEquals(c.gate().cliName(), r.get("gate"));
      assertEquals(c.beta(), Double.parseDouble(r.get("beta")));
      assertEquals(c.frac(), Double.parseDouble(r.get("frac")));
      assertEquals(c.trainSize(), Integer.parseInt(r.get("n")));
      assertEquals(c.phase().label(), r.get("phase"));
      assertEquals(c.phaseVotes(), Integer.parseInt(r.get("votes")));
      assertEquals(Double.isNaN(c.medianTGen()) ? "" : Double.toString(c.medianTGen()),
          r.get("t_gen_median").isEmpty() ? "" : Double.toString(Double.parseDouble(r.get("t_gen_median"))));
      assertEquals(c.medianTestAcc(), Double.parseDouble(r.get("test_acc")));
      // K_SFM = support · (2⌈log₂ 7⌉ + 64) = support · 70 bits; λ̂ = support / 2.
      assertEquals(70 * Double.parseDouble(r.get("support")), Double.parseDouble(r.get("k_sfm")));
      assertEquals(Double.parseDouble(r.get("support")) / 2, Double.parseDouble(r.get("lambda_hat")));
    }
    assertEquals(6, rows.stream().filter(r -> r.get("gate").equals("hard")).count());
    assertEquals(6, rows.stream().filter(r -> r.get("gate").equals("soft")).count());
  }

  /** Medians over the seeds that reached a time; an empty cell (NaN) where none did. */
  @Test
  void syntheticMediansAndEmptyCells() throws IOException {
    ScanCell grok = Cells.cell(Gate.SOFT, 1e-3, 0.5, 400, Phase.GROKKING, Phase.GROKKING, Phase.MEMORIZATION);
    ScanCell mem = Cells.cell(Gate.HARD, 1e-3, 0.5, 0, Phase.MEMORIZATION, Phase.MEMORIZATION, Phase.CONFUSION);
    List<CSVRecord> rows = parse(PhaseTable.csv(List.of(PhaseRow.of(mem, 70), PhaseRow.of(grok, 70)), CMD));
    assertEquals("hard", rows.get(0).get("gate"));
    assertEquals("memorization", rows.get(0).get("phase"));
    assertEquals("2", rows.get(0).get("votes"));
    assertEquals("", rows.get(0).get("t_gen_median"));
    assertEquals("1", rows.get(0).get("t_mem_median"));
    assertEquals("grokking", rows.get(1).get("phase"));
    assertEquals("400", rows.get(1).get("t_gen_median"));
    assertEquals("700", rows.get(1).get("k_sfm"));
    assertEquals("5", rows.get(1).get("lambda_hat"));
    assertEquals("0.25", rows.get(1).get("ipr"));
  }

  /** The Markdown grid marks each cell with its phase initial and median t_gen. */
  @Test
  void markdownGridShowsPhaseAndTime() {
    ScanCell grok = Cells.cell(Gate.SOFT, 1e-3, 0.5, 400, Phase.GROKKING);
    ScanCell comp = Cells.cell(Gate.SOFT, 1e-3, 0.9, 12, Phase.COMPREHENSION);
    String md = PhaseTable.markdown(List.of(grok, comp), "T", CMD);
    assertTrue(md.contains("| 0.001 | **G** 400 | C 12 |"), md);
    assertTrue(md.contains("Produced by `" + CMD + "`"), md);
  }
}
