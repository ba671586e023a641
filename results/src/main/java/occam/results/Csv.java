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
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments("command: " + command)
        .setHeader(columns(type)).setRecordSeparator('\n').build();
    RecordComponent[] parts = type.getRecordComponents();
    try (CSVPrinter csv = new CSVPrinter(sw, format)) {
      for (R row : rows) {
        Object[] cells = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
          cells[i] = cell(parts[i].getAccessor().invoke(row));
        }
        csv.printRecord(cells);
      }
    } catch (IOException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot render " + type.getSimpleName() + " rows as CSV", e);
    }
    return sw.toString();
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
