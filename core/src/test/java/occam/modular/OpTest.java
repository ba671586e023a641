package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpTest {

  @Test
  void appliesTheFourOperations() {
    assertEquals(4, Op.ADD.apply(5, 6, 7));
    assertEquals(4, Op.SUB.apply(2, 5, 7));
    assertEquals(0, Op.SUB.apply(3, 3, 7));
    assertEquals(1, Op.MUL.apply(3, 5, 7));
    // 5⁻¹ ≡ 3 (mod 7), so 3/5 ≡ 3·3 = 9 ≡ 2.
    assertEquals(2, Op.DIV.apply(3, 5, 7));
    assertEquals(96, Op.ADD.apply(96, 0, 97));
  }

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 5, 31, 97})
  void divisionMultipliesByTheInverse(int p) {
    for (int u = 1; u < p; u++) {
      for (int v = 1; v < p; v++) {
        int q = Op.DIV.apply(u, v, p);
        assertEquals(u, Op.MUL.apply(q, v, p), u + "/" + v);
        assertEquals(q, Op.MUL.apply(u, Op.DIV.apply(1, v, p), p));
      }
    }
  }

  @ParameterizedTest(name = "p = {0}")
  @ValueSource(ints = {3, 5, 31})
  void addAndSubAreInverse(int p) {
    for (int u = 0; u < p; u++) {
      for (int v = 0; v < p; v++) {
        assertEquals(u, Op.SUB.apply(Op.ADD.apply(u, v, p), v, p));
        assertEquals((u + v) % p, Op.ADD.apply(u, v, p));
      }
    }
  }

  @Test
  void largeOperandsDoNotOverflow() {
    int p = 2_147_483_647;
    assertEquals(p - 3, Op.ADD.apply(p - 1, p - 2, p));
    assertEquals(1, Op.SUB.apply(p - 1, p - 2, p));
    assertEquals(1, Op.MUL.apply(p - 1, p - 1, p));
    assertEquals(1, Op.DIV.apply(p - 1, p - 1, p));
  }

  @ParameterizedTest
  @EnumSource(Op.class)
  void rejectsOperandsOutsideTheDomain(Op op) {
    int low = op.multiplicative() ? 1 : 0;
    assertThrows(IllegalArgumentException.class, () -> op.apply(low - 1, 1, 7));
    assertThrows(IllegalArgumentException.class, () -> op.apply(1, low - 1, 7));
    assertThrows(IllegalArgumentException.class, () -> op.apply(7, 1, 7));
    assertThrows(IllegalArgumentException.class, () -> op.apply(1, 7, 7));
    assertThrows(IllegalArgumentException.class, () -> op.apply(1, 1, 8));
    assertThrows(IllegalArgumentException.class, () -> op.apply(1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> op.apply(1, 1, -7));
  }

  @Test
  void divisionByZeroIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Op.DIV.apply(3, 0, 7));
    assertTrue(e.getMessage().contains("div"), e.getMessage());
  }

  @Test
  void parsesCliNames() {
    assertEquals(Op.ADD, Op.parse("add"));
    assertEquals(Op.SUB, Op.parse(" SUB "));
    assertEquals(Op.MUL, Op.parse("Mul"));
    assertEquals(Op.DIV, Op.parse("div"));
    for (Op op : Op.values()) {
      assertEquals(op, Op.parse(op.cliName()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plus", "addition", "+"})
  void parseRejectsUnknownNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> Op.parse(name));
  }

  @Test
  void parseRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> Op.parse(null));
  }

  @Test
  void groupOrderAndSupport() {
    assertEquals(97, Op.ADD.groupOrder(97));
    assertEquals(97, Op.SUB.groupOrder(97));
    assertEquals(96, Op.MUL.groupOrder(97));
    assertEquals(96, Op.DIV.groupOrder(97));
    assertFalse(Op.ADD.multiplicative());
    assertTrue(Op.DIV.multiplicative());
    // σ: diagonal for add/mul, anti-diagonal (k, −k mod m) for sub/div.
    assertEquals(5, Op.ADD.sigma(5, 97));
    assertEquals(5, Op.MUL.sigma(5, 96));
    assertEquals(92, Op.SUB.sigma(5, 97));
    assertEquals(91, Op.DIV.sigma(5, 96));
    assertEquals(0, Op.SUB.sigma(0, 97));
    assertEquals(1, Op.ADD.combine(50, 48, 97));
    assertEquals(95, Op.SUB.combine(1, 3, 97));
    assertEquals(0, Op.ADD.combine(Integer.MAX_VALUE, 1, 2));
  }

  @ParameterizedTest
  @EnumSource(Op.class)
  void supportAndCombineRejectInvalidArguments(Op op) {
    assertThrows(IllegalArgumentException.class, () -> op.sigma(-1, 7));
    assertThrows(IllegalArgumentException.class, () -> op.sigma(7, 7));
    assertThrows(IllegalArgumentException.class, () -> op.sigma(0, 0));
    assertThrows(IllegalArgumentException.class, () -> op.combine(1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> op.combine(1, 2, -5));
  }
}
