#!/usr/bin/env python3
"""Straightforward NumPy SFM iteration: the baseline of the speed goal in the SFM issue.

Same iteration as occam.sfm.SfmSolver (SPEC §3): Yhat = m^2 * ifft2(W); R = M*(Y - Yhat);
W~ = (1 - eta*gamma) W + eta * fft2(R) / m^2; hard or soft Occam Gate; train/test accuracy every
iteration. Prints iterations per second at the given p.

    python3 bench/numpy_sfm.py --p 97 --iters 2000
"""
import argparse
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p", type=int, default=97)
    ap.add_argument("--frac", type=float, default=0.5)
    ap.add_argument("--beta", type=float, default=1e-4)
    ap.add_argument("--eta", type=float, default=1.0)
    ap.add_argument("--gate", choices=["hard", "soft"], default="soft")
    ap.add_argument("--iters", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    p = m = a.p
    u, v = np.meshgrid(np.arange(m), np.arange(m), indexing="ij")
    labels = (u + v) % p
    y = labels.astype(float)
    rng = np.random.default_rng(0)
    n = round(a.frac * m * m)
    mask = np.zeros(m * m, bool)
    mask[rng.choice(m * m, n, replace=False)] = True
    mask = mask.reshape(m, m)
    tau = np.sqrt(2 * a.beta * np.log(n) / n)
    best = None
    for _ in range(a.repeats):
        w = np.zeros((m, m), complex)
        t0 = time.perf_counter()
        for t in range(a.iters):
            yhat = (m * m) * np.fft.ifft2(w).real
            correct = np.mod(np.rint(yhat), p) == labels
            train_acc = correct[mask].mean()
            test_acc = correct[~mask].mean()
            r = np.where(mask, y - yhat, 0.0)
            wt = w + a.eta * np.fft.fft2(r) / (m * m)
            mag = np.abs(wt)
            if a.gate == "hard":
                w = np.where(mag > tau, wt, 0)
            else:
                w = wt * np.maximum(0, 1 - a.eta * tau / np.maximum(mag, 1e-300))
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"numpy {np.__version__}: p={p} gate={a.gate} {a.iters / best:.1f} it/s "
          f"({1e3 * best / a.iters:.3f} ms/iteration, best of {a.repeats}); final train {train_acc:.3f} test {test_acc:.3f}")


if __name__ == "__main__":
    main()
