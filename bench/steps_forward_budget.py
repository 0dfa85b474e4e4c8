"""The Steps page's forward mode on long programs under load: the tangent run's time budget of session 33
(its own 0.8 share of the time limit, ending by 1.4× from the Steps run's start, in a job whose hard limit is
limits.STEPS_JOB_TIME_FACTOR = 1.8×) against session 32's (ending by 0.6× of the one limit, from the start).

In this process with one torch thread and `--load N` processes spinning on the other cores (what the app and
Chromium take on the 2-core machine when a student opens the page), alternating the two rules within each
repetition: the wall ms of the Steps run (run_program with StepOptions(), at the default limits, so the wall
clock decides as in a worker) and whether forward mode finished ("ok") or stopped (the note a student sees).

    python bench/steps_forward_budget.py [--reps 3] [--load 2] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, median, print_table  # noqa: E402

PROGRAMS = ("loop_polyfit_300.py", "loop_polyfit_2000.py", "loop_logistic.py", "loop_scalar_chain.py",
            "tutorial_polynomial_autograd_grad_none.py", "tutorial_d2l_zh_linreg_scratch.py",
            "tutorial_karpathy_makemore_bn.py")


def _spin(stop_at: float) -> None:
    while time.time() < stop_at:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--load", type=int, default=2, help="spinning processes beside the runs")
    parser.add_argument("--only", nargs="*", default=None, help="file names without .py")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    sys.path.insert(0, str(REPO))
    from autogradlab.engine import run_program, step_run
    from autogradlab.step_records import StepOptions
    from tests.programs.manifest import LOOP_PROGRAMS, TUTORIALS

    specs = [s for s in (*LOOP_PROGRAMS, *TUTORIALS) if s.file in PROGRAMS]
    if args.only:
        specs = [s for s in specs if s.file.removesuffix(".py") in args.only]
    rules = {"s32": (0.6, 0.6), "s33": (step_run.TANGENT_TIME_SHARE, step_run.TANGENT_END_SHARE)}
    spinners = [multiprocessing.Process(target=_spin, args=(time.time() + 3600,), daemon=True)
                for _ in range(args.load)]
    for p in spinners:
        p.start()
    rows = []
    try:
        for spec in specs:
            walls: dict[str, list[float]] = {name: [] for name in rules}
            outcomes: dict[str, list[str]] = {name: [] for name in rules}
            for _ in range(args.reps):
                for name, (own, end) in rules.items():
                    step_run.TANGENT_TIME_SHARE, step_run.TANGENT_END_SHARE = own, end
                    started = time.perf_counter()
                    report = run_program(spec.source, seed=spec.seed, steps=StepOptions())
                    walls[name].append((time.perf_counter() - started) * 1000.0)
                    notes = report.steps.notes if report.steps is not None else ("forward mode stopped",)
                    stopped = any("forward mode stopped" in n for n in notes)
                    outcomes[name].append("stopped" if stopped else "ok")
            rows.append([spec.file.removesuffix(".py")]
                        + [f"{median(walls[n]):,.0f}" for n in rules]
                        + [" ".join(outcomes[n]) for n in rules])
            print(*rows[-1], sep=" | ", flush=True)
    finally:
        for p in spinners:
            p.terminate()
    print_table(["program", "wall ms, s32 rule", "s33 rule", "forward mode, s32 rule", "s33 rule"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
