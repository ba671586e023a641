package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscreteLogTest {

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 5, 31, 97, 113, 257})
  void everyLogExponentiatesBack(int p) {
    DiscreteLog dl = DiscreteLog.of(p);
    assertEquals(p, dl.modulus());
    assertEquals(PrimitiveRoot.smallest(p), dl.generator());
    boolean[] seen = new boolean[p - 1];
    for (int u = 1; u < p; u++) {
      int t = dl.log(u);
      assertEquals(u, PrimitiveRoot.powMod(dl.generator(), t, p), "g^log(" + u + ")");
      assertEquals(u, dl.exp(t));
      assertEquals(false, seen[t], "log is a bijection onto [0, p − 1)");
      seen[t] = true;
    }
  }

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 5, 31, 97, 113, 257})
  void expTakesTheExponentModPMinusOne(int p) {
    DiscreteLog dl = DiscreteLog.of(p);
    for (int t = 0; t < p - 1; t++) {
      assertEquals(t, dl.log(dl.exp(t)));
      assertEquals(dl.exp(t), dl.exp(t + p - 1));
      assertEquals(dl.exp(t), dl.exp(t - 3 * (p - 1)));
    }
    assertEquals(1, dl.exp(0));
    assertEquals(PrimitiveRoot.powMod(dl.generator(), p - 2L, p), dl.exp(-1));
  }

  @ParameterizedTest(name = "u = {0}")
  @ValueSource(ints = {0, -1, 31, 32, Integer.MIN_VALUE})
  void logRejectsNonUnits(int u) {
    DiscreteLog dl = DiscreteLog.of(31);
    assertThrows(IllegalArgumentException.class, () -> dl.log(u));
  }

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {2, 1, 0, -5, 4, 96})
  void ofRejectsNonPrimesAndTwo(int p) {
    assertThrows(IllegalArgumentException.class, () -> DiscreteLog.of(p));
  }
}
