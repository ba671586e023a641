#!/usr/bin/python3
"""Train and test loss at the same early steps in Occam's nanda runs and in Nanda et al.'s committed frac-0.3 curves.

Command: /usr/bin/python3 results/nanda/early_dynamics.py DIR RUN... > results/nanda/early-dynamics.csv
DIR holds the saved_runs/*.pth of progress-measures-paper (see published_runs.py); each RUN is an Occam run folder
(its metrics.jsonl). Occam's rows are the steps it logged; the published curves have every epoch (the
low-precision run's test loss every 10). For Occam rows past step 50, lag_sweep and lag_low are the published
epoch at which that curve's train loss first falls to Occam's value, minus Occam's step: how many updates the
published run is behind (negative: ahead).
"""
import json
import sys
from pathlib import Path

from published_runs import load


def main():
    d = Path(sys.argv[1])
    print("# command: /usr/bin/python3 results/nanda/early_dynamics.py " + " ".join(sys.argv[1:]))
    print("source,step,train_loss,test_loss,lag_sweep,lag_low")
    fracs, curves = load(d / "mod_addition_frac_train_sweep.pth")
    k = fracs.index(0.3)
    sweep = [float(v) for v in curves[2 * k]]
    low = load(d / "low_precision_mod_addition.pth")
    low_train = [float(v) for v in low["train_losses"]]
    steps = set()
    for run in sys.argv[2:]:
        for line in open(Path(run) / "metrics.jsonl"):
            r = json.loads(line)
            steps.add(r["step"])
            lags = [lag(c, r["step"], r["train_loss"]) if r["step"] > 50 else "" for c in (sweep, low_train)]
            print(f"occam {Path(run).name},{r['step']},{r['train_loss']:.4f},{r['test_loss']:.4f},{lags[0]},{lags[1]}")
    for s in sorted(steps):
        print(f"published frac_train_sweep 0.3,{s},{sweep[s]:.4f},{float(curves[2 * k + 1][s]):.4f},,")
        test = f"{float(low['test_losses'][s // 10]):.4f}" if s % 10 == 0 else ""
        print(f"published low_precision,{s},{low_train[s]:.4f},{test},,")


def lag(curve, step, loss):
    """The first epoch at which the curve is at or below the loss, minus the step ('' if never)."""
    for e, v in enumerate(curve):
        if v <= loss:
            return str(e - step)
    return ""


if __name__ == "__main__":
    main()
