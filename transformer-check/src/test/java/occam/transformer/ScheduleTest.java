package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When measurements run, and the seeded batches. */
class ScheduleTest {

  @Test
  void dueAtMultiplesAndAtTheFinalStep() {
    Schedule every3 = new Schedule(3);
    assertEquals(java.util.List.of(0, 3, 6), IntStream.range(0, 8).filter(s -> every3.isDue(s, false)).boxed().toList());
    assertTrue(every3.isDue(7, true), "the final step always");
    assertTrue(new Schedule(1).isDue(5, false));
    assertThrows(IllegalArgumentException.class, () -> new Schedule(0));
  }

  @Test
  void batchesAreDistinctRowsThatDependOnlyOnSeedAndStep() {
    int[] a = BatchSampler.rows(3, 17, 40, 8);
    assertArrayEquals(a, BatchSampler.rows(3, 17, 40, 8), "same (seed, step): same batch");
    assertEquals(8, Arrays.stream(a).distinct().filter(r -> r >= 0 && r < 40).count());
    assertFalse(Arrays.equals(a, BatchSampler.rows(3, 18, 40, 8)), "another step: another batch");
    int[] all = BatchSampler.rows(0, 0, 10, 10);
    Arrays.sort(all);
    assertArrayEquals(IntStream.range(0, 10).toArray(), all, "b = n is a permutation");
  }
}
