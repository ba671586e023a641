package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing a table (plain or gzip, atomically) and reading it back gives the same table. */
class CtmTableWriteTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"copy.tsv", "copy.tsv.gz"})
  void roundTrip(String name) {
    CtmTable t = CtmTable.builtIn("ctm-own-b2-d12");
    Path file = tmp.resolve(name);
    t.write(file);
    CtmTable back = CtmTable.read(file);
    assertEquals(t.shapes(), back.shapes());
    for (BlockShape s : t.shapes()) {
      assertEquals(t.entries(s), back.entries(s), s.toString());
    }
  }
}
