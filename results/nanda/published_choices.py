#!/usr/bin/python3
"""Trains the Nanda et al. (2023) modular-addition transformer in PyTorch with the published code's choices,
each switchable to Occam's, to find which choice moves the grokking time.

Written for Occam from a reading of mechanistic-interpretability-grokking/progress-measures-paper
(transformers.py, helpers.py); no code is copied. Needs Debian's python3-torch (run with /usr/bin/python3).

Published choices (default) vs Occam's (flag):
  outputs   p+1 unembedding outputs, the '=' token a class of the softmax     --outputs p
  warmup    LambdaLR lr*min(s/10, 1), s = 0, 1, ...: update 1 has lr 0        --warmup occam (lr*min(t/10, 1), t = 1, 2, ...)
  loss      log_softmax in float32 (helpers.cross_entropy_high_precision as published; its comment says float64)
                                                                              --loss float64
  split     random.seed(seed); random.shuffle(all p^2 pairs); first floor(0.3*p^2) train
Unchanged in both: 1 layer, d 128, 4 heads of 32, d_mlp 512, ReLU, no LayerNorm, no attention or unembedding
biases, MLP biases b_in/b_out (zero, trained, decayed); init W_E, W_pos, W_Q/K/V/O, W_in, W_out ~ N(0, 1/d_model),
W_U ~ N(0, 1/d_vocab); torch.optim.AdamW(lr 1e-3, betas 0.9/0.98, eps 1e-8, weight_decay 1) on all parameters;
full batch; causal mask; scores / sqrt(d_head).

Writes one CSV line every --log-every steps: step,train_loss,train_acc,test_loss,test_acc (loss in float64 over
the outputs' softmax; accuracy by argmax over all outputs). Stops --after steps after the test accuracy first
reaches 0.99 and the test loss first falls below 1e-2, or at --steps.

Status: written 2026-12-01 and run only to its first log line here (the 2-core box at load ~17 did a step in
seconds); meant for a machine with cores to spare (or CUDA: add .cuda() to the model and tensors). Example:
  /usr/bin/python3 results/nanda/published_choices.py --seed 0 --threads 2 > out/nanda/torch-published-s0.csv
  /usr/bin/python3 results/nanda/published_choices.py --seed 0 --outputs p --warmup occam --loss float64 \
      > out/nanda/torch-occam-s0.csv
"""
import argparse
import math
import random
import sys
import time

import torch
import torch.nn.functional as F

P = 113
D_MODEL = 128
HEADS = 4
D_HEAD = D_MODEL // HEADS
D_MLP = 512
CTX = 3


def split(seed, frac):
    pairs = [(i, j) for i in range(P) for j in range(P)]
    random.seed(seed)
    random.shuffle(pairs)
    n = int(frac * len(pairs))
    return pairs[:n], pairs[n:]


def tensors(pairs):
    x = torch.tensor([(i, j, P) for i, j in pairs], dtype=torch.long)
    y = torch.tensor([(i + j) % P for i, j in pairs], dtype=torch.long)
    return x, y


class Model(torch.nn.Module):
    def __init__(self, outputs):
        super().__init__()
        vocab = P + 1
        self.W_E = torch.nn.Parameter(torch.randn(vocab, D_MODEL) / math.sqrt(D_MODEL))
        self.W_pos = torch.nn.Parameter(torch.randn(CTX, D_MODEL) / math.sqrt(D_MODEL))
        self.W_Q = torch.nn.Parameter(torch.randn(D_MODEL, D_MODEL) / math.sqrt(D_MODEL))
        self.W_K = torch.nn.Parameter(torch.randn(D_MODEL, D_MODEL) / math.sqrt(D_MODEL))
        self.W_V = torch.nn.Parameter(torch.randn(D_MODEL, D_MODEL) / math.sqrt(D_MODEL))
        self.W_O = torch.nn.Parameter(torch.randn(D_MODEL, D_MODEL) / math.sqrt(D_MODEL))
        self.W_in = torch.nn.Parameter(torch.randn(D_MODEL, D_MLP) / math.sqrt(D_MODEL))
        self.b_in = torch.nn.Parameter(torch.zeros(D_MLP))
        self.W_out = torch.nn.Parameter(torch.randn(D_MLP, D_MODEL) / math.sqrt(D_MODEL))
        self.b_out = torch.nn.Parameter(torch.zeros(D_MODEL))
        # the published W_U is randn(d_model, d_vocab)/sqrt(d_vocab), d_vocab = p + 1; Occam keeps that scale for p outputs
        self.W_U = torch.nn.Parameter(torch.randn(D_MODEL, outputs) / math.sqrt(vocab))
        self.register_buffer("mask", torch.tril(torch.ones(CTX, CTX)))

    def forward(self, tokens):
        b = tokens.shape[0]
        x = self.W_E[tokens] + self.W_pos
        heads = lambda y: y.reshape(b, CTX, HEADS, D_HEAD).transpose(1, 2)
        q, k, v = heads(x @ self.W_Q), heads(x @ self.W_K), heads(x @ self.W_V)
        scores = q @ k.transpose(-1, -2) / math.sqrt(D_HEAD)
        scores = scores.masked_fill(self.mask == 0, -1e10)
        z = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, CTX, D_MODEL)
        x = x + z @ self.W_O
        x = x + F.relu(x @ self.W_in + self.b_in) @ self.W_out + self.b_out
        return x[:, -1] @ self.W_U


def loss(logits, labels, dtype):
    return -F.log_softmax(logits.to(dtype), dim=-1).gather(-1, labels[:, None]).mean()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--frac", type=float, default=0.3)
    ap.add_argument("--steps", type=int, default=20000)
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--after", type=int, default=500, help="steps to continue after grokking and cleanup")
    ap.add_argument("--outputs", choices=["p+1", "p"], default="p+1")
    ap.add_argument("--warmup", choices=["nanda", "occam"], default="nanda")
    ap.add_argument("--loss", choices=["float32", "float64"], default="float32")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    train, test = split(a.seed, a.frac)
    xtr, ytr = tensors(train)
    xte, yte = tensors(test)
    torch.manual_seed(a.seed)
    model = Model(P + 1 if a.outputs == "p+1" else P)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1.0, betas=(0.9, 0.98))
    shift = 0 if a.warmup == "nanda" else 1
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + shift) / 10, 1))
    dtype = torch.float32 if a.loss == "float32" else torch.float64
    print("# " + " ".join(sys.argv), flush=True)
    print("step,train_loss,train_acc,test_loss,test_acc,seconds", flush=True)
    start = time.time()
    grok = clean = None
    for step in range(a.steps + 1):
        logits = model(xtr)
        l = loss(logits, ytr, dtype)
        if step % a.log_every == 0 or step == a.steps:
            with torch.no_grad():
                lte = model(xte)
                tr_acc = (logits.argmax(-1) == ytr).double().mean().item()
                te_acc = (lte.argmax(-1) == yte).double().mean().item()
                te_loss = loss(lte, yte, torch.float64).item()
                print(f"{step},{loss(logits, ytr, torch.float64).item():.6e},{tr_acc:.6f},{te_loss:.6e},{te_acc:.6f},"
                      f"{time.time() - start:.0f}", flush=True)
                if grok is None and te_acc >= 0.99:
                    grok = step
                if clean is None and te_loss < 1e-2:
                    clean = step
                if grok is not None and clean is not None and step >= max(grok, clean) + a.after:
                    break
        if step == a.steps:
            break
        l.backward()
        opt.step()
        sched.step()
        opt.zero_grad()


if __name__ == "__main__":
    main()
