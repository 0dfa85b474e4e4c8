"""What one call, attribute read or write of a program's objects costs in the interpreter, per checkout
(issue 9, session 44): tiny programs of 20,000 passes, each pass's CPU time over an empty loop's, best of
--reps in-process runs of engine.run_program (one torch thread), the checkouts interleaved --rounds times.

    PYTHONPATH=. python3 bench/call_costs.py /work/wt/base44 . [--rounds 3] [--reps 5]

Prints microseconds a pass (the median of the rounds) per program and checkout. Plain CPython runs the same
passes in ~0.1 us (a method call) on this machine; loop_layer_objects makes 12 method calls a pass.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

N = 20000
PROGRAMS = {
    "empty": f"for i in range({N}):\n    pass\n",
    "method statement": f"class A:\n    def f(self, x):\n        return x\na = A()\nfor i in range({N}):\n"
                        "    a.f(i)\n",
    "method in assign": f"class A:\n    def f(self, x):\n        return x\na = A()\nfor i in range({N}):\n"
                        "    y = a.f(i)\n",
    "function, 2 args": f"def f(x, y):\n    return x\nfor i in range({N}):\n    y = f(i, i)\n",
    "local in method": f"class A:\n    def f(self, x):\n        y = x\n        return y\na = A()\n"
                       f"for i in range({N}):\n    a.f(i)\n",
    "attribute read": f"class A:\n    def __init__(self):\n        self.w = 1.0\na = A()\n"
                      f"for i in range({N}):\n    y = a.w\n",
    "attribute write": f"class A:\n    def __init__(self):\n        self.w = 1.0\na = A()\n"
                       f"for i in range({N}):\n    a.w = i\n",
    "numpy scalar op": f"import numpy as np\nx = np.float64(1.0)\nfor i in range({N}):\n    y = x * 0.5\n",
    # session 45: micrograd's and layer_objects' other constructs
    "new object, __init__": f"class V:\n    def __init__(self, d):\n        self.d = d\n"
                            f"for i in range({N}):\n    v = V(i)\n",
    "object + object": f"class V:\n    def __add__(self, o):\n        return o\na = V()\nb = V()\n"
                       f"for i in range({N}):\n    y = a + b\n",
    "number + object": f"class V:\n    def __radd__(self, o):\n        return o\na = V()\n"
                       f"for i in range({N}):\n    y = i + a\n",
    "attribute -= atom": f"class A:\n    def __init__(self):\n        self.w = 1.0\na = A()\n"
                         f"for i in range({N}):\n    a.w -= 0.5\n",
    "function, default": f"def f(x, y=2):\n    return x\nfor i in range({N}):\n    y = f(i)\n",
    "function, keyword": f"def f(x, y):\n    return x\nfor i in range({N}):\n    y = f(i, y=i)\n",
    "def in a function": f"def f(x):\n    def g():\n        return x\n    return g\n"
                         f"for i in range({N}):\n    y = f(i)\n",
}


def child(root: str, reps: int) -> None:
    sys.path.insert(0, root)
    import time

    import torch

    torch.set_num_threads(1)
    from autogradlab.engine import run as run_module
    from autogradlab.limits import Limits

    limits = Limits(timeout_s=600)
    best = {}
    for name, source in PROGRAMS.items():
        report = run_module.run_program(source, limits=limits)
        if report.error is not None:
            raise SystemExit(f"{name}: {report.error}")
        times = []
        for _ in range(reps):
            start = time.process_time()
            run_module.run_program(source, limits=limits)
            times.append(time.process_time() - start)
        best[name] = min(times)
    costs = {name: (value - best["empty"]) / N * 1e6 for name, value in best.items() if name != "empty"}
    print(json.dumps(costs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.checkouts[0], args.reps)
        return 0
    roots = [str(Path(c).resolve()) for c in args.checkouts]
    figures: dict[str, list[dict]] = {root: [] for root in roots}
    for _ in range(args.rounds):
        for root in roots:
            out = subprocess.run([sys.executable, __file__, "--child", root, "--reps", str(args.reps)],
                                 capture_output=True, text=True, check=True).stdout
            figures[root].append(json.loads(out.strip().splitlines()[-1]))
    print(f"us a pass over an empty loop's, median of {args.rounds} rounds (best of {args.reps} runs each)")
    print(f"{'program':20s}" + "".join(f" {Path(r).name[-18:]:>18s}" for r in roots))
    for name in PROGRAMS:
        if name == "empty":
            continue
        medians = [statistics.median(f[name] for f in figures[r]) for r in roots]
        print(f"{name:20s}" + "".join(f" {m:18.2f}" for m in medians))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
