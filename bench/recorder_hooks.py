"""The Recorder's own cost on power iteration's loop (issue 9): its hooks called as the interpreter
calls them, without the language, side by side with the same loop in plain PyTorch.

Prints the minimum CPU time (time.process_time) over --reps runs of: the 300-step loop in plain
PyTorch; the same loop calling Recorder.on_loop/on_op/on_assign (the recording and skimming, minus
plain); and materialising the 500-op window at the end (OpTrace.records: snapshots and summaries).
--checkout imports autogradlab from another checkout (compare two in separate runs):

    python3 bench/recorder_hooks.py [--reps 40] [--checkout PATH]
"""

from __future__ import annotations

import argparse
import ast
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAM = REPO / "tests" / "programs" / "loop_power_iteration.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--checkout", default=str(REPO))
    args = parser.parse_args(argv)
    sys.path.insert(0, args.checkout)
    import torch

    from autogradlab.engine.recorder import Recorder
    from autogradlab.engine.run import GC_THRESHOLD

    torch.set_num_threads(1)
    gc.set_threshold(*GC_THRESHOLD)   # as run_program sets it
    source = PROGRAM.read_text(encoding="utf-8")
    tree = ast.parse(source)
    loop = tree.body[4]
    first, second = loop.body
    matmul, norm, divide = first.value, second.value.right, second.value

    def run(hooks: bool, steps: int = 300) -> float:
        """One run; the seconds OpTrace.records() took (0 without hooks)."""
        a = torch.randn(100, 100)
        a = a @ a.T / 100
        v = torch.ones(100)
        if hooks:
            recorder = Recorder(source)
            recorder.on_assign("A", a, tree.body[1], None)
            recorder.on_assign("v", v, tree.body[3], None)
            recorder.on_loop_start(loop)
        for k in range(steps):
            if hooks:
                recorder.on_loop(loop, steps - k - 1)
            w = a @ v
            if hooks:
                recorder.on_op("matmul", (a, v), {}, w, matmul, None)
                recorder.on_assign("w", w, first, None)
            n = w.norm()
            if hooks:
                recorder.on_op("norm", (w,), {}, n, norm, None)
            v = w / n
            if hooks:
                recorder.on_op("truediv", (w, n), {}, v, divide, None)
                recorder.on_assign("v", v, second, None)
        if not hooks:
            return 0.0
        recorder.on_loop_end(loop)
        started = time.process_time()
        recorder.trace.records()
        return time.process_time() - started

    plain = hooked = window = float("inf")
    for _ in range(args.reps):
        started = time.process_time()
        records = run(True)
        hooked = min(hooked, time.process_time() - started - records)
        window = min(window, records)
        started = time.process_time()
        run(False)
        plain = min(plain, time.process_time() - started)
    print(f"{args.checkout}: plain loop {plain * 1e3:.2f} ms, hooks {max(0.0, hooked - plain) * 1e3:.2f} ms "
          f"over plain, window records {window * 1e3:.2f} ms (min CPU of {args.reps})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
