package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The built-in tables: what they cover, and how they agree with the published ones (those comparisons
 * skip without {@code ../shared/reference}). Figures: see the module README.
 */
class OwnTablesTest {

  /** Canonical keys of length L over at most b symbols: Σ_{k ≤ b} S(L, k) (Stirling, 2nd kind). */
  private static long canonicalKeys(int length, int alphabet) {
    long[] s = new long[alphabet + 1]; // S(n, k) for the current n
    s[0] = 1;
    for (int n = 1; n <= length; n++) {
      for (int k = Math.min(n, alphabet); k >= 1; k--) {
        s[k] = k * s[k] + s[k - 1];
      }
      s[0] = 0;
    }
    long sum = 0;
    for (int k = 1; k <= alphabet; k++) {
      sum += s[k];
    }
    return sum;
  }

  @Test
  void binaryTableCoversEveryStringUpToLength11AndAllButOneOf12() {
    CtmTable t = CtmTable.builtIn("ctm-own-b2-d12");
    assertEquals(2, t.alphabet());
    for (int len = 1; len <= 11; len++) {
      assertEquals(canonicalKeys(len, 2), t.entries(BlockShape.ofLength(len)).size(), "length " + len);
    }
    assertEquals(canonicalKeys(12, 2) - 1, t.entries(BlockShape.ofLength(12)).size());
    assertTrue(t.comments().get(1).startsWith("command: ./occam ctm generate --states 5 --max-steps 500"));
  }

  @Test
  void fourSymbolTableCoversEveryStringUpToLength7() {
    CtmTable t = CtmTable.builtIn("ctm-own-b4-d12");
    assertEquals(4, t.alphabet());
    for (int len = 1; len <= 7; len++) {
      assertEquals(canonicalKeys(len, 4), t.entries(BlockShape.ofLength(len)).size(), "length " + len);
    }
    assertTrue(t.comments().get(1).startsWith("command: ./occam ctm generate --states 2 --symbols 4"));
  }

  /** D(5,2) with a 500-step cut-off is what the published ctm-b2-d12 was computed from. */
  @Test
  void binaryTableReproducesThePublishedOne() {
    CtmTable published = Reference.table("ctm-b2-d12.tsv");
    TableAgreement a = TableAgreement.of(CtmTable.builtIn("ctm-own-b2-d12"), published, null);
    assertEquals(4094, a.common());
    assertEquals(1, a.onlySecond()); // 000110100111, not produced by any (5,2) machine within 500 steps
    assertEquals(0, a.onlyFirst());
    assertEquals(1.0, a.spearman(), 1e-12);
    assertTrue(a.maxAbsDifference() < 1e-13, "max |difference| " + a.maxAbsDifference() + " bits");
  }

  /** (2,4) is a much smaller space than the (4,4) sample behind the published 4-symbol table. */
  @Test
  void fourSymbolTableAgreesModeratelyWithThePublishedOne() {
    CtmTable published = Reference.table("ctm-b4-d12.tsv.gz");
    CtmTable own = CtmTable.builtIn("ctm-own-b4-d12");
    TableAgreement all = TableAgreement.of(own, published, null);
    assertEquals(9570, all.common());
    assertEquals(0.770, all.spearman(), 0.001);
    assertEquals(0.570, TableAgreement.of(own, published, BlockShape.ofLength(6)).spearman(), 0.001);
  }
}
