"""What each Recorder hook costs per call in a loop program (issue 9: where "record" goes).

bench/loop_layers.py says how much of a run is recording (run - language); this says which hooks
it is: every ProgramHooks method the loop calls (on_op, on_assign, on_number, on_loop, the backward
hooks) and the weak-reference callback _forget, each wrapped (benchmark only) and timed per call
with time.perf_counter_ns. Medians per call, so a call that happened to be preempted (a shared
machine) does not count; calls per run and median x calls, the typical cost per run. The wrapper
itself costs about its "floor" (printed). _forget runs inside on_assign when a rebinding frees the
old tensor: on_assign's figure includes it.

    python bench/loop_hook_times.py [--reps 5] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, print_table  # noqa: E402

HOOKS = ("on_op", "on_assign", "on_number", "on_loop", "before_backward", "after_backward", "_forget")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="timed runs per program (default 5)")
    parser.add_argument("--only", nargs="*", default=["power_iteration", "newton"],
                        help="program names (without loop_ and .py)")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)   # as the sandbox workers
    from autogradlab.engine import run_program
    from autogradlab.engine.recorder import Recorder
    from autogradlab.limits import Limits

    clock = time.perf_counter_ns
    calls: dict[str, list[int]] = {name: [] for name in HOOKS}
    originals = {name: getattr(Recorder, name) for name in HOOKS}

    def timed(name: str):  # noqa: ANN202 - a hook, timed (benchmark only)
        hook, times = originals[name], calls[name]

        def run(self, *args):  # noqa: ANN001, ANN002, ANN202
            start = clock()
            result = hook(self, *args)
            times.append(clock() - start)
            return result
        return run

    def nothing(*args) -> None:  # noqa: ANN002
        return None

    floor = []
    for _ in range(2000):
        start = clock()
        nothing(None, 1)
        floor.append(clock() - start)
    limits = Limits(timeout_s=60)
    rows = []
    for name in HOOKS:   # _forget too: the Recorder binds it at construction
        setattr(Recorder, name, timed(name))
    gc.collect()
    gc.freeze()
    try:
        for program in args.only:
            source = (REPO / "tests" / "programs" / f"loop_{program}.py").read_text(encoding="utf-8")
            for _ in range(2):
                run_program(source, limits=limits)
            for times in calls.values():
                times.clear()
            for _ in range(args.reps):
                run_program(source, limits=limits)
            for name, times in calls.items():
                if times:
                    per_run, median = len(times) / args.reps, statistics.median(times)
                    rows.append([program, name, fmt(per_run, 0), fmt(median / 1000, 2),
                                 fmt(per_run * median / 1e6, 2)])
    finally:
        for name, hook in originals.items():
            setattr(Recorder, name, hook)
    print(f"\nRecorder hooks per call, median of {args.reps} runs; the wrapper's floor "
          f"{statistics.median(floor) / 1000:.2f} us a call\n")
    print_table(["program", "hook", "calls/run", "median us", "median x calls ms/run"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
