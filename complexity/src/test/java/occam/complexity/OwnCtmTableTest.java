package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import occam.complexity.ctm.EnumerationListener;
import occam.complexity.ctm.OutputDistribution;
import occam.complexity.ctm.OutputFrequencyEnumerator;
import occam.complexity.ctm.TuringMachineSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables built from our own enumerations, checked against what the literature lists. */
class OwnCtmTableTest {

  private static CtmTable enumerate(int states) {
    OutputDistribution d =
        OutputFrequencyEnumerator.enumerate(
            TuringMachineSpace.binary(states), 2, EnumerationListener.NONE);
    return CtmTable.of(d, 12, "own-" + states, List.of());
  }

  /**
   * All strings of a table (each canonical key with its complement), most probable first, ties in
   * lexicographic order — the order of OEIS A141474.
   */
  private static List<String> oeisOrder(CtmTable t) {
    TreeSet<String> strings = new TreeSet<>();
    for (BlockShape s : t.shapes()) {
      for (String k : t.entries(s).keySet()) {
        strings.add(k);
        strings.add(k.replace('0', 'x').replace('1', '0').replace('x', '1'));
      }
    }
    List<String> order = new ArrayList<>(strings);
    order.sort(
        Comparator.comparingDouble(
                (String s) -> t.value(BlockShape.ofLength(s.length()), CanonicalKey.of(s)))
            .thenComparing(Comparator.naturalOrder()));
    return order;
  }

  /**
   * D(2): OEIS A141474 (Delahaye and Zenil's D(n), strings completed by complementation, most frequent
   * first, ties lexicographic) lists exactly these 22 strings for n = 2.
   */
  @Test
  void d2MatchesOeisA141474() {
    assertEquals(
        List.of(
            "0", "1", "00", "01", "10", "11", "001", "011", "100", "110", "000", "010", "101", "111",
            "0000", "0010", "0100", "0110", "1001", "1011", "1101", "1111"),
        oeisOrder(enumerate(2)));
  }

  /** D(3): the first 14 strings of OEIS A141474's n = 3 row. */
  @Test
  void d3StartsAsOeisA141474() {
    assertEquals(
        List.of("0", "1", "00", "01", "10", "11", "000", "111", "001", "011", "100", "110", "010", "101"),
        oeisOrder(enumerate(3)).subList(0, 14));
  }

  @Test
  void probabilitiesOfAllStringsSumToOne() {
    CtmTable t = enumerate(3);
    double sum = 0;
    for (BlockShape s : t.shapes()) {
      for (var e : t.entries(s).entrySet()) {
        sum += CanonicalKey.variants(2, CanonicalKey.symbolCount(e.getKey())) * Math.pow(2, -e.getValue());
      }
    }
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void writeThenReadRoundTrips(@TempDir Path dir) {
    CtmTable t = enumerate(3);
    for (String name : List.of("t.tsv", "t.tsv.gz")) {
      Path f = dir.resolve(name);
      t.write(f);
      CtmTable back = CtmTable.read(f);
      assertEquals("t", back.name());
      assertEquals(t.shapes(), back.shapes());
      for (BlockShape s : t.shapes()) {
        assertEquals(t.entries(s), back.entries(s));
      }
    }
  }

  @Test
  void malformedTablesAreRejected(@TempDir Path dir) throws Exception {
    String[] bad = {
      "", // no header
      "shape\tkey\n1\t0\t2.5\n", // wrong header
      "shape\tkey\tctm_bits\n1\t0\n", // two fields
      "shape\tkey\tctm_bits\n2\t0\t2.5\n", // key too short
      "shape\tkey\tctm_bits\n2\t10\t2.5\n", // not canonical
      "shape\tkey\tctm_bits\n2\t0a\t2.5\n", // not digits
      "shape\tkey\tctm_bits\n1\t0\tx\n", // not a number
      "shape\tkey\tctm_bits\n1\t0\t-1\n", // negative
      "shape\tkey\tctm_bits\nq\t0\t1\n", // bad shape
      "shape\tkey\tctm_bits\n1\t0\t1\n1\t0\t2\n", // duplicate
      "shape\tkey\tctm_bits\n", // no rows
    };
    for (String content : bad) {
      Path f = dir.resolve("bad.tsv");
      Files.writeString(f, content);
      assertThrows(IllegalArgumentException.class, () -> CtmTable.read(f), content);
    }
    assertThrows(IllegalArgumentException.class, () -> CtmTable.read(dir.resolve("absent.tsv")));
  }
}
