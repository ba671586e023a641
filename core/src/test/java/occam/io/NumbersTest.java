package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2.0|2", "-3.0|-3", "0.1|0.1", "1.0E-7|1.0E-7", "1.0E15|1.0E15", "0.30000000000000004|0.30000000000000004"})
  void csvRoundTrips(double v, String text) {
    assertEquals(text, Numbers.csv(v));
    assertEquals(v, Double.parseDouble(Numbers.csv(v)));
  }

  @Test
  void nonFiniteIsAnEmptyCsvCellAndADashInTables() {
    assertEquals("", Numbers.csv(Double.NaN));
    assertEquals("", Numbers.csv(Double.POSITIVE_INFINITY));
    assertEquals("–", Numbers.table(Double.NaN));
    assertEquals("NaN", Numbers.precise(Double.NaN));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1234567|1234567", "0.5|0.5", "0.123456|0.1235", "12345.678|1.235e+04", "1.0E-5|1.000e-05", "2.50|2.5"})
  void tableHasFourSignificantDigits(double v, String text) {
    assertEquals(text, Numbers.table(v));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"3.577152063957297|3.577152", "0.5|0.5", "1.0E-5|1.000000e-05", "2.0E9|2.000000e+09", "0|0"})
  void preciseHasSevenSignificantDigits(double v, String text) {
    assertEquals(text, Numbers.precise(v));
  }

  @Test
  void steps() {
    assertEquals("12", Numbers.step(OptionalInt.of(12), "-"));
    assertEquals("-", Numbers.step(OptionalInt.empty(), "-"));
    assertEquals("", Numbers.step(OptionalInt.empty(), ""));
  }
}
