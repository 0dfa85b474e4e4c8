"""What one op result costs the recorder in a skimmed pass (issue 9), part by part.

A loop of --ops ops of one kind (`b * x`: a 2,000-element result with a MulBackward Node, as
polyfit's; `x * 1.5` without grad, as power iteration's), each result dropped before the next op,
run in turns in one process (process CPU, minimum over --reps rounds, ns per op):
  plain     the op alone
  number    + its tensor number as Recorder.on_op makes it (a `Numbered` weak reference whose
            callback is Recorder._forget, its four fields, the id-keyed entry, the count max_ops reads)
  read      + `result.grad_fn` read and dropped at once (the Node's Python wrapper made and freed)
  node      + `result.grad_fn` read and held for 500 ops (the window's claim in `origins`)
  on_op     Recorder.on_op itself while skimming (the number, the claims, the ghost in the window)
The lines below the table give each part as a difference (number - plain, node - number, on_op -
plain; read - number is the wrapper alone). --checkout imports autogradlab from another checkout.

    python3 bench/record_per_result.py [--ops 20000] [--reps 7] [--checkout PATH]
"""

from __future__ import annotations

import argparse
import ast
import sys
import time
from collections import deque
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WINDOW = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=20000)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--checkout", default=str(REPO))
    args = parser.parse_args(argv)
    sys.path.insert(0, args.checkout)
    import torch

    from autogradlab.engine.recorder import Recorder
    from autogradlab.engine.tensor_numbers import Numbered

    torch.set_num_threads(1)
    x = torch.linspace(-3.0, 3.0, 2000)
    b = torch.randn((), requires_grad=True)
    node = ast.parse("y = b * x").body[0].value
    ops = args.ops

    def plain(op):
        for _ in range(ops):
            y = op()
            del y

    def number(op):
        recorder = Recorder("y = b * x\n")
        ids, forget = recorder._ids, recorder._forget_bound
        for index in range(ops):
            y = op()
            key = id(y)
            entry = Numbered(y, forget)
            entry.number, entry.result, entry.key, entry.made = recorder._next_id, True, key, index
            ids[key] = entry
            recorder._next_id += 1
            recorder.alive_results += 1
            del y, entry

    def read(op):
        recorder = Recorder("y = b * x\n")
        ids, forget = recorder._ids, recorder._forget_bound
        for index in range(ops):
            y = op()
            key = id(y)
            entry = Numbered(y, forget)
            entry.number, entry.result, entry.key, entry.made = recorder._next_id, True, key, index
            ids[key] = entry
            recorder._next_id += 1
            recorder.alive_results += 1
            fn = y.grad_fn
            del y, entry, fn

    def node_held(op):
        recorder = Recorder("y = b * x\n")
        ids, forget = recorder._ids, recorder._forget_bound
        held: deque = deque()
        origins: dict = {}
        for index in range(ops):
            y = op()
            key = id(y)
            entry = Numbered(y, forget)
            entry.number, entry.result, entry.key, entry.made = recorder._next_id, True, key, index
            ids[key] = entry
            recorder._next_id += 1
            recorder.alive_results += 1
            fn = y.grad_fn
            if fn is not None:
                origins[id(fn)] = (index, 0, fn, entry)
                held.append(id(fn))
                if len(held) > WINDOW:
                    origins.pop(held.popleft(), None)
            del y, entry, fn

    def on_op(op):
        recorder = Recorder("y = b * x\n")
        recorder.skimming = True
        hook = recorder.on_op
        for _ in range(ops):
            y = op()
            hook("mul", [b, x], {}, y, node, None)
            del y

    kinds = {"b * x (Node)": lambda: b * x, "x * 1.5 (no grad)": lambda: x * 1.5}
    modes = {"plain": plain, "number": number, "read": read, "node": node_held, "on_op": on_op}
    clock = time.process_time
    for kind, op in kinds.items():
        best = {name: float("inf") for name in modes}
        for _ in range(args.reps):
            for name, run in modes.items():   # in turns: background load hits every mode alike
                started = clock()
                run(op)
                best[name] = min(best[name], (clock() - started) / ops * 1e9)
        print(f"{kind}: " + ", ".join(f"{name} {best[name]:.0f}" for name in modes) + " ns/op")
        print(f"  number - plain {best['number'] - best['plain']:.0f}, read - number "
              f"{best['read'] - best['number']:.0f}, node - number {best['node'] - best['number']:.0f}, "
              f"on_op - plain {best['on_op'] - best['plain']:.0f} ns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
