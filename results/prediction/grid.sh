#!/usr/bin/env bash
# The validation grid behind results/prediction (issue 13): quick-preset transformers (1 layer, d 64,
# 4 heads, d_mlp 256, full batch), 2 000 steps, trained as ensembles, resumable.
#   main:      ops add sub mul div × p 47, 59 × wd 0.1 0.3 1 3 × frac 0.3 0.4 0.5 0.6 × lr 3e-3 × seeds 0:2  (384 runs)
#   lr:        ops add mul × p 47 × the same wd × frac × lr 1e-3 × seeds 0:2                                 ( 96 runs)
#   controls:  wd 0: ops add sub mul div × p 47 × frac 0.3 0.5 × lr 3e-3 × seeds 0:1                       ( 16 runs)
# Usage: [THREADS=N] results/prediction/grid.sh OUT_DIR   (re-run the same command to resume: finished runs are kept;
#        THREADS (default 2) = intra-op threads; use 1 when another job shares a 2-core machine)
set -euo pipefail
out=${1:?usage: grid.sh OUT_DIR}
occam=${OCCAM:-./occam}
common=(--preset quick --steps 2000 --log-every 50 --rank-every 1000 --threads "${THREADS:-2}" --no-progress --resume --out "$out")
train() { "$occam" train "${common[@]}" "$@"; }
for op in add sub mul div; do
  train --p 47 --op "$op" --lrs 3e-3 --wds 0.1,0.3,1,3 --fracs 0.3,0.4,0.5,0.6 --seeds 0:2
done
for op in add sub mul div; do
  train --p 47 --op "$op" --lrs 3e-3 --wds 0 --fracs 0.3,0.5 --seeds 0:1
done
for op in add mul; do
  train --p 47 --op "$op" --lrs 1e-3 --wds 0.1,0.3,1,3 --fracs 0.3,0.4,0.5,0.6 --seeds 0:2
done
# p = 59 seed by seed, so that every op has a first seed before any has a third (partial grids stay balanced)
for seed in 0 1 2; do
  for op in add sub mul div; do
    train --p 59 --op "$op" --lrs 3e-3 --wds 0.1,0.3,1,3 --fracs 0.3,0.4,0.5,0.6 --seeds "$seed:$seed"
  done
done
