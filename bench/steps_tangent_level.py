"""The Steps page's tangent run with its dual level opened late (at the output graph's first op) vs from
the program's start (issue 9, session 32: engine/tangent_run.py LATE_LEVEL).

For the loop programs and the long-loop tutorials, in this process with one torch thread, alternating
the two modes within each repetition: the CPU ms of the whole Steps run (run_program with
StepOptions(), what the Steps page asks) and of its tangent run alone, with a 60 s limit (so a loaded
machine measures the work instead of stopping it); then one run of each mode at the default limits,
which says whether forward mode finished ("ok") or stopped ("stopped": the note a student sees).

    python bench/steps_tangent_level.py [--reps 3] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, median, print_table  # noqa: E402

TUTORIALS = ("tutorial_polynomial_autograd_grad_none.py", "tutorial_polynomial_custom_function.py",
             "tutorial_karpathy_makemore_bn.py", "tutorial_d2l_zh_linreg_scratch.py",
             "tutorial_own_fit_autograd_params.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None, help="file names without .py")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    sys.path.insert(0, str(REPO))
    import autogradlab.engine.tangent_run as tangent_run
    from autogradlab.engine import run_program
    from autogradlab.limits import DEFAULT_LIMITS
    from autogradlab.step_records import StepOptions
    from tests.programs.manifest import LOOP_PROGRAMS
    from tests.programs.manifest import TUTORIALS as ALL_TUTORIALS

    specs = [s for s in LOOP_PROGRAMS if not s.slow] + [s for s in ALL_TUTORIALS if s.file in TUTORIALS]
    if args.only:
        specs = [s for s in specs if s.file.removesuffix(".py") in args.only]
    long_limits = replace(DEFAULT_LIMITS, timeout_s=60.0)
    spent: list[float] = []
    real = tangent_run.run_tangents

    def timed(*a, **k):
        started = time.process_time()
        try:
            return real(*a, **k)
        finally:
            spent.append((time.process_time() - started) * 1000.0)

    tangent_run.run_tangents = timed
    rows = []
    for spec in specs:
        cpu = {True: [], False: []}
        tangent = {True: [], False: []}
        for late in (True, False):   # warm-up
            tangent_run.LATE_LEVEL = late
            run_program(spec.source, seed=spec.seed, steps=StepOptions(), limits=long_limits)
        for _ in range(args.reps):
            for late in (False, True):
                tangent_run.LATE_LEVEL = late
                spent.clear()
                started = time.process_time()
                run_program(spec.source, seed=spec.seed, steps=StepOptions(), limits=long_limits)
                cpu[late].append((time.process_time() - started) * 1000.0)
                tangent[late].append(sum(spent))
        finished = {}
        for late in (False, True):
            tangent_run.LATE_LEVEL = late
            report = run_program(spec.source, seed=spec.seed, steps=StepOptions())
            notes = report.steps.notes if report.steps is not None else ()
            finished[late] = ("error" if not report.ok else
                              "stopped" if any("forward mode stopped" in n for n in notes) else "ok")
        rows.append([spec.file.removesuffix(".py"),
                     f"{median(cpu[False]):.0f}", f"{median(cpu[True]):.0f}",
                     f"{median(tangent[False]):.0f}", f"{median(tangent[True]):.0f}",
                     finished[False], finished[True]])
    tangent_run.LATE_LEVEL = True
    print(f"\nSteps runs, CPU ms, median of {args.reps} (one torch thread); level from the start -> late\n")
    print_table(["program", "steps start", "steps late", "tangent start", "tangent late",
                 "default limits start", "late"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
