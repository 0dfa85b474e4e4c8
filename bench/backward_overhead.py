"""What one backward() costs the engine on top of PyTorch (issue 9): CPU µs per call, side by side.

A training step's graph (linear regression, 6 Nodes and 2 leaves) and a 60-Node scalar chain are
backwarded in a loop, interleaved so that background load hits every mode alike:
  plain       loss.backward() alone
  walk+hooks  the same plus a walk of the graph and a no-op pre-hook on every Node (the floor of
              any per-node gradient capture with PyTorch's Python hooks)
  recorder    Recorder.before_backward / after_backward around it (walk, hooks, saved tensors,
              bookkeeping: what a program's backward() costs in the engine)

    python bench/backward_overhead.py [--reps 30]

The 25th percentile of the repetitions is shown (CPU time; a loaded machine inflates the rest).
"""

from __future__ import annotations

import argparse
import ast
import gc
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import fmt, print_table  # noqa: E402

STEPS = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args(argv)

    import torch

    from autogradlab.engine.graph import is_leaf_node, walk_functions
    from autogradlab.engine.recorder import Recorder

    torch.set_num_threads(1)
    node = ast.parse("loss.backward()").body[0].value
    x, y = torch.randn(1000, 2), torch.randn(1000, 1)

    def linreg(w, b):
        return ((x @ w + b - y) ** 2 / 2).mean()

    def chain(w, b):
        out = w.sum()
        for _ in range(20):
            out = torch.sin(out) * 1.01 + b.sum()
        return out

    def no_op(grads):
        return None

    def run(graph, mode: str) -> float:
        w, b = torch.randn(2, 1, requires_grad=True), torch.zeros(1, requires_grad=True)
        rec = Recorder("loss.backward()\n")
        spent = 0.0
        for _ in range(STEPS):
            loss = graph(w, b)
            start = time.process_time()
            if mode == "recorder":
                rec.before_backward(loss, None, node)
            elif mode == "walk+hooks":
                for fn in walk_functions(loss.grad_fn):
                    if not is_leaf_node(fn):
                        fn.register_prehook(no_op)
            loss.backward()
            if mode == "recorder":
                rec.after_backward(loss, node)
            spent += time.process_time() - start
            with torch.no_grad():
                w -= 0.01 * w.grad
                b -= 0.01 * b.grad
                w.grad.zero_()
                b.grad.zero_()
        return spent / STEPS * 1e6

    modes = ("plain", "walk+hooks", "recorder")
    rows = []
    for name, graph in (("linreg step (6 Nodes)", linreg), ("scalar chain (61 Nodes)", chain)):
        samples: dict[str, list[float]] = {m: [] for m in modes}
        run(graph, "recorder")
        was = gc.isenabled()
        gc.disable()
        try:
            for _ in range(args.reps):
                for mode in modes:
                    samples[mode].append(run(graph, mode))
        finally:
            if was:
                gc.enable()
        p25 = {m: sorted(v)[len(v) // 4] for m, v in samples.items()}
        rows.append([name, fmt(p25["plain"], 1), fmt(p25["walk+hooks"], 1), fmt(p25["recorder"], 1),
                     fmt(p25["recorder"] - p25["plain"], 1), fmt(p25["recorder"] / p25["plain"], 2)])
    print(f"\nCPU µs per backward() call, 25th percentile of {args.reps} runs of {STEPS} steps\n")
    print_table(["graph", "plain", "walk+hooks", "recorder", "overhead", "recorder/plain"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
