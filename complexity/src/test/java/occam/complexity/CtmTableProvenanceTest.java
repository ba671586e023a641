package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import occam.complexity.ctm.EnumerationListener;
import occam.complexity.ctm.OutputDistribution;
import occam.complexity.ctm.OutputFrequencyEnumerator;
import occam.complexity.ctm.TuringMachineSpace;
import org.junit.jupiter.api.Test;

/** A generated table carries its provenance: the command, the formalism and the enumeration's counts. */
class CtmTableProvenanceTest {
  @Test
  void generatedTableNamesItsCommandAndCounts() {
    OutputDistribution d = OutputFrequencyEnumerator.enumerate(TuringMachineSpace.binary(2), 1, EnumerationListener.NONE);
    CtmTable t = CtmTable.generated(d, 12, "own-22", "occam ctm generate --states 2", 1);
    List<String> c = t.comments();
    assertEquals("command: occam ctm generate --states 2", c.get(1));
    assertTrue(c.get(3).startsWith("machines: 10^4 = 10000; halting " + d.halting() + "; non-halting "
        + d.nonHalting()), c.get(3));
    assertTrue(c.get(4).endsWith("on 1 threads; " + d.counts().size() + " distinct output strings"), c.get(4));
    CtmTable bare = CtmTable.of(d, 12, "own-22", List.of());
    for (BlockShape s : bare.shapes()) {
      assertEquals(bare.entries(s), t.entries(s), "provenance changes no value");
    }
  }
}
