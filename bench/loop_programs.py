"""Loop-heavy lesson programs: plain PyTorch vs the engine vs the warm sandbox (issue 9, part 1).

For every tests/programs/loop_*.py (training loops, Newton's method, power iteration, ...) this
prints the median wall time of:
  plain    exec() of the text by real Python in this process, torch.set_num_threads(1) like the
           sandbox workers (trusted lesson text; benchmark only),
  engine   autogradlab.engine.run_program in this process (everything: interpret, record, report),
  sandbox  Report.timing_ms of a warm sandbox run (fork of a fresh job, the run, the way back),
and the ratio sandbox / plain against the issue's target (<= 3x, aim 2x). The three modes are
interleaved within each repetition so that background load hits them alike.

    python bench/loop_programs.py [--reps 5] [--only NAME ...] [--cpu]

--cpu measures process CPU time (time.process_time) of plain and engine in this process instead of
wall time, and leaves the sandbox out: on a machine shared with other jobs (load far above its
cores) wall times mostly measure the queue for a core, and the 5 s limit cuts the engine runs.
A run that stops on a limit is marked in the note and its ratio is not comparable.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table, verdict  # noqa: E402
from bench.engine_latency import run_plain, timed_ms  # noqa: E402

WARM_REST_S = 2.5   # sandbox_warm.warm_rest's time, with room

TARGET_RATIO = 3.0
AIM_RATIO = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="timed runs per program and mode (default 5)")
    parser.add_argument("--only", nargs="*", default=None, help="program names (without loop_ and .py)")
    parser.add_argument("--cpu", action="store_true", help="CPU time in this process, no sandbox")
    args = parser.parse_args(argv)
    if args.cpu:
        return cpu_main(args)

    import torch

    torch.set_num_threads(1)   # the sandbox workers run with one thread (sandbox_warm.warm_first)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.sandbox import get_pool
    from autogradlab.sandbox_zygote import WARM_IDLE_S

    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    pool = get_pool()
    rows = []
    ratios = []
    try:
        pool.warm()
        # The zygote loads the rest (the meta kernels of the size checks, ~1-2 s) once idle for
        # WARM_IDLE_S; a job forked before pays it itself (~0.7 s per run), which is start-up, not
        # the engine's speed (a server is past it seconds after it starts).
        time.sleep(WARM_IDLE_S + WARM_REST_S)
        for path in paths:
            source = path.read_text(encoding="utf-8")
            plain, engine, sandbox, problems = [], [], [], set()
            run_plain(source, path.name)          # warm-up, also of torch's kernels
            run_program(source)
            for _ in range(args.reps):
                torch.manual_seed(0)
                plain.append(timed_ms(lambda: run_plain(source, path.name))[0])  # noqa: B023
                ms, report = timed_ms(lambda: run_program(source))  # noqa: B023
                engine.append(ms)
                if report.error is not None:
                    problems.add(f"engine: {report.error.kind}: {report.error.message}"[:60])
                report = pool.run(source)
                if report.error is not None:
                    problems.add(f"sandbox: {report.error.kind}: {report.error.message}"[:60])
                sandbox.append(report.timing_ms or float("nan"))
            ratio = median(sandbox) / median(plain)
            ratios.append(ratio)
            rows.append([path.stem.removeprefix("loop_"), fmt(median(plain), 1), fmt(median(engine), 1),
                         fmt(median(sandbox), 1), fmt(ratio, 2), fmt(median(engine) / median(plain), 2),
                         "; ".join(sorted(problems))])
    finally:
        close = getattr(pool, "close", None)
        if close is not None:
            close()
    print(f"\nLoop programs, median of {args.reps} runs (ms), one torch thread everywhere; "
          f"ratio = sandbox timing_ms / plain\n")
    print_table(["program", "plain ms", "engine ms", "sandbox ms", "ratio", "engine/plain", "note"], rows)
    if ratios:
        worst = max(ratios)
        print(f"\nworst ratio {fmt(worst, 2)}x; target <= {TARGET_RATIO:g}x: "
              f"{verdict(worst <= TARGET_RATIO)}; aim <= {AIM_RATIO:g}x: {verdict(worst <= AIM_RATIO)}; "
              f"median ratio {fmt(median(ratios), 2)}x")
    return 0


def cpu_ms(fn):  # noqa: ANN001, ANN201
    """Process CPU time of one call in ms, and what it returned."""
    import time

    start = time.process_time()
    result = fn()
    return (time.process_time() - start) * 1000, result


def cpu_main(args: argparse.Namespace) -> int:
    import gc

    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits

    gc.collect()
    gc.freeze()   # as the sandbox zygote does before forking its workers
    limits = Limits(timeout_s=60)   # the ratio, not the limit: a loaded machine must not cut runs
    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    rows, ratios = [], []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        run_plain(source, path.name)
        run_program(source, limits=limits)
        plain, engine, timing, problems = [], [], [], set()
        for _ in range(args.reps):
            torch.manual_seed(0)
            plain.append(cpu_ms(lambda: run_plain(source, path.name))[0])  # noqa: B023
            ms, report = cpu_ms(lambda: run_program(source, limits=limits))  # noqa: B023
            engine.append(ms)
            timing.append(report.timing_ms or float("nan"))
            if report.error is not None:
                problems.add(f"{report.error.kind}: {report.error.message}"[:60])
        ratio = median(engine) / median(plain)
        ratios.append(ratio)
        rows.append([path.stem.removeprefix("loop_"), fmt(median(plain), 1), fmt(median(engine), 1),
                     fmt(ratio, 2), fmt(median(timing), 1), "; ".join(sorted(problems))])
    print(f"\nLoop programs, median of {args.reps} runs, CPU ms of this process, one torch thread; "
          f"engine = run_program (interpretation and the whole report); ratio = engine / plain; "
          f"timing_ms = the run's own wall time without the report\n")
    print_table(["program", "plain cpu ms", "engine cpu ms", "ratio", "timing_ms", "note"], rows)
    if ratios:
        worst = max(ratios)
        print(f"\nworst ratio {fmt(worst, 2)}x; target <= {TARGET_RATIO:g}x: "
              f"{verdict(worst <= TARGET_RATIO)}; aim <= {AIM_RATIO:g}x: {verdict(worst <= AIM_RATIO)}; "
              f"median ratio {fmt(median(ratios), 2)}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
