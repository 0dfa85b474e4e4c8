"""Jacobian strategies side by side, one thread: f(x) = tanh(W sin x), x of n inputs, m outputs.

- ours: a student's program `J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)` run in a fresh
  sandbox worker (WorkerPool); the figure is the call's own time (JacobianRecord.timing_ms);
- jacrev / jacfwd / default: torch.func.jacrev(f)(x), torch.func.jacfwd(f)(x) and
  torch.autograd.functional.jacobian(f, x), each called once in a freshly forked process of a warm
  parent (torch.func already used once), like our workers;
- each figure twice: wall time (perf_counter) and the thread's CPU time (thread_time: what the call
  computed, without the waits a machine shared with other jobs adds); the targets are judged on both;
- strict: jacrev / jacfwd once more, in a fork that first made one tiny call of the same function,
  so no first-touch cost of a fresh process is left in the reference (our workers pay that cost
  while they wait for a job: sandbox_warm.warm_spare);
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


def forked_ms(name: str, n: int, m: int, strict: bool = False) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call in a freshly forked child of this (warm) process; strict: the
    child first calls the method once on a tiny input."""
    import torch
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        if strict:
            W0, x0 = _data(3, 4)
            _method(name)(lambda v: torch.tanh(W0 @ torch.sin(v)), x0)
        W, x = _data(n, m)
        call = _method(name)
        started, cpu = time.perf_counter(), time.thread_time()
        call(lambda v: torch.tanh(W @ torch.sin(v)), x)
        os.write(write, struct.pack("dd", (time.perf_counter() - started) * 1000.0,
                                    (time.thread_time() - cpu) * 1000.0))
        os._exit(0)
    os.close(write)
    data = os.read(read, 16)
    os.close(read)
    os.waitpid(pid, 0)
    return struct.unpack("dd", data)


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


def _medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def _pair(pair: tuple[float, float], digits: int = 2) -> str:
    return f"{pair[0]:.{digits}f}/{pair[1]:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    from autogradlab.sandbox import WorkerPool

    pool = WorkerPool(size=1)
    pool.warm()
    warm_parent()
    rows, big = [], None
    methods = ("jacrev", "jacfwd", "default", "strict jacrev", "strict jacfwd")
    try:
        for n, m in SHAPES:
            src = program(n, m)
            ours: list[tuple[float, float]] = []
            strategy = ""
            times: dict[str, list[tuple[float, float]]] = {k: [] for k in methods}
            for _ in range(args.reps):           # interleaved: background load hits all alike
                report = pool.run(src, timeout=60)
                assert report.ok, report.error
                record = report.jacobians[0]
                ours.append((record.timing_ms, record.cpu_ms))
                strategy = record.strategy
                if (n, m) == (1000, 1000):
                    big = report
                for name in methods:
                    times[name].append(forked_ms(name.split()[-1], n, m, strict=name.startswith("s")))
            rows.append(((n, m), strategy, _medians(ours), {k: _medians(v) for k, v in times.items()}))
    finally:
        pool.close()
    print(f"one thread, median of {args.reps} (ms), each as wall / CPU; ratio = ours / best of jacrev, "
          f"jacfwd (fresh fork); strict = ours / best of jacrev, jacfwd in a fork warmed by one tiny call; "
          f"speed-up = default / ours")
    print(f"{'shape (n, m)':>12} {'strategy':>8} {'ours':>13} {'jacrev':>13} {'jacfwd':>13} {'default':>15} "
          f"{'ratio':>11} {'strict':>11} {'speed-up':>11}  target")
    for (n, m), strategy, o, t in rows:
        best = tuple(min(t["jacrev"][k], t["jacfwd"][k]) for k in (0, 1))
        strict = tuple(min(t["strict jacrev"][k], t["strict jacfwd"][k]) for k in (0, 1))
        ratio = tuple(o[k] / best[k] for k in (0, 1))
        speed = tuple(t["default"][k] / o[k] for k in (0, 1))
        target = []
        if n * m >= 100_000:
            target.append(f"ratio≤1.25 {'met' if max(ratio) <= 1.25 else 'NOT MET'}")
        need = {(100, 1000): 10, (1000, 1000): 4}.get((n, m))
        if need:
            target.append(f"speed-up≥{need} {'met' if min(speed) >= need else 'NOT MET'}")
        print(f"{f'({n}, {m})':>12} {strategy:>8} {_pair(o):>13} {_pair(t['jacrev']):>13} "
              f"{_pair(t['jacfwd']):>13} {_pair(t['default']):>15} {_pair(ratio):>11} "
              f"{_pair(tuple(o[k] / strict[k] for k in (0, 1))):>11} {_pair(speed, 1):>11}  "
              f"{'; '.join(target)}")
    if big is not None:
        ours, plain = payload(big)
        print(f"payload at 1000×1000: ours {ours:,} bytes ({'met' if ours <= 1_000_000 else 'NOT MET'}: "
              f"≤ 1 MB); plotly JSON with z as a list: {plain:,} bytes")


if __name__ == "__main__":
    main()
