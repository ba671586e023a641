#!/usr/bin/env python3
"""Joins `occam analyze` output (compression, lmn) with the runs' metrics logs; writes complexity.csv,
SVG figures and the numbers the README quotes. Standard library only.

usage: summarize.py OUT_DIR LABEL=RUN_DIR:ANALYSIS_DIR ...
"""
import csv, json, math, sys
from pathlib import Path

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def metrics(run):
    rows = [json.loads(l) for l in open(Path(run) / "metrics.jsonl")]
    return sorted({r["step"]: r for r in rows}.values(), key=lambda r: r["step"])


def at(rows, step, key):
    """Linear interpolation of a logged metric at a snapshot step (the log is every 10 steps)."""
    for a, b in zip(rows, rows[1:]):
        if a["step"] <= step <= b["step"]:
            if b["step"] == a["step"]:
                return a[key]
            f = (step - a["step"]) / (b["step"] - a["step"])
            return (1 - f) * a[key] + f * b[key]
    return rows[-1][key]


def pearson(x, y):
    n = len(x)
    if n < 3:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def svg(path, title, xlabel, ylabel, series, logx=False, logy=False, scatter=False):
    """series: [(label, [(x, y)])]; a minimal line/scatter chart."""
    W, H, L, R, T, B = 640, 400, 80, 160, 40, 50
    pts = [(x, y) for _, s in series for x, y in s if y == y and (not logx or x > 0) and (not logy or y > 0)]
    fx = (lambda v: math.log10(v)) if logx else (lambda v: v)
    fy = (lambda v: math.log10(v)) if logy else (lambda v: v)
    x0, x1 = min(fx(p[0]) for p in pts), max(fx(p[0]) for p in pts)
    y0, y1 = min(fy(p[1]) for p in pts), max(fy(p[1]) for p in pts)
    x1, y1 = (x1 if x1 > x0 else x0 + 1), (y1 if y1 > y0 else y0 + 1)
    X = lambda v: L + (fx(v) - x0) / (x1 - x0) * (W - L - R)
    Y = lambda v: H - B - (fy(v) - y0) / (y1 - y0) * (H - T - B)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W/2}" y="20" text-anchor="middle" font-size="14">{title}</text>',
         f'<line x1="{L}" y1="{H-B}" x2="{W-R}" y2="{H-B}" stroke="black"/>',
         f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H-B}" stroke="black"/>',
         f'<text x="{(L+W-R)/2}" y="{H-10}" text-anchor="middle">{xlabel}</text>',
         f'<text x="15" y="{(T+H-B)/2}" text-anchor="middle" transform="rotate(-90 15 {(T+H-B)/2})">{ylabel}</text>']
    for k in range(5):
        vx, vy = x0 + k * (x1 - x0) / 4, y0 + k * (y1 - y0) / 4
        lx, ly = (10 ** vx if logx else vx), (10 ** vy if logy else vy)
        px = L + k * (W - L - R) / 4
        py = H - B - k * (H - T - B) / 4
        o.append(f'<text x="{px}" y="{H-B+15}" text-anchor="middle">{lx:.3g}</text>')
        o.append(f'<text x="{L-5}" y="{py+4}" text-anchor="end">{ly:.3g}</text>')
    for i, (label, s) in enumerate(series):
        c = COLORS[i % len(COLORS)]
        s = [(x, y) for x, y in s if y == y and (not logx or x > 0) and (not logy or y > 0)]
        if not scatter and len(s) > 1:
            o.append('<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>'
                     % (c, " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in s)))
        for x, y in s:
            o.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="2.5" fill="{c}"/>')
        o.append(f'<text x="{W-R+10}" y="{T+15+18*i}" fill="{c}">{label}</text>')
    o.append("</svg>")
    Path(path).write_text("\n".join(o))


def main():
    out = Path(sys.argv[1])
    runs = []
    for arg in sys.argv[2:]:
        label, dirs = arg.split("=", 1)
        run, analysis = dirs.split(":", 1)
        a = json.load(open(Path(analysis) / "analysis.json"))
        summary = json.load(open(Path(run) / "summary.json"))
        runs.append((label, metrics(run), a, summary))
    deltas = None
    table = []
    for label, log, a, summary in runs:
        for s in a["snapshots"]:
            m = s["measures"]
            c, l = m["compression"]["numbers"], m["lmn"]["numbers"]
            if deltas is None:
                deltas = [k for k in c if k.startswith("bits_delta_")]
            table.append(dict(run=label, step=s["step"], train_loss=at(log, s["step"], "train_loss"),
                              test_loss=at(log, s["step"], "test_loss"), test_acc=at(log, s["step"], "test_acc"),
                              compression_bits=c["bits"], naive_bits=c["naive_bits"], data_bits=c["data_bits"],
                              mdl_bits=c["mdl_bits"], epsilon=c["epsilon"], kappa=c["kappa"],
                              **{k: c[k] for k in deltas}, lmn=l["lmn"], mean_r2=l["mean_r2"],
                              clipped_mass=l["clipped_mass"]))
    with open(out / "complexity.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(table[0]))
        w.writeheader()
        for r in table:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    num = lambda v: float("nan") if v is None else v
    by = {label: [r for r in table if r["run"] == label] for label, *_ in runs}
    svg(out / "compression.svg", "compression complexity (delta = 0.1 nat)", "step", "bits (bzip2)",
        [(k, [(r["step"], num(r["compression_bits"])) for r in v]) for k, v in by.items()], logx=True)
    svg(out / "mdl.svg", "MDL total H(D|model) + K(model)", "step", "bits",
        [(k, [(r["step"], num(r["mdl_bits"])) for r in v]) for k, v in by.items()], logx=True, logy=True)
    svg(out / "lmn.svg", "linear mapping number (N = 32)", "step", "LMN",
        [(k, [(r["step"], num(r["lmn"])) for r in v]) for k, v in by.items()], logx=True)
    svg(out / "test-loss.svg", "test loss (metrics log, interpolated)", "step", "nats",
        [(k, [(r["step"], r["test_loss"]) for r in v]) for k, v in by.items()], logx=True, logy=True)
    rd = []
    for label, log, a, summary in runs:
        for step in sorted({summary["memorization_step"] or 0, summary["grokking_step"] or summary["steps_done"],
                            summary["steps_done"]}):
            r = next((r for r in by[label] if r["step"] == step), None)
            if r:
                rd.append((f"{label} step {step}",
                           [(float(k[len("bits_delta_"):].replace("_", ".")), num(r[k])) for k in deltas]))
    svg(out / "rate-distortion.svg", "rate-distortion: bits vs delta", "delta (nats)", "bits", rd, logx=True)
    print("rows", len(table))
    for label, log, a, summary in runs:
        v = by[label]
        tm, tg = summary["memorization_step"], summary["grokking_step"]
        bits = [(r["step"], num(r["compression_bits"])) for r in v if r["step"] > 0]
        peak = max(bits, key=lambda p: p[1] if p[1] == p[1] else -1)
        print(f"{label}: t_mem {tm} t_grok {tg}; compression bits: step 0 {num(v[0]['compression_bits']):.0f}, "
              f"peak {peak[1]:.0f} at step {peak[0]}, final {bits[-1][1]:.0f}; naive final {v[-1]['naive_bits']:.0f}")
        lm = [(r["step"], r["lmn"]) for r in v]
        print(f"  LMN: step 0 {lm[0][1]:.2f}, max {max(x[1] for x in lm):.2f} at {max(lm, key=lambda x: x[1])[0]},"
              f" final {lm[-1][1]:.2f}")
        lo, hi = (tm or 0), (tg or summary["steps_done"])
        phase = [r for r in v if lo <= r["step"] <= hi]
        print(f"  between t_mem and {'t_grok' if tg else 'the end'} ({len(phase)} snapshots): "
              f"Pearson r(LMN, test loss) = {pearson([r['lmn'] for r in phase], [r['test_loss'] for r in phase]):.3f}, "
              f"r(bits, test loss) = {pearson([num(r['compression_bits']) for r in phase], [r['test_loss'] for r in phase]):.3f}")
    if len(runs) > 1:
        svg(out / "lmn-vs-test-loss.svg", "LMN vs test loss, t_mem..t_grok (or end)", "test loss (nats)", "LMN",
            [(label, [(r["test_loss"], r["lmn"]) for r in by[label]
                      if (s["memorization_step"] or 0) <= r["step"] <= (s["grokking_step"] or s["steps_done"])])
             for label, log, a, s in runs], scatter=True)


if __name__ == "__main__":
    main()
