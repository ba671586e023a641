package occam.transformer.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import occam.transformer.DecoderTransformer;
import occam.transformer.Djl;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Members are independent: initialization, other members' hyperparameters, freezing and dropping. */
class EnsembleMembersTest {
  static final int STEPS = 30;
  static final int AT = 10;

  static List<TrainingConfig> members() {
    List<TrainingConfig> out = new ArrayList<>();
    EnsembleEquivalenceTest.members().forEach(c -> out.add(
        EnsembleEquivalenceTest.member(c.seed(), c.frac(), c.optimizer().lr(), c.optimizer().weightDecay(), STEPS)));
    return out;
  }

  @Test
  void memberKStartsAsTheSingleModelWithItsSeed() {
    List<TrainingConfig> members = members();
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device());
        Ensemble ensemble = Ensemble.of(members, SetLayout.GATHER, manager)) {
      for (int k = 0; k < members.size(); k++) {
        Map<String, float[]> mine = ensemble.parameters(k);
        DecoderTransformer single = DecoderTransformer.create(members.get(k).model(), members.get(k).seed(), manager);
        int k0 = k;
        single.namedParameters().forEach((name, p) ->
            assertArrayEquals(p.getArray().toFloatArray(), mine.get(name), 0f, "member " + k0 + " " + name));
      }
    }
  }

  @Test
  void anotherMembersLearningRateAndDecayDoNotChangeAMember() {
    List<TrainingConfig> base = members();
    List<TrainingConfig> changed = new ArrayList<>(base);
    changed.set(1, EnsembleEquivalenceTest.member(1, 0.4, 5e-2, 0.01, STEPS));
    List<Trajectories.Trajectory> a = Trajectories.together(base, SetLayout.GATHER, (s, e) -> {});
    List<Trajectories.Trajectory> b = Trajectories.together(changed, SetLayout.GATHER, (s, e) -> {});
    assertArrayEquals(a.get(0).loss(), b.get(0).loss(), 0.0, "member 0, bit for bit");
    assertArrayEquals(a.get(2).loss(), b.get(2).loss(), 0.0, "member 2, bit for bit");
    assertEquals(false, Arrays.equals(a.get(1).loss(), b.get(1).loss()), "member 1 itself did change");
  }

  @Test
  void aFrozenMemberStopsAndTheOthersGoOnUnchanged() {
    List<TrainingConfig> members = members();
    List<Trajectories.Trajectory> a = Trajectories.together(members, SetLayout.GATHER, (s, e) -> {});
    List<Trajectories.Trajectory> b = Trajectories.together(members, SetLayout.GATHER, (s, e) -> {
      if (s == AT) {
        e.freeze(1);
      }
    });
    assertArrayEquals(a.get(0).loss(), b.get(0).loss(), 0.0, "member 0, bit for bit");
    assertArrayEquals(a.get(2).loss(), b.get(2).loss(), 0.0, "member 2, bit for bit");
    double[] frozen = b.get(1).loss();
    assertArrayEquals(Arrays.copyOf(a.get(1).loss(), AT + 2), Arrays.copyOf(frozen, AT + 2), 0.0, "member 1 before");
    for (int s = AT + 2; s <= STEPS; s++) {
      assertEquals(frozen[AT + 1], frozen[s], 0.0, "frozen member 1 keeps θ_" + (AT + 1) + " at step " + s);
    }
  }

  @Test
  void aDroppedMemberLeavesTheOthersUnchanged() {
    List<TrainingConfig> members = members();
    List<Trajectories.Trajectory> a = Trajectories.together(members, SetLayout.MASK, (s, e) -> {});
    List<Trajectories.Trajectory> b = Trajectories.together(members, SetLayout.MASK, (s, e) -> {
      if (s == AT) {
        e.retain(new int[] {0, 2});
      }
    });
    assertArrayEquals(a.get(0).loss(), b.get(0).loss(), 0.0, "member 0, bit for bit");
    assertArrayEquals(a.get(2).loss(), b.get(2).loss(), 0.0, "member 2, bit for bit");
  }

  @Test
  void badEnsemblesAreRefused() {
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device())) {
      assertThrows(IllegalArgumentException.class, () -> Ensemble.of(List.of(), SetLayout.GATHER, manager));
      List<TrainingConfig> mixed = List.of(members().get(0), EnsembleEquivalenceTest.tiny().set(Settings.P, 13).build());
      assertThrows(IllegalArgumentException.class, () -> Ensemble.of(mixed, SetLayout.GATHER, manager));
      List<TrainingConfig> batched = List.of(EnsembleEquivalenceTest.tiny().set(Settings.BATCH, 8).build());
      assertThrows(IllegalArgumentException.class, () -> Ensemble.of(batched, SetLayout.GATHER, manager));
      try (Ensemble e = Ensemble.of(members(), SetLayout.GATHER, manager)) {
        assertThrows(IllegalArgumentException.class, () -> e.retain(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> e.retain(new int[] {3}));
      }
    }
  }
}
