#!/usr/bin/python3
"""Grokking times read from the loss curves that Nanda et al. committed with their training code.

mechanistic-interpretability-grokking/progress-measures-paper, saved_runs/ (commit 'saved_runs' of its main branch):
the same 1-layer model and code (p 113, d 128, lr 1e-3, AdamW betas 0.9/0.98; one entry per full-batch epoch):
  mod_addition_frac_train_sweep.pth      [fracs, [train, test] loss curve per frac], wd 1 (the Config default)
  low_precision_mod_addition.pth         train loss per epoch, test loss every 10 epochs; frac 0.3, wd 1
  wd_10-1_mod_addition_loss_curve.pth    the same with weight decay 0.1 (optimizer state), config seed 1
The files hold no configuration: frac 0.3 and wd 1 of the low-precision run, and wd 1 of the sweep, are the
Config defaults, assumed. The pickles hold only tensors, floats and OrderedDicts: they are read with an unpickler that refuses any other
global.

Command (Debian's python3-torch):
  git -C REPO show HEAD:saved_runs/NAME.pth > DIR/NAME.pth   (for the three names above)
  /usr/bin/python3 results/nanda/published_runs.py DIR > results/nanda/published-runs.csv
The first line names the command. Columns: run, wd, frac, epochs logged, first epoch with test loss < 1, < 0.1, < 1e-2, < 1e-3, and with train loss
< 1e-2 (a memorization mark); empty where never reached.
"""
import pickle
import sys
import types
from pathlib import Path

import torch

ALLOWED = {("collections", "OrderedDict"), ("torch._utils", "_rebuild_tensor_v2"),
           ("torch", "FloatStorage"), ("torch", "DoubleStorage"), ("torch", "LongStorage")}


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"refused global {module}.{name}")
        return super().find_class(module, name)


RESTRICTED = types.SimpleNamespace(__name__="restricted", Unpickler=Restricted, load=pickle.load)


def load(path):
    return torch.load(path, map_location="cpu", pickle_module=RESTRICTED)


def first(curve, threshold, every=1):
    for i, v in enumerate(curve):
        if float(v) < threshold:
            return str(i * every)
    return ""


def row(name, wd, frac, train, test, test_every):
    marks = [first(test, x, test_every) for x in (1, 0.1, 1e-2, 1e-3)]
    print(",".join([name, str(wd), str(frac), str(len(train))] + marks + [first(train, 1e-2)]))


def main():
    d = Path(sys.argv[1])
    print("# command: /usr/bin/python3 results/nanda/published_runs.py " + sys.argv[1]
          + "  (DIR holds saved_runs/*.pth of mechanistic-interpretability-grokking/progress-measures-paper)")
    print("run,wd,frac,epochs,test_lt_1,test_lt_0.1,test_lt_1e-2,test_lt_1e-3,train_lt_1e-2")
    fracs, curves = load(d / "mod_addition_frac_train_sweep.pth")
    for k, frac in enumerate(fracs):
        row("frac_train_sweep", 1, frac, curves[2 * k], curves[2 * k + 1], 1)
    low = load(d / "low_precision_mod_addition.pth")
    row("low_precision", 1, 0.3, low["train_losses"], low["test_losses"], 10)
    wd = load(d / "wd_10-1_mod_addition_loss_curve.pth")
    assert wd["optimizer"]["param_groups"][0]["weight_decay"] == 0.1
    row("wd_10-1 (seed 1)", 0.1, wd["config"]["frac_train"], wd["train_losses"], wd["test_losses"], 10)


if __name__ == "__main__":
    main()
