package occam.complexity;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.io.UsageException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A real matrix read from CSV (Apache Commons CSV): one row per line, comma-separated finite numbers,
 * blank lines skipped, every row as long as the first.
 */
public final class MatrixCsv {
  private MatrixCsv() {}

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).build();

  /**
   * Reads a matrix file.
   *
   * @param file the CSV file
   * @return the cells, row by row
   * @throws UsageException naming the file (and the line and column) when it is missing, unreadable,
   *     empty, ragged or has a cell that is not a finite number
   */
  public static double[][] read(Path file) {
    try (Reader in = Files.newBufferedReader(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new UsageException("file " + file + " does not exist");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads a matrix.
   *
   * @param in the CSV text
   * @param name the source's name for messages
   * @return the cells, row by row
   * @throws UsageException naming the source, line and column of a fault, or an empty source
   * @throws IOException if reading fails
   */
  public static double[][] read(Reader in, String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (CSVParser parser = FORMAT.parse(in)) {
      for (CSVRecord rec : parser) {
        long line = parser.getCurrentLineNumber();
        double[] row = new double[rec.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = cell(rec.get(c), name, line, c + 1);
        }
        if (!rows.isEmpty() && row.length != rows.get(0).length) {
          throw new UsageException(name + " line " + line + " has " + row.length + " cells, the first row has "
              + rows.get(0).length + " (ragged CSV)");
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      throw new UsageException(name + " has no rows");
    }
    return rows.toArray(new double[0][]);
  }

  private static double cell(String text, String name, long line, int column) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v)) {
      throw new UsageException(name + " line " + line + ", column " + column + ": '" + text
          + "' is not a finite number");
    }
    return v;
  }
}
