package occam.complexity.ctm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputFrequencyEnumeratorTest {

  /** Machine counts (4n+2)^(2n) for n = 1..4, as OEIS A141475 lists them. */
  @ParameterizedTest
  @CsvSource({"1, 36", "2, 10000", "3, 7529536", "4, 11019960576"})
  void machineCountsMatchTheLiterature(int states, long count) {
    assertEquals(count, TuringMachineSpace.binary(states).machineCount());
  }

  /** The reductions (mirror, first transition, relabelling, lazy tree, escapees) lose nothing. */
  @ParameterizedTest
  @CsvSource({"1, 2, 1", "2, 2, 6", "2, 2, 3", "3, 2, 21", "2, 3, 12"})
  void reducedEnumerationEqualsBruteForce(int states, int symbols, int maxSteps) {
    TuringMachineSpace space = new TuringMachineSpace(states, symbols, maxSteps);
    Map<String, Long> expected = BruteForce.counts(space);
    Long nonHalting = expected.remove("");
    long expectedNonHalting = nonHalting == null ? 0 : nonHalting;
    for (int threads : new int[] {1, 3}) {
      OutputDistribution d = OutputFrequencyEnumerator.enumerate(space, threads, EnumerationListener.NONE);
      assertEquals(expected, new HashMap<>(d.counts()), "threads " + threads);
      assertEquals(expectedNonHalting, d.nonHalting());
    }
  }

  /** Outputs too long to pack into a long take the string path; both paths count alike. */
  @Test
  void longOutputsAreCountedAsStrings() {
    TuringMachineSpace space = TuringMachineSpace.binary(3);
    OutputDistribution packed = OutputFrequencyEnumerator.enumerate(space, 2, EnumerationListener.NONE);
    OutputDistribution strings =
        OutputFrequencyEnumerator.enumerate(space, 2, EnumerationListener.NONE, 3);
    assertEquals(packed.counts(), strings.counts());
    assertTrue(packed.counts().keySet().stream().anyMatch(s -> s.length() > 3));
  }

  @Test
  void progressReachesAllTasks() {
    List<EnumerationProgress> seen = new ArrayList<>();
    OutputFrequencyEnumerator.enumerate(TuringMachineSpace.binary(3), 2, seen::add);
    EnumerationProgress last = seen.get(seen.size() - 1);
    assertEquals(last.tasksTotal(), last.tasksDone());
    assertTrue(last.tasksTotal() > 1);
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TuringMachineSpace(0, 2, 5));
    assertThrows(IllegalArgumentException.class, () -> new TuringMachineSpace(2, 1, 5));
    assertThrows(IllegalArgumentException.class, () -> new TuringMachineSpace(2, 11, 5));
    assertThrows(IllegalArgumentException.class, () -> new TuringMachineSpace(2, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new TuringMachineSpace(8, 4, 5));
    assertThrows(IllegalArgumentException.class, () -> TuringMachineSpace.binary(5));
    TuringMachineSpace s = TuringMachineSpace.binary(2);
    assertThrows(IllegalArgumentException.class,
        () -> OutputFrequencyEnumerator.enumerate(s, 0, EnumerationListener.NONE));
  }
}
