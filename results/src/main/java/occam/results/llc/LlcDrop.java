package occam.results.llc;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The measured LLC drop of a run, from its LLC curve ({@code occam llc RUN --out RUN/llc}): λ̂ at t_mem
 * (the curve's point nearest t_mem) over λ̂ at the curve's last point; what {@code compare} holds beside
 * the theory's λ_mem/λ_gen = m²/|supp W*|.
 *
 * @param memStep the step of the point taken for t_mem
 * @param atMem λ̂ there
 * @param endStep the last step of the curve
 * @param atEnd λ̂ there
 */
public record LlcDrop(int memStep, double atMem, int endStep, double atEnd) {
  /** Where in a run folder {@code compare} looks for the curve: {@code RUN/llc/llc-curve.csv}. */
  public static final String RUN_SUBFOLDER = "llc";

  /** @return λ̂(t_mem)/λ̂(end); NaN when either is not finite */
  public double ratio() {
    return atMem / atEnd;
  }

  /**
   * The drop of a run folder's curve, if it has one.
   *
   * @param runDir the run folder
   * @param tMem the run's t_mem
   * @return the drop; empty without t_mem, without {@code llc/llc-curve.csv} or with an empty curve
   * @throws IOException if the curve cannot be read
   * @throws IllegalArgumentException if the curve is not an LLC curve (no step or llc column)
   */
  public static Optional<LlcDrop> of(Path runDir, OptionalInt tMem) throws IOException {
    Path csv = runDir.resolve(RUN_SUBFOLDER).resolve(LlcCurveReport.CSV);
    if (tMem.isEmpty() || !Files.isRegularFile(csv)) {
      return Optional.empty();
    }
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(csv)) {
      rows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(r)
          .getRecords();
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    CSVRecord mem = rows.get(0);
    for (CSVRecord row : rows) {
      if (Math.abs(step(row) - tMem.getAsInt()) < Math.abs(step(mem) - tMem.getAsInt())) {
        mem = row;
      }
    }
    CSVRecord end = rows.get(rows.size() - 1);
    return Optional.of(new LlcDrop(step(mem), llc(mem), step(end), llc(end)));
  }

  private static int step(CSVRecord row) {
    return Integer.parseInt(column(row, "step"));
  }

  private static double llc(CSVRecord row) {
    String v = column(row, "llc");
    return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  private static String column(CSVRecord row, String name) {
    if (!row.isMapped(name)) {
      throw new IllegalArgumentException("not an LLC curve: no column " + name);
    }
    return row.get(name);
  }
}
