package occam.sfm.opencl;

/**
 * The SFM batch stages of {@link SfmKernel} in double precision (needs cl_khr_fp64 on an OpenCL
 * device). Each stage is the arithmetic of {@link occam.sfm.SfmSolver}'s loop, in the same order of
 * operations where the DFT does not intervene; only the DFT (dense products instead of an FFT) and
 * the order of the sums differ, so results agree to rounding.
 */
final class SfmKernel64 extends SfmKernel {
  /** Re F[k, x] = cos(2π·(kx mod m)/m) (m×m). */
  double[] twRe;

  /** Im F[k, x] = −sin(2π·(kx mod m)/m) (m×m). */
  double[] twIm;

  /** Targets Y per entry (B·N). */
  double[] target;

  /** Interleaved W (2B·N). */
  double[] w;

  /** Interleaved T = W·G, then U = R·F (2B·N). */
  double[] tmp;

  /** Ŷ per entry (B·N). */
  double[] yhat;

  /** R = M ⊙ (Y − Ŷ) per entry (B·N). */
  double[] res;

  /** |ΔW|² per entry of the last step (B·N). */
  double[] dw2;

  /** |W|² per entry after the last step (B·N). */
  double[] w2;

  /** Per row: Σ_S (Y − Ŷ)², then Σ|ΔW|² (B·m). */
  double[] rowA;

  /** Per row: Σ_{¬S} (c − Ŷ)², then Σ|W|² (B·m). */
  double[] rowB;

  /** Per cell: Σ_S (Y − Ŷ)² at the last measured iteration. */
  double[] cellTrainSq;

  /** Per cell: Σ_{¬S} (c − Ŷ)² at the last measured iteration. */
  double[] cellTestSq;

  /** Per cell: the divergence bound, DIVERGENCE_FACTOR·(L_train(W₀) + 1). */
  double[] bound;

  /** Per cell: τ. */
  double[] tau;

  /** Per cell: η. */
  double[] eta;

  /** Per cell: 1 − ηγ. */
  double[] decay;

  /** Per cell: η/m². */
  double[] stepScale;

  /** Per cell: convergence tolerance. */
  double[] tol;

  /**
   * Allocates a batch.
   *
   * @param cells B
   * @param m side
   * @param p prime of the readout
   */
  SfmKernel64(int cells, int m, int p) {
    super(cells, m, p);
    int total = cells * nn;
    twRe = new double[nn];
    twIm = new double[nn];
    target = new double[total];
    w = new double[2 * total];
    tmp = new double[2 * total];
    yhat = new double[total];
    res = new double[total];
    dw2 = new double[total];
    w2 = new double[total];
    rowA = new double[cells * m];
    rowB = new double[cells * m];
    cellTrainSq = new double[cells];
    cellTestSq = new double[cells];
    bound = new double[cells];
    tau = new double[cells];
    eta = new double[cells];
    decay = new double[cells];
    stepScale = new double[cells];
    tol = new double[cells];
  }

  @Override
  void inverseRows(int g) {
    int c = g / nn;
    if (active[c] == 1) {
      int row = rowOf(g);
      int col = colOf(g);
      int wRow = 2 * (c * nn + row * m);
      double re = 0;
      double im = 0;
      for (int l = 0; l < m; l++) {
        double wr = w[wRow + 2 * l];
        double wi = w[wRow + 2 * l + 1];
        double fr = twRe[l * m + col];
        double fi = twIm[l * m + col];
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
      double re = 0;
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
      double sqOn = 0;
      double sqOff = 0;
      int okOn = 0;
      int okOff = 0;
      for (int col = 0; col < m; col++) {
        int i = g * m + col;
        double y = yhat[i];
        // round(Ŷ) mod p as Math.floorMod(Math.round(Ŷ), p); the remainder is exact.
        double q = IEEEremainder(floor(y + 0.5), p);
        if (q < 0) {
          q += p;
        }
        int ok = q == label[i] ? 1 : 0;
        if (mask[i] == 1) {
          double r = target[i] - y;
          sqOn += r * r;
          okOn += ok;
          res[i] = r;
        } else {
          double r = label[i] - y;
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
      double sqOn = 0;
      double sqOff = 0;
      for (int a = 0; a < m; a++) {
        sqOn += rowA[g * m + a];
        sqOff += rowB[g * m + a];
      }
      cellTrainSq[g] = sqOn;
      cellTestSq[g] = sqOff;
      double loss = sqOn / (2.0 * nTrain[g]);
      if (t == 0) {
        bound[g] = DIVERGENCE_FACTOR * (loss + 1);
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
      double re = 0;
      double im = 0;
      for (int b = 0; b < m; b++) {
        double r = res[rRow + b];
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
      double vr = 0;
      double vi = 0;
      for (int a = 0; a < m; a++) {
        double fr = twRe[row * m + a];
        double fi = twIm[row * m + a];
        double ur = tmp[uCol + 2 * a * m];
        double ui = tmp[uCol + 2 * a * m + 1];
        vr += fr * ur - fi * ui;
        vi += fr * ui + fi * ur;
      }
      double oldRe = w[2 * g];
      double oldIm = w[2 * g + 1];
      double re = decay[c] * oldRe + stepScale[c] * vr;
      double im = decay[c] * oldIm + stepScale[c] * vi;
      double abs2 = re * re + im * im;
      // Gate.factor: hard keeps |W̃|² > τ²; soft scales by 1 − ητ/|W̃| above ητ.
      double f = 1;
      if (gate[c] == HARD_GATE) {
        if (abs2 <= tau[c] * tau[c]) {
          f = 0;
        }
      } else {
        double shrink = eta[c] * tau[c];
        if (abs2 <= shrink * shrink) {
          f = 0;
        } else {
          f = 1.0 - shrink / sqrt(abs2);
        }
      }
      re *= f;
      im *= f;
      double dr = re - oldRe;
      double di = im - oldIm;
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
      double d = 0;
      double s = 0;
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
      double d = 0;
      double s = 0;
      for (int a = 0; a < m; a++) {
        d += rowA[g * m + a];
        s += rowB[g * m + a];
      }
      int within = tol[g] > 0 && sqrt(d) <= tol[g] * max(sqrt(s), 1.0) ? 1 : 0;
      countQuiet(g, within);
    }
  }

  @Override
  void load(double[] re, double[] im, double[] y, double[] w0, double[] tauC, double[] etaC,
      double[] decayC, double[] scaleC, double[] tolC) {
    System.arraycopy(re, 0, twRe, 0, nn);
    System.arraycopy(im, 0, twIm, 0, nn);
    System.arraycopy(y, 0, target, 0, target.length);
    System.arraycopy(w0, 0, w, 0, w.length);
    System.arraycopy(tauC, 0, tau, 0, cells);
    System.arraycopy(etaC, 0, eta, 0, cells);
    System.arraycopy(decayC, 0, decay, 0, cells);
    System.arraycopy(scaleC, 0, stepScale, 0, cells);
    System.arraycopy(tolC, 0, tol, 0, cells);
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
    return w;
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
