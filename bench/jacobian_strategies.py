"""Jacobian strategies side by side, one thread: f(x) = tanh(W sin x), x of n inputs, m outputs.

- ours: a student's program `J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)` run in a fresh
  sandbox worker (WorkerPool); the figure is the call's own time (JacobianRecord.timing_ms);
- jacrev / jacfwd / default: torch.func.jacrev(f)(x), torch.func.jacfwd(f)(x) and
  torch.autograd.functional.jacobian(f, x), each called once in a freshly forked process of a warm
  parent (torch.func already used once), like our workers;
- payload: bytes of the heatmap figure's JSON (what st.plotly_chart sends) at 1000 × 1000, next to
  plotly's JSON with z as a plain list.

Usage: python bench/jacobian_strategies.py [--reps 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SHAPES = [(100, 1000), (1000, 100), (300, 300), (1000, 1000), (500, 2000), (30, 30)]  # (n in, m out)


def program(n: int, m: int) -> str:
    return ("import torch\nfrom torch.autograd.functional import jacobian\n"
            f"W = torch.randn({m}, {n})\nx = torch.randn({n})\n"
            "J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)\n")


def _data(n: int, m: int):
    import torch
    g = torch.Generator().manual_seed(0)
    W = torch.randn(m, n, generator=g)
    return W, torch.randn(n, generator=g)


def _method(name: str):
    import torch
    from torch.func import jacfwd, jacrev
    return {"jacrev": lambda f, x: jacrev(f)(x), "jacfwd": lambda f, x: jacfwd(f)(x),
            "default": lambda f, x: torch.autograd.functional.jacobian(f, x)}[name]


def forked_ms(name: str, n: int, m: int) -> float:
    """One call in a freshly forked child of this (warm) process."""
    import torch
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        W, x = _data(n, m)
        call = _method(name)
        started = time.perf_counter()
        call(lambda v: torch.tanh(W @ torch.sin(v)), x)
        os.write(write, struct.pack("d", (time.perf_counter() - started) * 1000.0))
        os._exit(0)
    os.close(write)
    data = os.read(read, 8)
    os.close(read)
    os.waitpid(pid, 0)
    return struct.unpack("d", data)[0]


def warm_parent() -> None:
    import torch
    torch.set_num_threads(1)
    W, x = _data(3, 4)
    for name in ("jacrev", "jacfwd", "default"):
        _method(name)(lambda v: torch.tanh(W @ torch.sin(v)), x)


def payload(report) -> tuple[int, int]:
    import numpy as np
    import plotly.io as pio

    from autogradlab.render.heatmap import jacobian_figure
    record = report.jacobians[0]
    ours = len(pio.to_json(jacobian_figure(record), validate=False))
    plain = len(json.dumps({"data": [{"type": "heatmap", "z": np.asarray(record.matrix).tolist()}]}))
    return ours, plain


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    from autogradlab.sandbox import WorkerPool

    pool = WorkerPool(size=1)
    pool.warm()
    warm_parent()
    rows, big = [], None
    try:
        for n, m in SHAPES:
            src = program(n, m)
            ours, strategy = [], ""
            times: dict[str, list[float]] = {"jacrev": [], "jacfwd": [], "default": []}
            for _ in range(args.reps):           # interleaved: background load hits all alike
                report = pool.run(src, timeout=60)
                assert report.ok, report.error
                ours.append(report.jacobians[0].timing_ms)
                strategy = report.jacobians[0].strategy
                if (n, m) == (1000, 1000):
                    big = report
                for name in times:
                    times[name].append(forked_ms(name, n, m))
            med = {k: statistics.median(v) for k, v in times.items()}
            o = statistics.median(ours)
            best = min(med["jacrev"], med["jacfwd"])
            low = min(min(times["jacrev"]), min(times["jacfwd"]))
            rows.append((f"({n}, {m})", n * m, strategy, o, med["jacrev"], med["jacfwd"], med["default"],
                         o / best, med["default"] / o, min(ours) / low))
    finally:
        pool.close()
    print(f"one thread, median of {args.reps} (ms); ratio = ours / best of jacrev, jacfwd; "
          f"speed-up = default / ours; min-ratio = fastest ours / fastest jacrev or jacfwd (less "
          f"sensitive to a loaded machine)")
    print(f"{'shape (n, m)':>14} {'n·m':>9} {'ours':>8} {'strategy':>8} {'jacrev':>8} {'jacfwd':>8} "
          f"{'default':>9} {'ratio':>6} {'speed-up':>8} {'min-ratio':>9}  target")
    for shape, nm, strategy, o, rev, fwd, default, ratio, speed, min_ratio in rows:
        target = []
        if nm >= 100_000:
            target.append(f"ratio≤1.25 {'met' if ratio <= 1.25 else 'NOT MET'}")
        need = {"(100, 1000)": 10, "(1000, 1000)": 4}.get(shape)
        if need:
            target.append(f"speed-up≥{need} {'met' if speed >= need else 'NOT MET'}")
        print(f"{shape:>14} {nm:>9,} {o:8.2f} {strategy:>8} {rev:8.2f} {fwd:8.2f} {default:9.2f} "
              f"{ratio:6.2f} {speed:8.1f} {min_ratio:9.2f}  {'; '.join(target)}")
    if big is not None:
        ours, plain = payload(big)
        print(f"payload at 1000×1000: ours {ours:,} bytes ({'met' if ours <= 1_000_000 else 'NOT MET'}: "
              f"≤ 1 MB); plotly JSON with z as a list: {plain:,} bytes")


if __name__ == "__main__":
    main()
