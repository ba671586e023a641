#!/usr/bin/python3
"""Reference steps of torch.optim.AdamW itself (not a transcription of it) for TorchAdamWTest.

Two float32 parameters (a 3x4 matrix and a 5-vector, seeded randn) receive fixed float32 gradients (seeded randn,
scaled per step from 1e-9 to 10 so that the eps and the moments' history matter) for 12 updates of
torch.optim.AdamW(lr, betas, eps, weight_decay) stepped with a LambdaLR warm-up of 10 updates:
  linear     LambdaLR(lambda s: min((s + 1) / 10, 1)): update t = 1, 2, ... has lr*min(1, t/10) (Occam's default --warmup-rule linear)
  lambda_lr  LambdaLR(lambda s: min(s / 10, 1)): update t has lr*min(1, (t-1)/10), update 1 lr 0 (Nanda et al.'s code; --warmup-rule lambda_lr)
Cases: preset (lr 1e-3, betas 0.9/0.98, eps 1e-8, wd 1: the nanda preset) and strong (lr 0.05, wd 0.5, same betas
and eps; moves the parameters visibly in float32).

Output CSV: case,warmup,step,tensor,index,grad,theta: grad is the gradient applied at that update (step 0: none),
theta the parameter after it (step 0: the initial value); floats as repr of float32 values (exact).

Command (Debian's python3-torch, 1.13.0a0 when generated):
  /usr/bin/python3 results/nanda/torch_adamw_reference.py \
      > transformer-check/src/test/resources/occam/transformer/torch_adamw_reference.csv
"""
import sys

import torch

STEPS = 12
WARMUP = 10
SCALES = [1.0, 0.1, 1e-9, 10.0, 1e-3, 1.0, 1e-5, 0.5, 2.0, 1e-2, 1.0, 3.0]
CASES = {"preset": (1e-3, 1.0), "strong": (0.05, 0.5)}
SHIFTS = {"linear": 1, "lambda_lr": 0}


def fmt(x):
    return repr(float(x))


def main():
    torch.set_num_threads(1)
    print("# command: /usr/bin/python3 results/nanda/torch_adamw_reference.py"
          "  (torch.optim.AdamW, torch " + torch.__version__ + ", float32)")
    print("case,warmup,step,tensor,index,grad,theta")
    for case, (lr, wd) in CASES.items():
        for warmup, shift in SHIFTS.items():
            gen = torch.Generator().manual_seed(13)
            params = [torch.randn(3, 4, generator=gen), torch.randn(5, generator=gen)]
            grads = [[torch.randn(p.shape, generator=gen) * s for p in params] for s in SCALES]
            params = [torch.nn.Parameter(p) for p in params]
            opt = torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98), eps=1e-8, weight_decay=wd)
            sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s, k=shift: min((s + k) / WARMUP, 1))
            for k, p in enumerate(params):
                for i, v in enumerate(p.detach().flatten().tolist()):
                    print(f"{case},{warmup},0,{k},{i},,{fmt(v)}")
            for t in range(1, STEPS + 1):
                for p, g in zip(params, grads[t - 1]):
                    p.grad = g.clone()
                opt.step()
                sched.step()
                for k, (p, g) in enumerate(zip(params, grads[t - 1])):
                    for i, (gv, v) in enumerate(zip(g.flatten().tolist(), p.detach().flatten().tolist())):
                        print(f"{case},{warmup},{t},{k},{i},{fmt(gv)},{fmt(v)}")


if __name__ == "__main__":
    sys.exit(main())
