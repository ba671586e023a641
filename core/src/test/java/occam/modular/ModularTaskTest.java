package occam.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModularTaskTest {

  static Stream<Arguments> smallTasks() {
    return Stream.of(3, 5, 7, 11, 13).flatMap(p -> Stream.of(Op.values()).map(op -> Arguments.of(p, op)));
  }

  @ParameterizedTest(name = "p = {0}, {1}")
  @MethodSource("smallTasks")
  void labelsAgreeWithOpApplyOnEveryCell(int p, Op op) {
    ModularTask task = ModularTask.of(p, op);
    int m = op.groupOrder(p);
    assertEquals(m, task.groupOrder());
    assertEquals(m * m, task.domainSize());
    double[] values = task.labelValues();
    assertEquals(m * m, values.length);
    for (int cell = 0; cell < m * m; cell++) {
      int u = task.u(cell);
      int v = task.v(cell);
      assertEquals(op.apply(u, v, p), task.label(cell), "cell " + cell + " = (" + u + ", " + v + ")");
      assertEquals(task.label(cell), values[cell]);
      assertEquals(cell / m, task.index(u));
      assertEquals(cell % m, task.index(v));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void elementAndIndexAreInverse(Op op) {
    ModularTask task = ModularTask.of(31, op);
    for (int a = 0; a < task.groupOrder(); a++) {
      assertEquals(a, task.index(task.element(a)));
    }
  }

  @Test
  void additiveTasksUseTheResidueAsIndex() {
    ModularTask task = ModularTask.of(7, Op.ADD);
    assertEquals(3, task.element(3));
    assertEquals(0, task.index(0));
    // Cell i = a·m + b: cell 3·7 + 5 holds (3, 5).
    assertEquals(3, task.u(26));
    assertEquals(5, task.v(26));
  }

  @Test
  void multiplicativeTasksIndexByDiscreteLog() {
    ModularTask task = ModularTask.of(7, Op.MUL);
    // g = 3: 3⁰ = 1, 3¹ = 3, 3² = 2, 3³ = 6, 3⁴ = 4, 3⁵ = 5.
    assertArrayEquals(new int[] {1, 3, 2, 6, 4, 5}, java.util.stream.IntStream.range(0, 6).map(task::element).toArray());
  }

  @Test
  void rejectsInvalidTasks() {
    assertThrows(IllegalArgumentException.class, () -> ModularTask.of(2, Op.ADD));
    assertThrows(IllegalArgumentException.class, () -> ModularTask.of(9, Op.ADD));
    assertThrows(IllegalArgumentException.class, () -> ModularTask.of(-7, Op.MUL));
    assertThrows(IllegalArgumentException.class, () -> ModularTask.of(7, null));
    assertThrows(IllegalArgumentException.class, () -> new ModularTask(15, Op.SUB));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void rejectsIndicesOutsideTheDomain(Op op) {
    ModularTask task = ModularTask.of(7, op);
    int m = task.groupOrder();
    int n = task.domainSize();
    assertThrows(IllegalArgumentException.class, () -> task.element(-1));
    assertThrows(IllegalArgumentException.class, () -> task.element(m));
    assertThrows(IllegalArgumentException.class, () -> task.index(7));
    assertThrows(IllegalArgumentException.class, () -> task.index(-1));
    if (op.multiplicative()) {
      assertThrows(IllegalArgumentException.class, () -> task.index(0));
    }
    for (int cell : new int[] {-1, n, n + m}) {
      assertThrows(IllegalArgumentException.class, () -> task.u(cell));
      assertThrows(IllegalArgumentException.class, () -> task.v(cell));
      assertThrows(IllegalArgumentException.class, () -> task.label(cell));
    }
  }
}
