package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §3's phase rule, shared by the simulator and the transformer check. */
class PhaseTest {

  @ParameterizedTest
  @CsvSource({
    "false, 5, 5, COMPREHENSION", "false, 5, 10, COMPREHENSION", "false, 5, 11, COMPREHENSION", "false, 5, 16, GROKKING",
    "false, 1, 10, COMPREHENSION", "false, 1, 11, GROKKING", "false, 100, 150, COMPREHENSION", "false, 100, 201, GROKKING",
    "false, 100, 109, COMPREHENSION", "false, 3, -1, MEMORIZATION", "false, -1, -1, CONFUSION", "true, 3, 4, DIVERGED"})
  void phases(boolean diverged, int tMem, int tGen, Phase expected) {
    OptionalInt m = tMem < 0 ? OptionalInt.empty() : OptionalInt.of(tMem);
    OptionalInt g = tGen < 0 ? OptionalInt.empty() : OptionalInt.of(tGen);
    assertEquals(expected, Phase.classify(diverged, m, g));
  }

}
