package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantileQuantizerTest {

  @ParameterizedTest
  @CsvSource({"16, 4", "17, 4", "1000, 4", "7, 2", "10, 3", "3, 4"})
  void distinctValuesFillBinsEvenly(int n, int b) {
    double[] x = new Random(n).doubles(n).toArray();
    byte[] s = QuantileQuantizer.quantize(x, b);
    int[] count = new int[b];
    for (byte v : s) {
      count[v]++;
    }
    for (int c : count) {
      // ⌊N/b⌋ or ⌈N/b⌉ values per symbol
      assertEquals(n / (double) b, c, 1.0, () -> Arrays.toString(count));
    }
  }

  @Test
  void quartilesOfSixteenValues() {
    double[] x = {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertArrayEquals(
        new byte[] {3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0}, QuantileQuantizer.quantize(x, 4));
    assertArrayEquals(new double[] {4, 8, 12}, QuantileQuantizer.thresholds(x, 4));
  }

  @Test
  void tiesShareASymbolAndGoToTheLowerBin() {
    // Ten zeros straddle the first and second quartile of 16 values: all go to symbol 0, and
    // symbol 1 stays empty (thresholds 0, 0, 2).
    double[] x = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6};
    byte[] s = QuantileQuantizer.quantize(x, 4);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, s[i]);
    }
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 3, 3}, s);
    assertArrayEquals(new byte[5], QuantileQuantizer.quantize(new double[] {7, 7, 7, 7, 7}, 4));
  }

  @Test
  void positiveScalingLeavesSymbolsUnchanged() {
    double[] x = new Random(3).doubles(200, -1, 1).toArray();
    double[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] *= 0.001;
    }
    assertArrayEquals(QuantileQuantizer.quantize(x, 4), QuantileQuantizer.quantize(y, 4));
    float[] f = new float[x.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) x[i];
    }
    assertArrayEquals(QuantileQuantizer.quantize(x, 4), QuantileQuantizer.quantize(f, 4));
  }

  @Test
  void invalidInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> QuantileQuantizer.quantize(new double[0], 4));
    assertThrows(IllegalArgumentException.class, () -> QuantileQuantizer.quantize(new double[] {1, Double.NaN}, 4));
    assertThrows(IllegalArgumentException.class, () -> QuantileQuantizer.quantize(new double[] {1, 2}, 1));
    assertThrows(IllegalArgumentException.class, () -> QuantileQuantizer.quantize(new double[] {1, 2}, 11));
    assertThrows(IllegalArgumentException.class, () -> QuantileQuantizer.quantize(new double[] {1, 2, 3}, 2, 2, 4));
  }
}
