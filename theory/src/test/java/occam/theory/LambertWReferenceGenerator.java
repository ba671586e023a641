package occam.theory;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Writes {@code lambertw-reference.csv}: W₀ and W₋₁ at a few thousand doubles, computed with Apfloat
 * at {@value #PRECISION} significant digits and rounded to {@value #DIGITS}.
 *
 * <p>Each x is a double and is converted to Apfloat exactly (through its exact {@link BigDecimal}
 * expansion), so points 1e-17 above −1/e are resolved: there W + 1 ≈ √(2e(x + 1/e)) needs x + 1/e to
 * ~57 digits for 40 correct digits of W. Every value is checked before it is written: the branch
 * (W₀ ≥ −1 ≥ W₋₁), the imaginary part of Apfloat's complex W₋₁ (below 1e-60), and the residual
 * |W·e^W − x| ≤ 1e-60·|x|.
 *
 * <p>Points (both branches unless said): |x| log-spaced over 10^−300 … 10^300 in steps of 10^0.25
 * (W₀ for x &gt; 0) and 10^−300 … 0.36 (x &lt; 0); x = −0.36787944117144233 + k·ulp for k = 1…64;
 * x = fl(−0.36787944117144233 + d) for d log-spaced over 1e-16 … 1e-1 (300 points); ±4.9e-324 and
 * the largest double; seeded uniform x in [−1/e, 0) and (for W₀) in (−1/e, 10); and both sides of
 * each boundary between the implementations' regions (±1…8 ulp, ±1e-12 … ±1e-3 relative).
 *
 * <p>Run from the repository root (it needs only Apfloat; about 20 s):
 *
 * <pre>
 * mvn -B -q test-compile -pl theory -am
 * java -cp theory/target/test-classes:$HOME/.m2/repository/org/apfloat/apfloat/1.14.0/apfloat-1.14.0.jar \
 *     occam.theory.LambertWReferenceGenerator theory/src/test/resources/lambertw-reference.csv
 * </pre>
 */
public final class LambertWReferenceGenerator {

  /** Working precision in decimal digits. */
  static final long PRECISION = 100;

  /** Digits written to the file. */
  static final int DIGITS = 40;

  /** The double nearest −1/e. */
  private static final double BRANCH_POINT = -0.36787944117144233;

  /** Seed of the uniform samples. */
  private static final long SEED = 20240601L;

  private LambertWReferenceGenerator() {}

  /**
   * Writes the reference file.
   *
   * @param args the output path (default {@code theory/src/test/resources/lambertw-reference.csv})
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args.length > 0 ? args[0] : "theory/src/test/resources/lambertw-reference.csv");
    List<String> rows = new ArrayList<>();
    for (double x : principalPoints()) {
      rows.add(row(0, x, w0(x)));
    }
    for (double x : lowerPoints()) {
      rows.add(row(-1, x, wm1(x)));
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("# Lambert W reference values: branch (0 or -1), x (a double, written so that it reads back\n");
      w.write("# exactly), W(x) to " + DIGITS + " significant digits. Computed with Apfloat "
          + "(ApfloatMath.w, ApcomplexMath.w(z, -1)) at " + PRECISION + " digits\n");
      w.write("# by occam.theory.LambertWReferenceGenerator (theory/src/test/java); see its javadoc to "
          + "regenerate.\n");
      w.write("branch,x,w\n");
      for (String r : rows) {
        w.write(r);
        w.write('\n');
      }
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("wrote " + rows.size() + " rows to " + out);
  }

  private static Set<Double> principalPoints() {
    Set<Double> xs = new LinkedHashSet<>();
    for (int i = -1200; i <= 1200; i++) {
      xs.add(Math.pow(10, i / 4.0));
    }
    xs.add(Double.MIN_VALUE);
    xs.add(Double.MIN_NORMAL);
    xs.add(Double.MAX_VALUE);
    xs.add(Math.E);
    addNegative(xs);
    // LambertW0: Taylor series for |x| <= 2^-14; branch-point coordinates below -e^(-1/2)/2.
    addAround(xs, 0x1p-14);
    addAround(xs, -0x1p-14);
    addAround(xs, -0.3032653298563167);
    SplittableRandom rng = new SplittableRandom(SEED);
    for (int i = 0; i < 300; i++) {
      xs.add(rng.nextDouble(BRANCH_POINT, 10));
    }
    xs.remove(0.0);
    xs.remove(BRANCH_POINT);
    return xs;
  }

  private static Set<Double> lowerPoints() {
    Set<Double> xs = new LinkedHashSet<>();
    addNegative(xs);
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    for (int i = 0; i < 300; i++) {
      xs.add(rng.nextDouble(BRANCH_POINT, 0));
    }
    xs.remove(0.0);
    xs.remove(BRANCH_POINT);
    return xs;
  }

  /** Points on both sides of a region boundary b: b ± k ulp (k ≤ 8) and b·(1 ± 10^−j), j = 3…12. */
  private static void addAround(Set<Double> xs, double b) {
    double up = b;
    double down = b;
    for (int k = 1; k <= 8; k++) {
      up = Math.nextUp(up);
      down = Math.nextDown(down);
      xs.add(up);
      xs.add(down);
    }
    xs.add(b);
    for (int j = 3; j <= 12; j++) {
      xs.add(b * (1 + Math.pow(10, -j)));
      xs.add(b * (1 - Math.pow(10, -j)));
    }
  }

  /** The points x &lt; 0 that both branches share. */
  private static void addNegative(Set<Double> xs) {
    for (int i = -1200; 0.25 * i <= Math.log10(0.36); i++) {
      xs.add(-Math.pow(10, i / 4.0));
    }
    xs.add(-Double.MIN_VALUE);
    // Both branches: series only for p = sqrt(2(1 + e x)) <= 1/4, i.e. x <= (1/32 - 1)/e;
    // LambertWm1: asymptotic start above 1 + e x = 1/2, i.e. x > -1/(2e).
    addAround(xs, (1.0 / 32 - 1) / Math.E);
    addAround(xs, -0.5 / Math.E);
    double x = BRANCH_POINT;
    for (int k = 1; k <= 64; k++) {
      x = Math.nextUp(x);
      xs.add(x);
    }
    for (int j = 0; j <= 300; j++) {
      xs.add(BRANCH_POINT + Math.pow(10, -16 + j * 15.0 / 300));
    }
  }

  private static Apfloat exact(double x) {
    return new Apfloat(new BigDecimal(x)).precision(PRECISION);
  }

  private static Apfloat w0(double x) {
    Apfloat w = ApfloatMath.w(exact(x));
    if (w.compareTo(new Apfloat(-1)) < 0) {
      throw new AssertionError("W0(" + x + ") = " + w + " < -1");
    }
    return checked(x, w);
  }

  private static Apfloat wm1(double x) {
    Apcomplex z = ApcomplexMath.w(exact(x), -1);
    if (z.imag().signum() != 0 && ApfloatMath.abs(z.imag()).compareTo(new Apfloat("1e-60", PRECISION)) > 0) {
      throw new AssertionError("W-1(" + x + ") = " + z + " is not real");
    }
    Apfloat w = z.real();
    if (w.compareTo(new Apfloat(-1)) > 0) {
      throw new AssertionError("W-1(" + x + ") = " + w + " > -1");
    }
    return checked(x, w);
  }

  private static Apfloat checked(double x, Apfloat w) {
    Apfloat ax = exact(x);
    Apfloat residual = ApfloatMath.abs(w.multiply(ApfloatMath.exp(w)).subtract(ax));
    Apfloat bound = ApfloatMath.abs(ax).multiply(new Apfloat("1e-60", PRECISION));
    if (residual.compareTo(bound) > 0) {
      throw new AssertionError("residual of W(" + x + ") = " + w + " is " + residual);
    }
    return w;
  }

  private static String row(int branch, double x, Apfloat w) {
    BigDecimal v = new BigDecimal(w.toString(true)).round(new MathContext(DIGITS));
    return branch + "," + x + "," + v.toString();
  }
}
