package occam.modular;

import static occam.modular.Phase.COMPREHENSION;
import static occam.modular.Phase.CONFUSION;
import static occam.modular.Phase.DIVERGED;
import static occam.modular.Phase.GROKKING;
import static occam.modular.Phase.MEMORIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** SPEC §3's majority over seeds: most votes, ties to the phase listed first. */
class PhaseMajorityTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of(GROKKING), GROKKING),
        Arguments.of(List.of(GROKKING, GROKKING, MEMORIZATION), GROKKING),
        Arguments.of(List.of(MEMORIZATION, GROKKING, MEMORIZATION), MEMORIZATION),
        Arguments.of(List.of(MEMORIZATION, GROKKING), GROKKING), // tie: grokking is listed before memorization
        Arguments.of(List.of(DIVERGED, COMPREHENSION), COMPREHENSION),
        Arguments.of(List.of(CONFUSION, MEMORIZATION, DIVERGED), MEMORIZATION),
        Arguments.of(List.of(CONFUSION, CONFUSION, GROKKING, GROKKING, DIVERGED), GROKKING),
        Arguments.of(List.of(DIVERGED, DIVERGED, COMPREHENSION), DIVERGED));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void majority(List<Phase> votes, Phase expected) {
    assertEquals(expected, Phase.majority(votes));
  }

  @Test
  void noVotesOrANullVoteIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Phase.majority(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Phase.majority(null));
    assertThrows(IllegalArgumentException.class, () -> Phase.majority(Arrays.asList(GROKKING, null)));
  }
}
