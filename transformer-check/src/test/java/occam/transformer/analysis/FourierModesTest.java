package occam.transformer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Projections onto 2-D Fourier modes: identities and Nanda et al.'s key directions. */
class FourierModesTest {
  /**
   * A round trip through an m×m DFT of O(1) values: each output sums m² products, so its error is a
   * few m²·2⁻⁵³ at most; 1e-12 holds m = 23 with margin (max error seen: about 1e-15).
   */
  private static final double ROUND_TRIP = 1e-12;

  /**
   * A table held in float32 is off its exact values by up to half an ulp, 2⁻²³·|z| with |z| ≤ 2.2
   * below; projecting keeps or drops part of that rounding, so the result may differ from the stored
   * values by about as much: two ulps of 4.
   */
  private static final double FLOAT_INPUT = 2 * Math.ulp(4f);

  private static float[] randomTable(int cells, int columns, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] t = new float[cells * columns];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return t;
  }

  @Test
  void everyModeIsTheIdentityAndNoModeIsZero() {
    int m = 23;
    float[] table = randomTable(m * m, 4, 1);
    double[] all = FourierModes.all(m).project(table, 4);
    double[] none = FourierModes.none(m).project(table, 4);
    double maxError = 0;
    for (int i = 0; i < table.length; i++) {
      maxError = Math.max(maxError, Math.abs(all[i] - table[i]));
      assertEquals(0.0, none[i], 0.0);
    }
    assertTrue(maxError <= ROUND_TRIP, "max error " + maxError);
  }

  /**
   * The logits of Nanda et al.'s algorithm, z(a, b, c) = Σ_k α_k·cos(w_k(a ∘ b − γ(c))) in group
   * indices (γ(c) the index of class c; class 0 of mul/div is outside the group and stays 0), lie in the
   * key directions: restricting to them keeps z, removing them leaves 0 (z has no constant part).
   */
  @ParameterizedTest
  @EnumSource(Op.class)
  void keyDirectionsHoldTheLogitsOfTheFourierAlgorithm(Op op) {
    ModularTask task = ModularTask.of(13, op);
    int m = task.groupOrder();
    int p = task.p();
    int[] key = {2, 5};
    double[] alpha = {1.5, 0.7};
    float[] z = new float[m * m * p];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        for (int c = op.multiplicative() ? 1 : 0; c < p; c++) {
          double sum = 0;
          for (int j = 0; j < key.length; j++) {
            sum += alpha[j] * Math.cos(2 * Math.PI * key[j] * (op.combine(a, b, m) - task.index(c)) / m);
          }
          z[(a * m + b) * p + c] = (float) sum;
        }
      }
    }
    double[] restricted = FourierModes.keyDirections(task, key, true).project(z, p);
    double[] removed = FourierModes.keyDirections(task, key, false).project(z, p);
    for (int i = 0; i < z.length; i++) {
      assertEquals(z[i], restricted[i], FLOAT_INPUT, "restricted " + i);
      assertEquals(z[i], removed[i], FLOAT_INPUT, "removed " + i);
    }
    // another frequency holds none of it
    double[] other = FourierModes.keyDirections(task, new int[] {3}, false).project(z, p);
    for (double x : other) {
      assertEquals(0.0, x, FLOAT_INPUT);
    }
  }

  @Test
  void keyDirectionsAreTheIdealSupport() {
    ModularTask sub = ModularTask.of(7, Op.SUB);
    FourierModes modes = FourierModes.keyDirections(sub, new int[] {2}, true);
    assertTrue(modes.contains(0, 0));
    assertTrue(modes.contains(2, 5));
    assertTrue(modes.contains(5, 2));
    assertFalse(modes.contains(2, 2));
    assertFalse(FourierModes.keyDirections(sub, new int[] {2}, false).contains(0, 0));
    assertEquals(7, modes.side());
  }

  @Test
  void badArgumentsAreRefused() {
    ModularTask add = ModularTask.of(7, Op.ADD);
    assertThrows(IllegalArgumentException.class, () -> FourierModes.keyDirections(add, new int[] {0}, true));
    assertThrows(IllegalArgumentException.class, () -> FourierModes.keyDirections(add, new int[] {4}, true));
    assertThrows(IllegalArgumentException.class, () -> FourierModes.all(0));
    assertThrows(IllegalArgumentException.class, () -> FourierModes.none(-1));
    assertThrows(IllegalArgumentException.class, () -> FourierModes.all(7).project(new float[48], 1));
    assertThrows(IllegalArgumentException.class, () -> FourierModes.all(7).project(new float[49], 0));
  }
}
