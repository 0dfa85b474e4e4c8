"""Steps-engine overhead per lesson program: run_program without steps vs with steps.

For every program in tests/programs/ that the manifest expects to run (plus a 3,000-op loop), the
median wall time, in this process, of
  plain   autogradlab.engine.run_program(source)                       (what the Graph page asks)
  steps   run_program(source, steps=StepOptions(backward_if_missing=True))   (what the Steps page asks:
          forward + reverse steps, a tangent run along the default direction, mode cost)
interleaved within each repetition, after one warm-up run of each. No target: the issue asks for the
figures. The tangent run re-interprets the program once, so "steps" is at most about twice "plain"
plus the step records.

    python bench/steps_engine.py [--reps 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402

BIG_LOOP = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x\n"
            "for i in range(1500):\n    y = y * 1.0001 + 0.001\ns = y.sum()\ns.backward()\n")


def programs() -> list[tuple[str, str, int]]:
    sys.path.insert(0, str(REPO))
    from tests.programs.manifest import PROGRAMS

    seen, chosen = set(), []
    for spec in PROGRAMS:
        if spec.ok and spec.file not in seen:
            seen.add(spec.file)
            chosen.append((spec.file.removesuffix(".py"), spec.source, spec.seed))
    chosen.append(("loop_3000_ops", BIG_LOOP, 0))
    return chosen


def timed(fn) -> float:  # noqa: ANN001
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    options = StepOptions(backward_if_missing=True)
    rows, plains, overheads = [], [], []
    for name, source, seed in programs():
        report = run_program(source, seed=seed, steps=options)   # warm-up (and the step counts)
        run_program(source, seed=seed)
        plain, stepped = [], []
        for _ in range(args.reps):
            plain.append(timed(lambda s=source, n=seed: run_program(s, seed=n)))
            stepped.append(timed(lambda s=source, n=seed: run_program(s, seed=n, steps=options)))
        steps = report.steps
        tangents = len(steps.tangent.entries) if steps and steps.tangent else 0
        counts = f"{len(steps.forward)}/{len(steps.reverse)}/{tangents}" if steps else "no graph"
        p, s = median(plain), median(stepped)
        plains.append(p)
        overheads.append(s - p)
        rows.append([name, counts, fmt(p), fmt(s), fmt(s - p), fmt(s / p if p else None, 2)])
    rows.append(["median", "", fmt(median(plains)), "", fmt(median(overheads)), ""])
    print(f"steps-engine overhead, median of {args.reps} runs per program (in-process run_program)")
    print_table(["program", "fwd/rev/tan steps", "plain ms", "steps ms", "overhead ms", "ratio"], rows)


if __name__ == "__main__":
    main()
