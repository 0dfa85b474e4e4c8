"""Steps engine on 3,000-op programs: this checkout against another one (e.g. the code before a change).

For a 3,000-op loop (the one bench/fold_latency.py opens in the browser) and a 3,000-op straight-line
program (500 lines of 6 ops), each checkout runs, in a fresh process of its own,
  plain   autogradlab.engine.run_program(source)
  steps   run_program(source, steps=StepOptions(backward_if_missing=True))   (what the Steps page asks)
  wire    dump_report + load_report of the steps Report (worker -> app)
with a 60 s time limit (so a loaded machine measures the work instead of stopping it), after one
warm-up run each. Wall and CPU ms (median of --reps); CPU is the figure to trust on a shared machine.
The target (issue 6): steps ≤ 1.5 s on a quiet machine.

    python bench/steps_big.py [--reps 3] [--before /path/to/older/checkout]
(e.g. `git archive OLD | tar -x -C /tmp/old && cp bench/steps_big.py /tmp/old/bench/`)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402

LOOP = ("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(1000):\n"
        "    y = torch.sin(y) * 1.001 + 0.01\ny.backward()\n")
STRAIGHT = "\n".join(["import torch", "x = torch.tensor(0.5, requires_grad=True)", "y = x"]
                     + ["y = torch.sin(y) * 1.001 + 0.01; y = torch.sin(y) * 1.001 + 0.01"] * 500
                     + ["y.backward()"]) + "\n"
PROGRAMS = {"loop 3,000 ops": LOOP, "straight 3,000 ops": STRAIGHT}


def _child(reps: int) -> None:
    import dataclasses

    from autogradlab.engine.run import run_program
    from autogradlab.limits import DEFAULT_LIMITS
    from autogradlab.sandbox_wire import dump_report, load_report
    from autogradlab.step_records import StepOptions

    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60.0)
    options = StepOptions(backward_if_missing=True)
    out: dict[str, dict[str, list[float]]] = {}
    for name, source in PROGRAMS.items():
        report = run_program(source, limits=limits, steps=options)
        run_program(source, limits=limits)
        figures: dict[str, list[float]] = {}

        def timed(label: str, fn, figures: dict = figures) -> None:  # noqa: ANN001
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            figures.setdefault(label + " wall", []).append((time.perf_counter() - wall) * 1000)
            figures.setdefault(label + " cpu", []).append((time.process_time() - cpu) * 1000)

        for _ in range(reps):
            timed("plain", lambda s=source: run_program(s, limits=limits))
            timed("steps", lambda s=source: run_program(s, limits=limits, steps=options))
            timed("wire", lambda r=report: load_report(dump_report(r)))
        steps = report.steps
        figures["MB"] = [len(dump_report(report)) / 1e6]
        figures["tangents"] = [len(steps.tangent.entries) if steps and steps.tangent else 0]
        figures["notes"] = [len(steps.notes) if steps else -1]
        out[name] = figures
    print(json.dumps(out))


def measure(root: Path, reps: int) -> dict[str, dict[str, list[float]]]:
    env = dict(os.environ, PYTHONPATH=str(root))
    script = root / "bench" / "steps_big.py"   # the checkout's own copy (copy this file there first)
    done = subprocess.run([sys.executable, str(script), "--child", str(reps)], cwd=root,
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to measure first")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child)
        return
    runs = ([("before", measure(args.before, args.reps))] if args.before else []) + [
        ("this checkout", measure(REPO, args.reps))]
    rows = []
    for name in PROGRAMS:
        for label, figures in runs:
            f = figures[name]
            rows.append([name, label, fmt(median(f["plain wall"])), fmt(median(f["plain cpu"])),
                         fmt(median(f["steps wall"])), fmt(median(f["steps cpu"])),
                         fmt(median(f["wire cpu"])),
                         f"{f['MB'][0]:.2f}", int(f["tangents"][0])])
    print(f"Steps engine on 3,000-op programs, median of {args.reps} (ms; load average "
          f"{os.getloadavg()[0]:.1f}: on a shared machine trust CPU)")
    print_table(["program", "code", "plain wall", "plain cpu", "steps wall", "steps cpu", "wire cpu", "MB",
                 "tangent steps"], rows)


if __name__ == "__main__":
    main()
