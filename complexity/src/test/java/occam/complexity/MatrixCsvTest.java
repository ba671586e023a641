package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import occam.io.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixCsvTest {
  private static double[][] read(String text) throws IOException {
    return MatrixCsv.read(new StringReader(text), "m.csv");
  }

  @Test
  void readsRowsSkippingBlankLinesAndSpaces() throws IOException {
    double[][] m = read("1, 2.5,-3e-2\n\n4,5,6\n");
    assertArrayEquals(new double[] {1, 2.5, -0.03}, m[0]);
    assertArrayEquals(new double[] {4, 5, 6}, m[1]);
    assertEquals(2, m.length);
  }

  /** Each fault names the source, the line (blank lines counted) and, for a cell, the column. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "1,2,3\\n\\n4,5        | m.csv line 3 has 2 cells, the first row has 3 (ragged CSV)",
    "1,2\\n3,abc           | m.csv line 2, column 2: 'abc' is not a finite number",
    "1,NaN                 | m.csv line 1, column 2: 'NaN' is not a finite number",
    "1,Infinity            | m.csv line 1, column 2: 'Infinity' is not a finite number",
    "1,,2                  | m.csv line 1, column 2: '' is not a finite number",
    "\\n                   | m.csv has no rows"})
  void faultsAreUsageErrors(String text, String message) {
    UsageException e = assertThrows(UsageException.class, () -> read(text.replace("\\n", "\n")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    UsageException e = assertThrows(UsageException.class, () -> MatrixCsv.read(Path.of("no", "such.csv")));
    assertEquals("file " + Path.of("no", "such.csv") + " does not exist", e.getMessage());
  }
}
