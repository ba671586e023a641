package occam.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The constants of {@link LambertWBranchPoint}, recomputed exactly. */
class LambertWBranchPointTest {

  /** An exact fraction n/d, d &gt; 0, just enough for the recurrence. */
  private record Q(BigInteger n, BigInteger d) {
    static Q of(long n, long d) {
      return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d)).reduced();
    }

    Q reduced() {
      BigInteger g = n.gcd(d);
      return g.signum() == 0 ? new Q(BigInteger.ZERO, BigInteger.ONE) : new Q(n.divide(g), d.divide(g));
    }

    Q plus(Q o) {
      return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d)).reduced();
    }

    Q times(Q o) {
      return new Q(n.multiply(o.n), d.multiply(o.d)).reduced();
    }

    double toDouble() {
      return new BigDecimal(n).divide(new BigDecimal(d), new MathContext(60)).doubleValue();
    }
  }

  /**
   * μ_k from Corless et al. (1996), eqs. (4.23)–(4.24): μ_0 = −1, μ_1 = 1, α_0 = 2, α_1 = −1,
   * α_k = Σ_{j=2}^{k−1} μ_j·μ_{k+1−j}, μ_k = (k − 1)/(k + 1)·(μ_{k−2}/2 + α_{k−2}/4) − α_k/2 −
   * μ_{k−1}/(k + 1); each must round to the constant in the class.
   */
  @Test
  void seriesCoefficientsFollowTheRecurrence() {
    int n = LambertWBranchPoint.MU.length;
    Q[] mu = new Q[n];
    Q[] alpha = new Q[n];
    mu[0] = Q.of(-1, 1);
    mu[1] = Q.of(1, 1);
    alpha[0] = Q.of(2, 1);
    alpha[1] = Q.of(-1, 1);
    for (int k = 2; k < n; k++) {
      Q a = Q.of(0, 1);
      for (int j = 2; j <= k - 1; j++) {
        a = a.plus(mu[j].times(mu[k + 1 - j]));
      }
      alpha[k] = a;
      mu[k] = Q.of(k - 1, k + 1).times(mu[k - 2].times(Q.of(1, 2)).plus(alpha[k - 2].times(Q.of(1, 4))))
          .plus(alpha[k].times(Q.of(-1, 2)))
          .plus(mu[k - 1].times(Q.of(-1, k + 1)));
    }
    assertEquals(Q.of(11, 72), mu[3]);
    assertEquals(Q.of(-43, 540), mu[4]);
    assertEquals(Q.of(769, 17280), mu[5]);
    for (int k = 0; k < n; k++) {
      assertEquals(mu[k].toDouble(), LambertWBranchPoint.MU[k], 0.0, "mu_" + k);
    }
  }

  /** The two-double splits: hi + lo equals 1/e and e to far beyond double precision. */
  @Test
  void splitsOfEAndOneOverE() {
    MathContext mc = new MathContext(50);
    BigDecimal e = new BigDecimal("2.718281828459045235360287471352662497757247093699959574966967627724");
    BigDecimal invE = BigDecimal.ONE.divide(e, mc);
    BigDecimal eSplit = new BigDecimal(LambertWBranchPoint.E_HI).add(new BigDecimal(LambertWBranchPoint.E_LO));
    BigDecimal invSplit =
        new BigDecimal(LambertWBranchPoint.INV_E_HI).add(new BigDecimal(LambertWBranchPoint.INV_E_LO));
    assertTrue(eSplit.subtract(e).abs().compareTo(new BigDecimal("1e-32")) < 0, "e split: " + eSplit);
    assertTrue(invSplit.subtract(invE).abs().compareTo(new BigDecimal("1e-33")) < 0, "1/e split: " + invSplit);
  }

  /** q = 1 + e·x is accurate relative to q even one ulp above the branch point. */
  @Test
  void qIsAccurateNextToTheBranchPoint() {
    double x = Math.nextUp(-LambertWBranchPoint.INV_E_HI);
    BigDecimal e = new BigDecimal("2.718281828459045235360287471352662497757247093699959574966967627724");
    BigDecimal exact = BigDecimal.ONE.add(e.multiply(new BigDecimal(x)));
    double q = LambertWBranchPoint.q(x);
    double relErr = new BigDecimal(q).subtract(exact).divide(exact, MathContext.DECIMAL64).abs().doubleValue();
    assertTrue(relErr <= 4 * 0x1p-53, "q = " + q + ", exact " + exact + ", relative error " + relErr);
  }
}
