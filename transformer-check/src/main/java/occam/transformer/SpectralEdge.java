package occam.transformer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import occam.transformer.records.EdgeAlignment;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The "spectral edge" of seed 000 ({@code --spectral-edge K}): the dominant direction of a run's recent
 * weight updates, and whether it points along the loss gradient (a learning axis) or along −θ (the
 * weight-decay, compression axis).
 *
 * <p>The last K updates Δ_i = θ_{s−K+i} − θ_{s−K+i−1} (i = 1..K, all parameters flattened, P values
 * each) form a K × P matrix D. Its top right singular vector e is found from the K × K Gram matrix G =
 * D Dᵀ: with a the top eigenvector of G (eigenvalue σ₁²), e = Dᵀa / ‖Dᵀa‖. Reported: |cos(e, g)| with g
 * the training loss's gradient at θ_s, |cos(e, θ_s)| (the decay direction −θ_s up to sign), the share
 * σ₁²/tr G of the motion along e, and the signed cos(g, θ_s) (positive when a gradient step −g shrinks
 * θ, i.e. the loss itself pulls toward the origin). Cost: K + 1 copies of θ in memory, O(K²P) per log
 * step, O(P) per step to keep the window. The window lives in memory only: a resumed run logs no edge
 * until it has made K updates again.
 */
public final class SpectralEdge {
  private final int window;
  private final Deque<float[]> thetas = new ArrayDeque<>();

  /**
   * An empty window.
   *
   * @param window K ≥ 2 updates
   * @throws IllegalArgumentException if K &lt; 2
   */
  public SpectralEdge(int window) {
    if (window < 2) {
      throw new IllegalArgumentException("spectral-edge = " + window + " is not allowed: the window must be >= 2");
    }
    this.window = window;
  }

  /**
   * Records θ_s (call once per step, in step order); the window keeps the last K + 1.
   *
   * @param theta all parameters flattened, in a fixed order
   */
  public void observe(float[] theta) {
    thetas.addLast(theta.clone());
    while (thetas.size() > window + 1) {
      thetas.removeFirst();
    }
  }

  /** @return whether K updates have been observed */
  public boolean isFull() {
    return thetas.size() == window + 1;
  }

  /**
   * The edge at the last observed θ.
   *
   * @param gradient the loss gradient at that θ, flattened in the same order
   * @return the alignment, or {@link EdgeAlignment#NONE} until the window is full
   * @throws IllegalArgumentException if the gradient's length is not θ's
   */
  public EdgeAlignment alignment(float[] gradient) {
    if (!isFull()) {
      return EdgeAlignment.NONE;
    }
    float[] theta = thetas.peekLast();
    if (gradient.length != theta.length) {
      throw new IllegalArgumentException("gradient has " + gradient.length + " values, theta " + theta.length);
    }
    double[][] d = new double[window][];
    Iterator<float[]> it = thetas.iterator();
    float[] previous = it.next();
    for (int i = 0; i < window; i++) {
      float[] next = it.next();
      d[i] = new double[theta.length];
      for (int j = 0; j < theta.length; j++) {
        d[i][j] = (double) next[j] - previous[j];
      }
      previous = next;
    }
    double[][] gram = new double[window][window];
    double trace = 0;
    for (int i = 0; i < window; i++) {
      for (int k = 0; k <= i; k++) {
        gram[i][k] = gram[k][i] = dot(d[i], d[k]);
      }
      trace += gram[i][i];
    }
    if (!(trace > 0) || Double.isInfinite(trace)) {
      return EdgeAlignment.NONE;
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
    int top = 0;
    double[] values = eigen.getRealEigenvalues();
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[top]) {
        top = i;
      }
    }
    RealVector a = eigen.getEigenvector(top);
    double[] e = new double[theta.length];
    for (int i = 0; i < window; i++) {
      double ai = a.getEntry(i);
      for (int j = 0; j < e.length; j++) {
        e[j] += ai * d[i][j];
      }
    }
    double[] g = widen(gradient);
    double[] t = widen(theta);
    return new EdgeAlignment(Math.abs(cos(e, g)), Math.abs(cos(e, t)), values[top] / trace, cos(g, t));
  }

  private static double[] widen(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double cos(double[] a, double[] b) {
    double n = Math.sqrt(dot(a, a) * dot(b, b));
    return n > 0 ? dot(a, b) / n : Double.NaN;
  }
}
