package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BDM arithmetic on a small hand-made table (no reference data needed). */
class BdmTest {

  /** Every binary key of lengths 1–3, with made-up values. */
  private static final String TABLE =
      "# test table\n"
          + "shape\tkey\tctm_bits\n"
          + "1\t0\t1.5\n"
          + "2\t00\t3.0\n2\t01\t3.5\n"
          + "3\t000\t5.0\n3\t001\t6.0\n3\t010\t7.0\n3\t011\t6.5\n"
          + "2x2\t0000\t4.0\n2x2\t0001\t9.0\n";

  private static CtmTable table() {
    return CtmTable.read("t", new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
  }

  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void sumsDistinctBlocksAndLogCounts() {
    Bdm bdm = Bdm.of(table(), BlockShape.ofLength(3), 2, Boundary.IGNORE);
    // 010 101 010 010 11: blocks 010 ×3 (CTM 7) and 101 ×1 (canonical 010, CTM 7); "11" ignored.
    BdmResult r = bdm.value(SymbolMatrix.ofDigits("01010101001011"));
    assertEquals(7 + LOG2_3 + 7, r.bits(), 1e-12);
    assertEquals(4, r.blocks());
    assertEquals(2, r.distinctBlocks());
    assertEquals("t", r.table());
    assertEquals("3", r.blockShape());
    assertEquals("test table", table().comments().get(0));
  }

  @Test
  void normalizedUsesMinAndMaxOfTheSameShape() {
    Bdm bdm = Bdm.of(table(), BlockShape.ofLength(3), 2, Boundary.IGNORE);
    // Two blocks: min = 5 + log2 2 = 6; max = the two most complex raw blocks: 010 and 101 (7 each).
    BdmResult r = bdm.value(SymbolMatrix.ofDigits("001011"));
    assertEquals(6, r.minBits(), 1e-12);
    assertEquals(14, r.maxBits(), 1e-12);
    assertEquals((6.0 + 6.5 - 6) / (14 - 6), r.normalized(), 1e-12);
    // Ten blocks cycle through the 8 raw blocks: 2 of them twice (most complex first).
    BdmResult ten = bdm.value(SymbolMatrix.ofDigits("000".repeat(10)));
    double all = 2 * (7 + 6.5 + 6 + 5);
    assertEquals(all + 2 * 1, ten.maxBits(), 1e-12);
    assertEquals(0, ten.normalized(), 1e-12);
  }

  @Test
  void missingBlocksCountFirstInTheMaximum() {
    // The 2x2 shape lists only 0000 and 0001: 16 − 2 − 2 = 12 raw blocks are missing (cost 9 + 1).
    Bdm bdm = Bdm.of(table(), BlockShape.of(2, 2), 2, Boundary.IGNORE);
    SymbolMatrix x = SymbolMatrix.of(new int[][] {{0, 1, 1, 0}, {1, 0, 0, 1}});
    BdmResult r = bdm.value(x);
    assertEquals(2 * 10, r.bits(), 1e-12); // 0110 and 1001 are missing, distinct
    assertEquals(20, r.maxBits(), 1e-12);
    assertEquals(1, r.normalized(), 1e-12);
  }

  @Test
  void recursiveBoundaryUsesShorterBlocks() {
    Bdm bdm = Bdm.of(table(), BlockShape.ofLength(3), 2, Boundary.RECURSIVE);
    BdmResult r = bdm.value(SymbolMatrix.ofDigits("00011")); // 000 + leftover 11 (canonical 00)
    assertEquals(5 + 3, r.bits(), 1e-12);
    assertEquals(Map.of("3", 1L, "2", 1L), r.blocksByShape());
    // A leftover of 1 symbol is dropped (pybdm min_length = 2).
    assertEquals(5, bdm.value(SymbolMatrix.ofDigits("0001")).bits(), 1e-12);
  }

  @Test
  void oneDimensionalBlocksRunOverRowMajorSequence() {
    Bdm bdm = Bdm.of(table(), BlockShape.ofLength(3), 2, Boundary.IGNORE);
    SymbolMatrix m = SymbolMatrix.of(new int[][] {{0, 1}, {0, 0}, {1, 1}});
    assertEquals(
        bdm.value(SymbolMatrix.ofDigits("010011")).bits(), bdm.value(m).bits(), 0);
  }

  @Test
  void globalBdmSumsPerMatrix() {
    Bdm bdm = Bdm.of(table(), BlockShape.ofLength(3), 2, Boundary.IGNORE);
    SymbolMatrix a = SymbolMatrix.ofDigits("000000");
    SymbolMatrix b = SymbolMatrix.ofDigits("011");
    BdmResult sum = bdm.value(List.of(a, b));
    assertEquals(bdm.value(a).bits() + bdm.value(b).bits(), sum.bits(), 1e-12);
    assertEquals(bdm.value(a).maxBits() + bdm.value(b).maxBits(), sum.maxBits(), 1e-12);
    assertEquals(3, sum.blocks());
  }

  @Test
  void invalidUsesAreRejected() {
    CtmTable t = table();
    assertThrows(IllegalArgumentException.class, () -> Bdm.of(t, BlockShape.ofLength(4), 2, Boundary.IGNORE));
    assertThrows(IllegalArgumentException.class, () -> Bdm.of(t, BlockShape.ofLength(3), 3, Boundary.IGNORE));
    assertThrows(IllegalArgumentException.class, () -> Bdm.of(t, BlockShape.ofLength(3), 1, Boundary.IGNORE));
    Bdm bdm = Bdm.of(t, BlockShape.ofLength(3), 2, Boundary.IGNORE);
    assertThrows(IllegalArgumentException.class, () -> bdm.value(SymbolMatrix.ofDigits("01")));
    assertThrows(IllegalArgumentException.class, () -> bdm.value(SymbolMatrix.ofDigits("012")));
    assertThrows(IllegalArgumentException.class, () -> bdm.value(List.of()));
    Bdm b2 = Bdm.of(t, BlockShape.of(2, 2), 2, Boundary.IGNORE);
    assertThrows(IllegalArgumentException.class, () -> b2.value(SymbolMatrix.ofDigits("0101")));
    // A recursive leftover of a shape the table lacks.
    Bdm rec = Bdm.of(t, BlockShape.of(2, 2), 2, Boundary.RECURSIVE);
    SymbolMatrix fiveByFive = new SymbolMatrix(5, 5, new byte[25]);
    assertTrue(rec.value(new SymbolMatrix(4, 4, new byte[16])).bits() > 0);
    assertEquals(4 + 2, rec.value(fiveByFive).bits(), 1e-12); // four 2x2 zeros; 1-wide strips dropped
    assertThrows(IllegalArgumentException.class, () -> Bdm.of(t, BlockShape.of(3, 3), 2, Boundary.RECURSIVE));
  }

  @Test
  void valueObjectsValidate() {
    assertEquals("4x4", BlockShape.parse("4x4").label());
    assertEquals("12", BlockShape.parse(" 12 ").label());
    assertThrows(IllegalArgumentException.class, () -> BlockShape.parse("4x"));
    assertThrows(IllegalArgumentException.class, () -> BlockShape.parse("0"));
    assertThrows(IllegalArgumentException.class, () -> new BlockShape(2, 3, false));
    assertEquals(Boundary.RECURSIVE, Boundary.parse("Recursive"));
    assertThrows(IllegalArgumentException.class, () -> Boundary.parse("wrap"));
    assertEquals("0012", CanonicalKey.of("2213"));
    assertEquals("0120", CanonicalKey.of("9309"));
    assertEquals(24, CanonicalKey.variants(4, 4));
    assertEquals(0, CanonicalKey.variants(2, 3));
    assertThrows(IllegalArgumentException.class, () -> CanonicalKey.of("0a"));
    assertThrows(IllegalArgumentException.class, () -> SymbolMatrix.of(new int[][] {{0, 1}, {0}}));
    assertThrows(IllegalArgumentException.class, () -> SymbolMatrix.of(new int[][] {{0, 10}}));
    assertThrows(IllegalArgumentException.class, () -> SymbolMatrix.of(new int[0][]));
    assertThrows(IllegalArgumentException.class, () -> new SymbolMatrix(2, 2, new byte[3]));
    assertThrows(IllegalArgumentException.class, () -> SymbolMatrix.ofDigits("01x"));
  }
}
