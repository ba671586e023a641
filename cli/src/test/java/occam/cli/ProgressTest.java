package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain progress lines (stderr not a terminal): the first step at once, then every 10 %. */
class ProgressTest {
  @Test
  void showsTheFirstStepThenEachTenth() {
    StringWriter sw = new StringWriter();
    try (Progress p = new Progress("occam scan", 40, new PrintWriter(sw), "", 0)) {
      for (int i = 0; i < 9; i++) {
        p.step("x");
      }
    }
    assertEquals(List.of("occam scan: 2% (1/40) x", "occam scan: 10% (4/40) x", "occam scan: 20% (8/40) x"),
        sw.toString().lines().toList());
  }

  @Test
  void aResumedRunShowsWhereItResumes() {
    StringWriter sw = new StringWriter();
    try (Progress p = new Progress("occam scan", 144, new PrintWriter(sw), "", 72)) {
      p.step(null);
    }
    assertEquals(List.of("occam scan: 50% (73/144)"), sw.toString().lines().toList());
  }
}
