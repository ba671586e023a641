package occam.transformer.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueListTest {
  @Test
  void rangesIncludeBothEnds() {
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), ValueList.integers("--seeds", "0:7"));
    assertEquals(List.of(3L), ValueList.integers("--seeds", "3:3"));
    assertEquals(List.of(-1L, 0L), ValueList.integers("--seeds", "-1:0"));
  }

  @Test
  void listsKeepTheirOrder() {
    assertEquals(List.of(0L, 3L, 5L), ValueList.integers("--seeds", "0,3,5"));
    assertEquals(List.of(5L, 0L), ValueList.integers("--seeds", " 5 , 0 "));
    assertEquals(List.of(0.5, 1.0, 2.0), ValueList.reals("--wds", "0.5,1,2"));
    assertEquals(List.of(1e-3, 3e-3), ValueList.reals("--lrs", "1e-3,3e-3"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "7:0|empty range", "0:|not an integer", ":7|not an integer", "0:3:5|not a range", "a:b|not an integer",
      "0,,3|empty element", "0,3,|empty element", "1.5|not an integer", "0,3,0|lists 0 twice", "0:100000|at most"})
  void malformedIntegerListsSayWhatIsWrong(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueList.integers("--seeds", text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("--seeds"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.5:2|ranges LO:HI are for integer lists", "0.5,x|'x' is not a number", "1,NaN|not a number",
      "1,1e999|not a finite number", "1,1.0|twice", ",1|empty element"})
  void malformedRealListsSayWhatIsWrong(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueList.reals("--wds", text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void emptyValuesAreRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> ValueList.integers("--seeds", text));
    assertThrows(IllegalArgumentException.class, () -> ValueList.reals("--wds", text));
  }
}
