package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import occam.fourier.SpectralConcentration;
import occam.modular.ModularTask;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine-free observables on inputs whose spectra are known in closed form. */
class MeasurementsTest {
  private static final double TOL = 1e-9;

  /** An embedding whose columns are cos and sin of frequency k over the group index. */
  private static float[] fourierEmbedding(ModularTask task, int k, int d) {
    int m = task.groupOrder();
    float[] e = new float[(task.p() + 1) * d];
    for (int a = 0; a < m; a++) {
      int u = task.element(a);
      for (int j = 0; j < d; j++) {
        double phase = 2 * Math.PI * k * a / m;
        e[u * d + j] = (float) (j % 2 == 0 ? Math.cos(phase + j) : Math.sin(phase - j));
      }
    }
    return e;
  }

  @ParameterizedTest
  @CsvSource({"7,add,2", "7,sub,3", "7,mul,1", "11,div,4"})
  void embeddingPowerSitsOnOneFrequencyPair(int p, String op, int k) {
    ModularTask task = ModularTask.of(p, Op.parse(op));
    int m = task.groupOrder();
    double[] power = EmbeddingSpectrum.power(fourierEmbedding(task, k, 4), 4, task);
    assertEquals(m, power.length);
    double total = 0;
    for (double x : power) {
      total += x;
    }
    assertEquals(total, power[k] + power[m - k], 1e-5 * total, "all power on k and m - k");
    // a real signal of one frequency: the pair carries equal power
    assertEquals(power[k], power[m - k], 1e-5 * total);
    SpectralConcentration s = SpectralConcentration.of(power);
    assertEquals(0.5, s.ipr(), 1e-5, "two equal spikes");
  }

  @Test
  void embeddingPowerIsParsevalsSum() {
    ModularTask task = ModularTask.of(5, Op.ADD);
    float[] e = new float[6 * 3];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) rng.nextGaussian();
    }
    double[] power = EmbeddingSpectrum.power(e, 3, task);
    double sum = 0;
    for (double x : power) {
      sum += x;
    }
    double energy = 0;
    for (int i = 0; i < 5 * 3; i++) { // the '=' row (token 5) is not part of the spectrum
      energy += (double) e[i] * e[i];
    }
    assertEquals(5 * energy, sum, 1e-9 * sum, "Parseval: sum_k P_k = m * sum |W_E|^2");
  }

  /**
   * Logits of a generalizing model, z[a,b,c] = cos(2πk(t(a,b) − a(c))/m) with t the group index of
   * the answer, plus a per-class and a per-pair offset (both must be centred away). For mul and div
   * the class 0 is never an answer and gets a constant wave.
   */
  private static float[] generalizingLogits(ModularTask task, int k) {
    int m = task.groupOrder();
    int p = task.p();
    float[] z = new float[m * m * p];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        int t = task.op().combine(a, b, m);
        double pairOffset = 0.2 * ((a * b) % 3);
        for (int c = 0; c < p; c++) {
          boolean never = task.op().multiplicative() && c == 0;
          double wave = never ? 1 : Math.cos(2 * Math.PI * k * (t - task.index(c)) / m);
          z[(a * m + b) * p + c] = (float) (3 + 0.5 * c + pairOffset + wave);
        }
      }
    }
    return z;
  }

  @ParameterizedTest
  @CsvSource({"7,add", "7,sub", "7,mul", "11,div"})
  void generalizingLogitsPutAllPowerOnSigma(int p, String op) {
    ModularTask task = ModularTask.of(p, Op.parse(op));
    double[] power = LogitSpectrum2d.power(generalizingLogits(task, 2), task);
    assertEquals(0, power[0], 1e-6, "per-class constants are centred away");
    assertEquals(1.0, LogitSpectrum2d.sigmaMass(power, task), 1e-6);
  }

  @Test
  void scatteredLogitsSpreadOverTheSpectrum() {
    ModularTask task = ModularTask.of(7, Op.ADD);
    float[] z = new float[49 * 7];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rng.nextGaussian();
    }
    double mass = LogitSpectrum2d.sigmaMass(LogitSpectrum2d.power(z, task), task);
    assertTrue(mass < 0.4, "random logits put about 7/48 of the power on the diagonal: " + mass);
  }

  @Test
  void effectiveRankOfKnownMatrices() {
    float[] identity = new float[16];
    for (int i = 0; i < 4; i++) {
      identity[i * 5] = 1;
    }
    assertEquals(4, EffectiveRank.value(identity, 4, 4), TOL);
    float[] rankOne = {1, 2, 3, 2, 4, 6}; // outer product (1, 2) x (1, 2, 3)
    assertEquals(1, EffectiveRank.value(rankOne, 2, 3), 1e-6);
    float[] diag = {3, 0, 0, 1}; // singular values 3, 1: q = (3/4, 1/4)
    double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    assertEquals(Math.exp(h), EffectiveRank.value(diag, 2, 2), TOL);
    assertTrue(Double.isNaN(EffectiveRank.value(new float[4], 2, 2)));
    assertTrue(Double.isNaN(EffectiveRank.value(new float[] {1, Float.NaN, 0, 1}, 2, 2)));
    assertTrue(Double.isNaN(EffectiveRank.value(new float[] {1, 0, Float.POSITIVE_INFINITY, 1}, 2, 2)));
  }

  @Test
  void rejectsBadShapes() {
    assertThrows(IllegalArgumentException.class, () -> EffectiveRank.value(new float[5], 2, 3));
    assertThrows(IllegalArgumentException.class, () -> EffectiveRank.value(new float[0], 0, 3));
    assertThrows(IllegalArgumentException.class,
        () -> EffectiveRank.value(new NamedTensor("v", new int[] {3}, new float[3])));
    ModularTask task = ModularTask.of(5, Op.ADD);
    assertThrows(IllegalArgumentException.class, () -> EmbeddingSpectrum.power(new float[8], 2, task));
    assertThrows(IllegalArgumentException.class, () -> LogitSpectrum2d.power(new float[10], task));
    assertThrows(IllegalArgumentException.class, () -> LogitSpectrum2d.sigmaMass(new double[10], task));
    assertThrows(IllegalArgumentException.class, () -> new NamedTensor("x", new int[] {2, 2}, new float[3]));
    assertThrows(IllegalArgumentException.class, () -> new NamedTensor("", new int[] {1}, new float[1]));
  }
}
