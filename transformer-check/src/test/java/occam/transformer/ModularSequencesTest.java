package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.modular.TrainSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transformer's sequences name exactly the pairs of the shared split (SPEC §1, §6). */
class ModularSequencesTest {

  @ParameterizedTest
  @CsvSource({"5,add,0.5,1", "5,sub,0.3,2", "7,mul,0.6,3", "7,div,0.4,4", "3,add,1.0,0"})
  void agreesWithTrainSplit(int p, String opName, double frac, long seed) {
    Op op = Op.parse(opName);
    TrainSplit split = TrainSplit.of(ModularTask.of(p, op), frac, seed);
    ModularSequences data = ModularSequences.of(split);
    assertArrayEquals(split.train(), data.trainCells());
    assertArrayEquals(split.test(), data.testCells());
    for (int[] cells : new int[][] {split.train(), split.test()}) {
      int[] tokens = data.tokens(cells);
      int[] labels = data.labels(cells);
      assertEquals(3 * cells.length, tokens.length);
      for (int i = 0; i < cells.length; i++) {
        int u = tokens[3 * i];
        int v = tokens[3 * i + 1];
        assertEquals(split.task().u(cells[i]), u);
        assertEquals(split.task().v(cells[i]), v);
        assertEquals(p, tokens[3 * i + 2], "'=' is token p");
        assertEquals(op.apply(u, v, p), labels[i], "label is op(u, v) mod p");
        if (op.multiplicative()) {
          assertNotEquals(0, u);
          assertNotEquals(0, v);
        }
      }
    }
    int[] all = new int[split.task().domainSize()];
    System.arraycopy(split.train(), 0, all, 0, split.trainSize());
    System.arraycopy(split.test(), 0, all, split.trainSize(), split.testSize());
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      assertEquals(i, all[i], "train and test partition the domain");
    }
    assertTrue(Arrays.stream(data.tokens(split.train())).allMatch(t -> t >= 0 && t <= p));
  }
}
