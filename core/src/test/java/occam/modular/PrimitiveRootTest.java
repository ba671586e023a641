package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimitiveRootTest {

  @ParameterizedTest(name = "p = {0} → g = {1}")
  @CsvFileSource(resources = "primitive-roots.csv", numLinesToSkip = 4)
  void smallestMatchesOeis(int p, int g) {
    assertEquals(g, PrimitiveRoot.smallest(p));
  }

  @ParameterizedTest(name = "p = {0}")
  @CsvFileSource(resources = "primitive-roots.csv", numLinesToSkip = 4)
  void smallestIsTheFirstElementOfFullOrder(int p, int g) {
    // Independent of the table: count orders by repeated multiplication.
    for (int h = 1; h < g; h++) {
      assertTrue(order(h, p) < p - 1, "h = " + h + " would already generate");
    }
    assertEquals(p - 1, order(g, p));
  }

  @Test
  void twoHasRootOne() {
    assertEquals(1, PrimitiveRoot.smallest(2));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 1, 0, -7, 91})
  void smallestRejectsNonPrimes(int p) {
    assertThrows(IllegalArgumentException.class, () -> PrimitiveRoot.smallest(p));
  }

  @Test
  void powModMatchesKnownValues() {
    assertEquals(1, PrimitiveRoot.powMod(5, 0, 7));
    assertEquals(10, PrimitiveRoot.powMod(2, 10, 13)); // 1024 = 78·13 + 10
    assertEquals(1, PrimitiveRoot.powMod(3, 96, 97)); // Fermat
    assertEquals(0, PrimitiveRoot.powMod(5, 3, 1));
  }

  @Test
  void powModAgreesWithRepeatedMultiplication() {
    for (long p : new long[] {1, 2, 7, 97, 257, 1_000_003}) {
      for (long b = -3; b < 40; b++) {
        long expected = 1 % p;
        for (long e = 0; e < 60; e++) {
          assertEquals(expected, PrimitiveRoot.powMod(b, e, p), b + "^" + e + " mod " + p);
          expected = expected * Math.floorMod(b, p) % p;
        }
      }
    }
  }

  @Test
  void powModMatchesBigIntegerUpToTheLargestModulus() {
    for (long p : new long[] {2_147_483_647L, 3_037_000_493L, 3_037_000_499L}) {
      for (long b : new long[] {2, 123_456_789L, p - 1, -5}) {
        long e = 1_000_000_007L;
        long expected = BigInteger.valueOf(b).modPow(BigInteger.valueOf(e), BigInteger.valueOf(p)).longValue();
        assertEquals(expected, PrimitiveRoot.powMod(b, e, p), b + "^" + e + " mod " + p);
      }
    }
  }

  @Test
  void powModRejectsInvalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> PrimitiveRoot.powMod(2, -1, 7));
    assertThrows(IllegalArgumentException.class, () -> PrimitiveRoot.powMod(2, 3, 0));
    assertThrows(IllegalArgumentException.class, () -> PrimitiveRoot.powMod(2, 3, -7));
    assertThrows(IllegalArgumentException.class, () -> PrimitiveRoot.powMod(2, 3, 3_037_000_500L));
  }

  private static int order(int h, int p) {
    long x = h;
    int k = 1;
    while (x != 1) {
      x = x * h % p;
      k++;
    }
    return k;
  }
}
