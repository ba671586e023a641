package occam.results;

import com.google.gson.FieldNamingPolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import occam.io.Numbers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tidy CSV of records (Apache Commons CSV): one row per record, one column per component named as
 * {@link occam.io.Json} names it in JSON (snake_case), numbers as {@link Numbers#csv} writes them (empty
 * for NaN, which pandas reads as NaN), the producing command as a leading {@code # command:} comment
 * (read it with {@code pandas.read_csv(f, comment='#')}).
 */
public final class Csv {
  private Csv() {}

  /**
   * The column names of a record type.
   *
   * @param type the record type
   * @return its components in declaration order, snake_case
   */
  public static String[] columns(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(Csv::name).toArray(String[]::new);
  }

  /**
   * Renders records as CSV.
   *
   * @param <R> the record type
   * @param type the record type (gives the header even when rows is empty)
   * @param rows the rows
   * @param command the exact command that produced them
   * @return CSV text with '\n' line ends
   */
  public static <R extends Record> String of(Class<R> type, List<R> rows, String command) {
    StringWriter sw = new StringWriter();
    try (Rows<R> out = rows(type, sw, command)) {
      for (R row : rows) {
        out.print(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot render " + type.getSimpleName() + " rows as CSV", e);
    }
    return sw.toString();
  }

  /**
   * Opens a CSV stream of records: the command comment and the header now, one row per
   * {@link Rows#print}, so a long run's rows reach the file as they come instead of piling up.
   *
   * @param <R> the record type
   * @param type the record type
   * @param out where the text goes (closed with the stream)
   * @param command the exact command that produces the rows
   * @return the open stream
   * @throws IOException if the header cannot be written
   */
  public static <R extends Record> Rows<R> rows(Class<R> type, Appendable out, String command) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments("command: " + command)
        .setHeader(columns(type)).setRecordSeparator('\n').build();
    return new Rows<>(type.getRecordComponents(), new CSVPrinter(out, format));
  }

  /**
   * An open CSV stream of records of one type ({@link #rows}).
   *
   * @param <R> the record type
   */
  public static final class Rows<R extends Record> implements java.io.Closeable {
    private final RecordComponent[] parts;
    private final CSVPrinter csv;

    private Rows(RecordComponent[] parts, CSVPrinter csv) {
      this.parts = parts;
      this.csv = csv;
    }

    /**
     * Writes one row.
     *
     * @param row the record
     * @throws IOException if the row cannot be written
     */
    public void print(R row) throws IOException {
      Object[] cells = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          cells[i] = cell(parts[i].getAccessor().invoke(row));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + parts[i].getName() + " of a " + row.getClass().getSimpleName(), e);
        }
      }
      csv.printRecord(cells);
    }

    /** Flushes and closes the stream and what it writes to. */
    @Override
    public void close() throws IOException {
      csv.close(true);
    }
  }

  private static String name(RecordComponent c) {
    try {
      return FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(
          c.getDeclaringRecord().getDeclaredField(c.getName()));
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("a record component has no field: " + c, e);
    }
  }

  private static Object cell(Object v) {
    if (v instanceof Double d) {
      return Numbers.csv(d);
    }
    if (v instanceof Float f) {
      return Numbers.csv(f);
    }
    if (v instanceof OptionalInt t) {
      return Numbers.step(t, "");
    }
    return v;
  }
}
