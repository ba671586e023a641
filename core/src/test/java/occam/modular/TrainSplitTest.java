package occam.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainSplitTest {
  private static final ModularTask ADD_97 = ModularTask.of(97, Op.ADD);

  @ParameterizedTest(name = "p = {0}, {1}, frac = {2}")
  @CsvSource({"97, ADD, 0.3", "97, DIV, 0.3", "113, MUL, 0.5", "31, SUB, 0.05", "7, ADD, 1.0", "5, SUB, 0.33"})
  void sizeIsRoundedFraction(int p, Op op, double frac) {
    ModularTask task = ModularTask.of(p, op);
    TrainSplit split = TrainSplit.of(task, frac, 1);
    int total = task.domainSize();
    assertEquals(Math.round(frac * total), split.trainSize());
    assertEquals(total - split.trainSize(), split.testSize());
    assertEquals(frac, split.frac());
    assertEquals(1, split.seed());
    assertEquals(task, split.task());
  }

  @Test
  void trainAndTestPartitionTheDomain() {
    TrainSplit split = TrainSplit.of(ADD_97, 0.3, 42);
    int[] train = split.train();
    int[] test = split.test();
    int[] union = new int[train.length + test.length];
    System.arraycopy(train, 0, union, 0, train.length);
    System.arraycopy(test, 0, union, train.length, test.length);
    Arrays.sort(union);
    for (int i = 0; i < union.length; i++) {
      assertEquals(i, union[i], "every cell exactly once");
    }
    boolean[] mask = split.mask();
    for (int c : train) {
      assertTrue(mask[c]);
      assertTrue(split.isTrain(c));
    }
    for (int c : test) {
      assertFalse(mask[c]);
      assertFalse(split.isTrain(c));
    }
    assertTrue(isAscending(train) && isAscending(test));
  }

  @Test
  void sameSeedGivesSameSetAndOtherSeedsDiffer() {
    int[] a = TrainSplit.of(ADD_97, 0.3, 7).train();
    assertArrayEquals(a, TrainSplit.of(ADD_97, 0.3, 7).train());
    assertFalse(Arrays.equals(a, TrainSplit.of(ADD_97, 0.3, 8).train()));
    assertFalse(Arrays.equals(a, TrainSplit.of(ADD_97, 0.3, -7).train()));
  }

  @Test
  void tinyFractionStillTrainsOnOneCell() {
    TrainSplit split = TrainSplit.of(ModularTask.of(3, Op.ADD), 0.01, 0);
    assertEquals(1, split.trainSize());
    assertEquals(8, split.testSize());
  }

  @Test
  void fullFractionLeavesNoTestSet() {
    TrainSplit split = TrainSplit.of(ModularTask.of(5, Op.MUL), 1.0, 3);
    assertEquals(16, split.trainSize());
    assertEquals(0, split.testSize());
  }

  @Test
  void accessorsReturnCopies() {
    TrainSplit split = TrainSplit.of(ADD_97, 0.3, 1);
    split.train()[0] = -1;
    split.test()[0] = -1;
    split.mask()[0] = !split.mask()[0];
    assertTrue(split.train()[0] >= 0);
    assertTrue(split.test()[0] >= 0);
    assertEquals(split.isTrain(0), split.mask()[0]);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.1, 1.0000001, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsFractionsOutsideZeroOne(double frac) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainSplit.of(ADD_97, frac, 1));
    assertTrue(e.getMessage().contains("frac"), e.getMessage());
  }

  @Test
  void rejectsNullTaskAndCellsOutsideTheDomain() {
    assertThrows(IllegalArgumentException.class, () -> TrainSplit.of(null, 0.5, 1));
    TrainSplit split = TrainSplit.of(ModularTask.of(3, Op.ADD), 0.5, 1);
    assertThrows(IllegalArgumentException.class, () -> split.isTrain(-1));
    assertThrows(IllegalArgumentException.class, () -> split.isTrain(9));
  }

  private static boolean isAscending(int[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i] <= a[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
