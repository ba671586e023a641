package occam.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LearningCoefficient}, {@link DescriptionLength}, {@link FreeEnergy} and {@link Prediction}. */
class SfmQuantitiesTest {

  @ParameterizedTest(name = "m = {0}")
  @CsvSource({"1, 0", "2, 1", "3, 2", "4, 2", "5, 3", "96, 7", "97, 7", "128, 7", "129, 8", "65536, 16"})
  void bitsPerWeightUsesTheCeilingOfLog2(int m, int ceilLog2) {
    assertEquals(2 * ceilLog2 + 64, DescriptionLength.bitsPerWeight(m, DescriptionLength.DEFAULT_C_FLOAT));
    assertEquals(2 * ceilLog2, DescriptionLength.bitsPerWeight(m, 0));
  }

  @Test
  void learningCoefficients() {
    assertEquals(4704.5, LearningCoefficient.memorizing(97));
    assertEquals(48.5, LearningCoefficient.value(97));
    assertEquals(0.0, LearningCoefficient.value(0));
    assertEquals(46_341L * 46_341L / 2.0, LearningCoefficient.memorizing(46_341)); // m² beyond int
  }

  @Test
  void freeEnergy() {
    assertEquals(100 * 0.5 + 3 * Math.log(100), FreeEnergy.value(100, 0.5, 3));
    assertEquals(0.0, FreeEnergy.value(1, 0, 7));
    assertEquals(Double.NaN, FreeEnergy.value(10, Double.NaN, 1)); // a diverged run's loss
    assertEquals(Double.POSITIVE_INFINITY, FreeEnergy.value(10, Double.POSITIVE_INFINITY, 1));
  }

  /** SPEC §4 for add and sub: ΔK = (m² − m)(2⌈log₂ m⌉ + C_float), λ ratio m. */
  @Test
  void predictionForAdditionAtP97() {
    Prediction pr = Prediction.of(ModularTask.of(97, Op.ADD), 1e-3, 0.01, 64);
    assertEquals(97, pr.m());
    assertEquals(9409, pr.domainSize());
    assertEquals(97, pr.generalizingSupport());
    assertEquals(4704.5, pr.lambdaMem());
    assertEquals(48.5, pr.lambdaGen());
    assertEquals(97.0, pr.lambdaRatio());
    assertEquals(9409.0 * 78, pr.kMem());
    assertEquals(97.0 * 78, pr.kGen());
    assertEquals((9409.0 - 97) * 78, pr.deltaK());
    assertEquals(Crossover.of(97, 1e-3, 0.01), pr.crossover());
    assertEquals(pr.crossover().upper() / 9409, pr.nStarFraction());
    assertEquals(CompressedSensingThreshold.value(97, 9409), pr.compressedSensingThreshold());
    assertEquals(DonohoTannerThreshold.value(97, 9409), pr.donohoTannerThreshold());
  }

  /** mul: m = p − 1, |supp W*| = (p + 1)/2 computed, not m; c still β(p² − p) (SPEC §4). */
  @Test
  void predictionForMultiplicationAtP97() {
    Prediction pr = Prediction.of(ModularTask.of(97, Op.MUL), 1e-3, 0.01, 64);
    assertEquals(96, pr.m());
    assertEquals(9216, pr.domainSize());
    assertEquals(49, pr.generalizingSupport());
    assertEquals(24.5, pr.lambdaGen());
    assertEquals((9216.0 - 49) * 78, pr.deltaK());
    assertEquals(1e-3 * (97.0 * 97 - 97), pr.crossover().c());
  }

  @Test
  void noCrossoverGivesNaNFraction() {
    Prediction pr = Prediction.of(ModularTask.of(5, Op.ADD), 1e-3, 1, 64); // eps/c = 50 > 1/e
    assertEquals(Double.NaN, pr.nStarFraction());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> LearningCoefficient.value(-1));
    assertThrows(IllegalArgumentException.class, () -> LearningCoefficient.memorizing(0));
    assertThrows(IllegalArgumentException.class, () -> DescriptionLength.value(-1, 97, 64));
    assertThrows(IllegalArgumentException.class, () -> DescriptionLength.value(1, 0, 64));
    assertThrows(IllegalArgumentException.class, () -> DescriptionLength.value(1, 97, -1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(0, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(Double.NaN, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(Double.POSITIVE_INFINITY, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(10, -0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(10, 0.1, -1));
    assertThrows(IllegalArgumentException.class, () -> FreeEnergy.value(10, 0.1, Double.NaN));
    ModularTask add = ModularTask.of(97, Op.ADD);
    assertThrows(IllegalArgumentException.class, () -> Prediction.of(null, 1e-3, 0.01, 64));
    assertThrows(IllegalArgumentException.class, () -> Prediction.of(add, 0, 0.01, 64));
    assertThrows(IllegalArgumentException.class, () -> Prediction.of(add, 1e-3, -1, 64));
    assertThrows(IllegalArgumentException.class, () -> Prediction.of(add, 1e-3, 0.01, -64));
  }
}
