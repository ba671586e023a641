package occam.sfm.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import occam.fourier.DftNormalization;
import occam.fourier.NaiveDft2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's matrix-product DFTs against the O(m⁴) definition ({@link NaiveDft2}), for prime and
 * composite m, on the Java thread pool and on the OpenCL device when there is one: stages
 * INVERSE_ROWS + PREDICT give Re(m²·IDFT2(W)) for any complex W, and FORWARD_ROWS + DRIFT_GATE
 * with decay 0, step 1 and τ = 0 give DFT2(R) for a real R. Inputs are uniform in (−1, 1). Each
 * output is a two-pass sum of m² terms of size ≤ 1: its rounding error is at most about 2m·m²·u
 * (u = 2⁻⁵³) and typically about m·u, in the kernel and in the reference alike; the tolerance is
 * 4·m²·u, between the two.
 */
class MatrixDftTest {

  static List<Object[]> cases() {
    List<Object[]> out = new ArrayList<>();
    List<OpenClTarget> targets = new ArrayList<>();
    targets.add(OpenClTarget.javaThreadPool());
    OpenClDevices.best().filter(OpenClTarget::supportsFp64).ifPresent(targets::add);
    for (OpenClTarget t : targets) {
      for (int m : new int[] {2, 6, 7, 12, 13, 31}) {
        out.add(new Object[] {t, m});
      }
    }
    return out;
  }

  private static SfmKernel64 kernel(OpenClTarget target, int m) {
    int cells = 2;
    SfmKernel64 k = new SfmKernel64(cells, m, 1);
    double[][] f = BatchRun.twiddles(m);
    System.arraycopy(f[0], 0, k.twRe, 0, m * m);
    System.arraycopy(f[1], 0, k.twIm, 0, m * m);
    for (int c = 0; c < cells; c++) {
      k.setCell(c, SfmKernel.HARD_GATE, 1, 1, 1, 0, 0);
    }
    BatchRun.pin(k, target);
    k.setExplicit(target.isOpenCl());
    return k;
  }

  private static void launch(SfmKernel k, OpenClTarget target, int stage, int items) {
    k.stage = stage;
    int local = target.isOpenCl() ? 4 : 1;
    k.execute(Range.create(target.device(), (items + local - 1) / local * local, local));
    assertTrue(!BatchRun.failed(k, target), "ran on " + target.name());
  }

  private static double[] random(SplittableRandom rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  private static void close(String what, double[] expected, double[] actual, double tol) {
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      max = Math.max(max, Math.abs(expected[i] - actual[i]));
    }
    double worst = max;
    assertTrue(worst <= tol, () -> String.format(Locale.ROOT, "%s: max |error| %.3g > %.3g", what, worst, tol));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void inverseIsMSquaredTimesTheNaiveInverse(OpenClTarget target, int m) {
    int nn = m * m;
    SfmKernel64 k = kernel(target, m);
    SplittableRandom rng = new SplittableRandom(m);
    double[] w = random(rng, 2 * 2 * nn);
    System.arraycopy(w, 0, k.w, 0, w.length);
    k.putAll();
    launch(k, target, SfmKernel.INVERSE_ROWS, 2 * nn);
    launch(k, target, SfmKernel.PREDICT, 2 * nn);
    k.get(k.yhat);
    NaiveDft2 naive = new NaiveDft2(m, DftNormalization.STANDARD);
    for (int c = 0; c < 2; c++) {
      double[] x = Arrays.copyOfRange(w, 2 * c * nn, 2 * (c + 1) * nn);
      naive.inverse(x);
      double[] expected = new double[nn];
      double[] actual = Arrays.copyOfRange(k.yhat, c * nn, (c + 1) * nn);
      for (int i = 0; i < nn; i++) {
        expected[i] = (double) nn * x[2 * i];
      }
      close("Re m^2 IDFT2, m = " + m + " on " + target, expected, actual, 4.0 * nn * 0x1p-53);
    }
    k.dispose();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardIsTheNaiveForward(OpenClTarget target, int m) {
    int nn = m * m;
    SfmKernel64 k = kernel(target, m);
    SplittableRandom rng = new SplittableRandom(31L * m);
    double[] r = random(rng, 2 * nn);
    System.arraycopy(r, 0, k.res, 0, r.length);
    for (int c = 0; c < 2; c++) {
      k.decay[c] = 0;
      k.stepScale[c] = 1;
      k.tau[c] = 0;
    }
    k.putAll();
    launch(k, target, SfmKernel.FORWARD_ROWS, 2 * nn);
    launch(k, target, SfmKernel.DRIFT_GATE, 2 * nn);
    k.get(k.w);
    NaiveDft2 naive = new NaiveDft2(m, DftNormalization.STANDARD);
    for (int c = 0; c < 2; c++) {
      double[] x = new double[2 * nn];
      for (int i = 0; i < nn; i++) {
        x[2 * i] = r[c * nn + i];
      }
      naive.forward(x);
      double[] actual = Arrays.copyOfRange(k.w, 2 * c * nn, 2 * (c + 1) * nn);
      close("DFT2, m = " + m + " on " + target, x, actual, 4.0 * nn * 0x1p-53);
    }
    k.dispose();
  }
}
