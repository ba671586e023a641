package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import occam.transformer.records.EdgeAlignment;
import org.junit.jupiter.api.Test;

/** The spectral edge on trajectories whose dominant update direction is known. */
class SpectralEdgeTest {
  @Test
  void updatesAlongOneDirectionGiveThatDirection() {
    // θ moves by c_i·d with small noise: the edge is ±d, so |cos(edge, g = d)| = 1 and |cos(edge, θ)| = |cos(d, θ)|
    SplittableRandom rng = new SplittableRandom(1);
    int n = 200;
    float[] d = new float[n];
    float[] theta = new float[n];
    for (int j = 0; j < n; j++) {
      d[j] = j % 2 == 0 ? 1 : -1;
      theta[j] = j < 100 ? 1 : 0;
    }
    SpectralEdge edge = new SpectralEdge(4);
    assertEquals(EdgeAlignment.NONE, edge.alignment(d), "no window yet");
    float[] current = theta.clone();
    edge.observe(current);
    for (int i = 0; i < 4; i++) {
      double c = 0.1 * (i + 1);
      for (int j = 0; j < n; j++) {
        current[j] += (float) (c * d[j] + 1e-5 * rng.nextGaussian());
      }
      edge.observe(current);
    }
    assertTrue(edge.isFull());
    EdgeAlignment a = edge.alignment(d);
    assertEquals(1, a.gradient(), 1e-3);
    assertEquals(1, a.share(), 1e-3);
    assertEquals(Math.abs(cos(d, current)), a.decay(), 1e-3);
    assertEquals(cos(d, current), a.gradientDecay(), 1e-12);
  }

  private static double cos(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += (double) a[j] * b[j];
      na += (double) a[j] * a[j];
      nb += (double) b[j] * b[j];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void shrinkingTowardTheOriginAlignsWithMinusTheta() {
    // pure weight decay: θ ← (1 − ηλ)θ, every update is −ηλθ
    SplittableRandom rng = new SplittableRandom(2);
    float[] theta = new float[50];
    float[] g = new float[50];
    for (int j = 0; j < 50; j++) {
      theta[j] = (float) rng.nextGaussian();
      g[j] = (float) rng.nextGaussian();
    }
    SpectralEdge edge = new SpectralEdge(3);
    edge.observe(theta);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 50; j++) {
        theta[j] *= 0.99f;
      }
      edge.observe(theta);
    }
    EdgeAlignment a = edge.alignment(g);
    assertEquals(1, a.decay(), 1e-6);
    assertEquals(1, a.share(), 1e-6);
    double dot = 0;
    double nt = 0;
    double ng = 0;
    for (int j = 0; j < 50; j++) {
      dot += g[j] * theta[j];
      nt += theta[j] * theta[j];
      ng += g[j] * g[j];
    }
    assertEquals(Math.abs(dot) / Math.sqrt(nt * ng), a.gradient(), 1e-6);
    assertEquals(dot / Math.sqrt(nt * ng), a.gradientDecay(), 1e-6);
  }

  @Test
  void theWindowIsAtLeastTwo() {
    assertThrows(IllegalArgumentException.class, () -> new SpectralEdge(1));
  }
}
