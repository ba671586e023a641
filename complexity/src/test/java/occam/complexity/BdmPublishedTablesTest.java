package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * BDM with the published pybdm tables must reproduce published values to 1e-9 relative. Expectations
 * come from two independent places: sums written out by hand from table rows looked up with a plain
 * line scan (not {@link CtmTable}), and values pybdm itself computed in its test suite (cited per test).
 * Skips when {@code ../shared/reference} is absent.
 */
class BdmPublishedTablesTest {

  /** Relative tolerance of the issue: the published values are exact sums of table entries. */
  private static final double REL = 1e-9;

  private static CtmTable table(String file) {
    return Reference.table(file);
  }

  /** CTM of one row, by scanning the file for "shape TAB key TAB" — independent of CtmTable. */
  private static double row(String file, String shape, String key) throws IOException {
    Path p = Reference.ctm(file);
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                file.endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(p))
                    : Files.newInputStream(p),
                StandardCharsets.UTF_8))) {
      String prefix = shape + "\t" + key + "\t";
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(prefix)) {
          return Double.parseDouble(line.substring(prefix.length()));
        }
      }
    }
    throw new AssertionError(key + " of shape " + shape + " not in " + file);
  }

  private static Bdm d12() {
    return Bdm.of(table("ctm-b2-d12.tsv"), BlockShape.ofLength(12), 2, Boundary.IGNORE);
  }

  private static Bdm d4x4() {
    return Bdm.of(table("ctm-b2-d4x4.tsv"), BlockShape.of(4, 4), 2, Boundary.IGNORE);
  }

  private static void assertRel(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * REL, () -> "expected " + expected);
  }

  private static SymbolMatrix matrix(String rowsJoinedByDash) {
    String[] rows = rowsJoinedByDash.split("-");
    int[][] m = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      m[i] = rows[i].chars().map(c -> c - '0').toArray();
    }
    return SymbolMatrix.of(m);
  }

  // --- hand-computed sums -------------------------------------------------------------------

  @Test
  void handSum1dDistinctBlocksShareACanonicalKey() throws IOException {
    // 0^12 1^12: two distinct blocks, both canonical 000000000000, one occurrence each.
    double c = row("ctm-b2-d12.tsv", "12", "000000000000");
    BdmResult r = d12().value(SymbolMatrix.ofDigits("0".repeat(12) + "1".repeat(12)));
    assertRel(2 * c, r.bits());
    assertEquals(2, r.blocks());
    assertEquals(2, r.distinctBlocks());
  }

  @Test
  void handSum1dRepeatedBlockAddsLog2Count() throws IOException {
    // 010011 repeated: blocks 010011010011 ×3 → CTM + log2 3; the 5 trailing symbols are ignored.
    double c = row("ctm-b2-d12.tsv", "12", "010011010011");
    String x = "010011".repeat(6) + "10110";
    assertRel(c + Math.log(3) / Math.log(2), d12().value(SymbolMatrix.ofDigits(x)).bits());
  }

  @Test
  void handSum2dTwoBlocks() throws IOException {
    // Rows 00000001 00010001 11110001 10000001: left block 0000/0001/1111/1000, right 0001 ×4.
    double left = row("ctm-b2-d4x4.tsv", "4x4", "0000000111111000");
    double right = row("ctm-b2-d4x4.tsv", "4x4", "0001000100010001");
    BdmResult r = d4x4().value(matrix("00000001-00010001-11110001-10000001"));
    assertRel(left + right, r.bits());
    assertEquals("4x4", r.blockShape());
    assertEquals("ctm-b2-d4x4", r.table());
  }

  @Test
  void handSum2dRecursiveBoundary() throws IOException {
    // A 6x6 all-ones matrix: one 4x4 block; the 4x2 right strip gives two 2x2 blocks, the 2x4 bottom
    // strip two more and the 2x2 corner one: five identical 2x2 blocks (canonical 0000).
    int[][] ones = new int[6][6];
    for (int[] row : ones) {
      Arrays.fill(row, 1);
    }
    double expected =
        row("ctm-b2-d4x4.tsv", "4x4", "0".repeat(16))
            + row("ctm-b2-d4x4.tsv", "2x2", "0000")
            + Math.log(5) / Math.log(2);
    Bdm bdm = Bdm.of(table("ctm-b2-d4x4.tsv"), BlockShape.of(4, 4), 2, Boundary.RECURSIVE);
    BdmResult r = bdm.value(SymbolMatrix.of(ones));
    assertRel(expected, r.bits());
    assertEquals(Map.of("4x4", 1L, "2x2", 5L), r.blocksByShape());
    // The ignore boundary keeps only the 4x4 block.
    assertRel(row("ctm-b2-d4x4.tsv", "4x4", "0".repeat(16)), d4x4().value(SymbolMatrix.of(ones)).bits());
  }

  @Test
  void handSum1dRecursiveLeftover() throws IOException {
    Bdm bdm = Bdm.of(table("ctm-b2-d12.tsv"), BlockShape.ofLength(12), 2, Boundary.RECURSIVE);
    double expected = row("ctm-b2-d12.tsv", "12", "000000000001") + row("ctm-b2-d12.tsv", "3", "010");
    assertRel(expected, bdm.value(SymbolMatrix.ofDigits("000000000001101")).bits());
  }

  @Test
  void handSumFourSymbols() throws IOException {
    // One block of 12 over 4 symbols; relabelling 3→0, 2→1, 1→2, 0→3 gives the key 012301230123.
    Bdm bdm =
        Bdm.of(table("ctm-b4-d12.tsv.gz"), BlockShape.ofLength(12), 4, Boundary.IGNORE);
    double c = row("ctm-b4-d12.tsv.gz", "12", "012301230123");
    assertRel(c, bdm.value(SymbolMatrix.ofDigits("321032103210")).bits());
    assertEquals(4, table("ctm-b4-d12.tsv.gz").alphabet());
  }

  @Test
  void missingBlockCostsMaxPlusOne() {
    CtmTable t = table("ctm-b4-d12.tsv.gz");
    BlockShape s = BlockShape.ofLength(12);
    String missing = null;
    // The table lacks some 4-symbol strings of length 12; find one by counting upwards.
    for (long i = 0; missing == null; i++) {
      String k = CanonicalKey.of(Long.toString(i + 0x555555L, 4));
      if (k.length() == 12 && !t.entries(s).containsKey(k)) {
        missing = k;
      }
    }
    double max = t.entries(s).values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    Bdm bdm = Bdm.of(t, s, 4, Boundary.IGNORE);
    assertRel(max + 1, bdm.value(SymbolMatrix.ofDigits(missing)).bits());
    assertFalse(t.entries(s).containsKey(missing));
  }

  // --- values computed by pybdm --------------------------------------------------------------

  /** pybdm tests/test_bdm.py, bdm1_test_input (BDM(ndim=1): 1D blocks of 12, ignore). */
  @Test
  void pybdm1d() {
    assertRel(26.610413747641715, d12().value(SymbolMatrix.ofDigits("0".repeat(24))).bits());
    assertRel(
        51.22082749528343,
        d12().value(SymbolMatrix.ofDigits("0".repeat(12) + "1".repeat(12))).bits());
    String s2 = "0".repeat(6) + "1".repeat(12) + "0".repeat(18) + "1".repeat(12);
    assertRel(114.06151272200972, d12().value(SymbolMatrix.ofDigits(s2)).bits());
  }

  /** pybdm tests/data/bdm-b2-d4x4-test-input.tsv (BDM(ndim=2): 4x4 blocks, ignore). */
  @ParameterizedTest
  @CsvFileSource(resources = "pybdm-bdm-b2-d4x4.tsv", delimiter = '\t')
  void pybdm2d(String rows, double expected) {
    assertRel(expected, d4x4().value(matrix(rows)).bits());
  }

  /** pybdm tests/test_bdm.py, test_nbdm_d1 and test_nbdm_d2. */
  @Test
  void pybdmNormalized() {
    assertEquals(0, d12().value(SymbolMatrix.ofDigits("1".repeat(30))).normalized(), 1e-12);
    assertRel(
        0.648665654727082, d12().value(SymbolMatrix.ofDigits("010001100010001")).normalized());
    String x =
        "0001111011011101100101101"
            + "00011000011011011000010"
            + "010001011100101001110010"
            + "100010100110100000101110"
            + "00001010111111111111001100"
            + "001101110110100100000001"
            + "0001010101011111100011110"
            + "0110110000101110110011011";
    assertRel(0.8924514180488615, d12().value(SymbolMatrix.ofDigits(x)).normalized());
    int[][] ones = new int[20][20];
    for (int[] row : ones) {
      Arrays.fill(row, 1);
    }
    assertEquals(0, d4x4().value(SymbolMatrix.of(ones)).normalized(), 1e-12);
    assertRel(0.6139131118181638, d4x4().value(matrix("0010-1001-0011-1010")).normalized());
  }

  @Test
  void normalizedStaysInUnitIntervalWithIncompleteTable() {
    Bdm bdm = Bdm.of(table("ctm-b4-d12.tsv.gz"), BlockShape.ofLength(12), 4, Boundary.IGNORE);
    Random rnd = new Random(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12 * 500; i++) {
      sb.append(rnd.nextInt(4));
    }
    double n = bdm.value(SymbolMatrix.ofDigits(sb.toString())).normalized();
    assertTrue(n > 0.5 && n <= 1, "normalized " + n);
  }
}
