package occam.sfm.opencl;

/**
 * The SFM batch stages of {@link SfmKernel} in single precision, for OpenCL devices without
 * cl_khr_fp64: {@link SfmKernel64} with every real in binary32 (Aparapi fixes a kernel's types
 * from its bytecode, so the two precisions are two classes with the same stages; a test checks that
 * these stages are SfmKernel64's with float for double, so the twins cannot drift apart). Data are
 * rounded to float on upload and W is widened back to double for the host's metrics.
 */
final class SfmKernel32 extends SfmKernel {
  /** Re F[k, x] = cos(2π·(kx mod m)/m) (m×m). */
  float[] twRe;

  /** Im F[k, x] = −sin(2π·(kx mod m)/m) (m×m). */
  float[] twIm;

  /** Targets Y per entry (B·N). */
  float[] target;

  /** Interleaved W (2B·N). */
  float[] w;

  /** Interleaved T = W·G, then U = R·F (2B·N). */
  float[] tmp;

  /** Ŷ per entry (B·N). */
  float[] yhat;

  /** R = M ⊙ (Y − Ŷ) per entry (B·N). */
  float[] res;

  /** |ΔW|² per entry of the last step (B·N). */
  float[] dw2;

  /** |W|² per entry after the last step (B·N). */
  float[] w2;

  /** Per row: Σ_S (Y − Ŷ)², then Σ|ΔW|² (B·m). */
  float[] rowA;

  /** Per row: Σ_{¬S} (c − Ŷ)², then Σ|W|² (B·m). */
  float[] rowB;

  /** Per cell: Σ_S (Y − Ŷ)² at the last measured iteration. */
  float[] cellTrainSq;

  /** Per cell: Σ_{¬S} (c − Ŷ)² at the last measured iteration. */
  float[] cellTestSq;

  /** Per cell: the divergence bound, DIVERGENCE_FACTOR·(L_train(W₀) + 1). */
  float[] bound;

  /** Per cell: τ. */
  float[] tau;

  /** Per cell: η. */
  float[] eta;

  /** Per cell: 1 − ηγ. */
  float[] decay;

  /** Per cell: η/m². */
  float[] stepScale;

  /** Per cell: convergence tolerance. */
  float[] tol;

  /**
   * Allocates a batch.
   *
   * @param cells B
   * @param m side
   * @param p prime of the readout
   */
  SfmKernel32(int cells, int m, int p) {
    super(cells, m, p);
    int total = cells * nn;
    twRe = new float[nn];
    twIm = new float[nn];
    target = new float[total];
    w = new float[2 * total];
    tmp = new float[2 * total];
    yhat = new float[total];
    res = new float[total];
    dw2 = new float[total];
    w2 = new float[total];
    rowA = new float[cells * m];
    rowB = new float[cells * m];
    cellTrainSq = new float[cells];
    cellTestSq = new float[cells];
    bound = new float[cells];
    tau = new float[cells];
    eta = new float[cells];
    decay = new float[cells];
    stepScale = new float[cells];
    tol = new float[cells];
  }

  @Override
  void inverseRows(int g) {
    int c = g / nn;
    if (active[c] == 1) {
      int row = rowOf(g);
      int col = colOf(g);
      int wRow = 2 * (c * nn + row * m);
      float re = 0;
      float im = 0;
      for (int l = 0; l < m; l++) {
        float wr = w[wRow + 2 * l];
        float wi = w[wRow + 2 * l + 1];
        float fr = twRe[l * m + col];
        float fi = twIm[l * m + col];
        // (wr + i·wi)·(fr − i·fi): G = conj F.
        re += wr * fr + wi * fi;
        im += wi * fr - wr * fi;
      }
      tmp[2 * g] = re;
      tmp[2 * g + 1] = im;
    }
  }

  @Override
  void predict(int g) {
    int c = g / nn;
    if (active[c] == 1) {
      int row = rowOf(g);
      int col = colOf(g);
      int tCol = 2 * (c * nn + col);
      float re = 0;
      for (int k = 0; k < m; k++) {
        // Re((fr − i·fi)·(tr + i·ti)).
        re += twRe[row * m + k] * tmp[tCol + 2 * k * m] + twIm[row * m + k] * tmp[tCol + 2 * k * m + 1];
      }
      yhat[g] = re;
    }
  }

  @Override
  void residualRows(int g) {
    int c = g / m;
    if (active[c] == 1) {
      float sqOn = 0;
      float sqOff = 0;
      int okOn = 0;
      int okOff = 0;
      for (int col = 0; col < m; col++) {
        int i = g * m + col;
        float y = yhat[i];
        // round(Ŷ) mod p as Math.floorMod(Math.round(Ŷ), p); the remainder is exact.
        float q = IEEEremainder(floor(y + 0.5f), (float) p);
        if (q < 0) {
          q += p;
        }
        int ok = q == label[i] ? 1 : 0;
        if (mask[i] == 1) {
          float r = target[i] - y;
          sqOn += r * r;
          okOn += ok;
          res[i] = r;
        } else {
          float r = label[i] - y;
          sqOff += r * r;
          okOff += ok;
          res[i] = 0;
        }
      }
      rowA[g] = sqOn;
      rowB[g] = sqOff;
      rowTrainOk[g] = okOn;
      rowTestOk[g] = okOff;
    }
  }

  @Override
  void measure(int g) {
    if (active[g] == 1) {
      countReadouts(g);
      float sqOn = 0;
      float sqOff = 0;
      for (int a = 0; a < m; a++) {
        sqOn += rowA[g * m + a];
        sqOff += rowB[g * m + a];
      }
      cellTrainSq[g] = sqOn;
      cellTestSq[g] = sqOff;
      float loss = sqOn / (2.0f * nTrain[g]);
      if (t == 0) {
        bound[g] = (float) DIVERGENCE_FACTOR * (loss + 1);
      }
      // x − x is 0 for finite x and NaN for ±∞ and NaN.
      int diverged = sqOn - sqOn != 0 || sqOff - sqOff != 0 || loss > bound[g] ? 1 : 0;
      settle(g, diverged);
    }
  }

  @Override
  void forwardRows(int g) {
    int c = g / nn;
    if (active[c] == 1) {
      int row = rowOf(g);
      int col = colOf(g);
      int rRow = c * nn + row * m;
      float re = 0;
      float im = 0;
      for (int b = 0; b < m; b++) {
        float r = res[rRow + b];
        re += r * twRe[b * m + col];
        im += r * twIm[b * m + col];
      }
      tmp[2 * g] = re;
      tmp[2 * g + 1] = im;
    }
  }

  @Override
  void driftGate(int g) {
    int c = g / nn;
    if (active[c] == 1) {
      int row = rowOf(g);
      int col = colOf(g);
      int uCol = 2 * (c * nn + col);
      float vr = 0;
      float vi = 0;
      for (int a = 0; a < m; a++) {
        float fr = twRe[row * m + a];
        float fi = twIm[row * m + a];
        float ur = tmp[uCol + 2 * a * m];
        float ui = tmp[uCol + 2 * a * m + 1];
        vr += fr * ur - fi * ui;
        vi += fr * ui + fi * ur;
      }
      float oldRe = w[2 * g];
      float oldIm = w[2 * g + 1];
      float re = decay[c] * oldRe + stepScale[c] * vr;
      float im = decay[c] * oldIm + stepScale[c] * vi;
      float abs2 = re * re + im * im;
      // Gate.factor: hard keeps |W̃|² > τ²; soft scales by 1 − ητ/|W̃| above ητ.
      float f = 1;
      if (gate[c] == HARD_GATE) {
        if (abs2 <= tau[c] * tau[c]) {
          f = 0;
        }
      } else {
        float shrink = eta[c] * tau[c];
        if (abs2 <= shrink * shrink) {
          f = 0;
        } else {
          f = 1.0f - shrink / sqrt(abs2);
        }
      }
      re *= f;
      im *= f;
      float dr = re - oldRe;
      float di = im - oldIm;
      dw2[g] = dr * dr + di * di;
      w2[g] = re * re + im * im;
      w[2 * g] = re;
      w[2 * g + 1] = im;
    }
  }

  @Override
  void stepRows(int g) {
    int c = g / m;
    if (active[c] == 1) {
      float d = 0;
      float s = 0;
      for (int col = 0; col < m; col++) {
        d += dw2[g * m + col];
        s += w2[g * m + col];
      }
      rowA[g] = d;
      rowB[g] = s;
    }
  }

  @Override
  void convergence(int g) {
    if (active[g] == 1) {
      float d = 0;
      float s = 0;
      for (int a = 0; a < m; a++) {
        d += rowA[g * m + a];
        s += rowB[g * m + a];
      }
      int within = tol[g] > 0 && sqrt(d) <= tol[g] * max(sqrt(s), 1.0f) ? 1 : 0;
      countQuiet(g, within);
    }
  }

  @Override
  void load(double[] re, double[] im, double[] y, double[] w0, double[] tauC, double[] etaC,
      double[] decayC, double[] scaleC, double[] tolC) {
    narrow(re, twRe);
    narrow(im, twIm);
    narrow(y, target);
    narrow(w0, w);
    narrow(tauC, tau);
    narrow(etaC, eta);
    narrow(decayC, decay);
    narrow(scaleC, stepScale);
    narrow(tolC, tol);
  }

  private static void narrow(double[] from, float[] to) {
    for (int i = 0; i < to.length; i++) {
      to[i] = (float) from[i];
    }
  }

  @Override
  void putReals() {
    put(twRe).put(twIm).put(target).put(w).put(tmp).put(yhat).put(res).put(dw2).put(w2).put(rowA)
        .put(rowB).put(cellTrainSq).put(cellTestSq).put(bound).put(tau).put(eta).put(decay)
        .put(stepScale).put(tol);
  }

  @Override
  void fetchCellReals() {
    get(cellTrainSq).get(cellTestSq);
  }

  @Override
  double[] fetchWeights() {
    get(w);
    double[] wide = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      wide[i] = w[i];
    }
    return wide;
  }

  @Override
  double trainSq(int c) {
    return cellTrainSq[c];
  }

  @Override
  double testSq(int c) {
    return cellTestSq[c];
  }
}
