"""Per-call cost of the Recorder's hooks in one loop program (issue 9): each hook wrapped in a
perf_counter_ns timer (the wrapper's own cost, measured on a no-op, subtracted), the minimum over
--reps runs of the mean per call. Wall time: on a loaded machine compare two checkouts in the same
minute, and trust bench/recorder_hooks.py / the A/B of CPU times for the totals. A nested hook's
time is also inside its caller's (on_loop's includes _counted's and _close_pass's).

    python3 bench/recorder_percall.py power_iteration [--reps 5] [--checkout PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOOKS = ("on_op", "_skim_op", "_record_op", "on_assign", "on_loop", "_counted", "_close_pass", "_forget")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="tests/programs/loop_<program>.py")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--checkout", default=str(REPO))
    args = parser.parse_args(argv)
    sys.path.insert(0, args.checkout)
    import torch

    from autogradlab.engine import run_program
    from autogradlab.engine.recorder import Recorder
    from autogradlab.limits import Limits

    torch.set_num_threads(1)
    source = (Path(args.checkout) / "tests" / "programs" / f"loop_{args.program}.py").read_text()
    names = [name for name in HOOKS if hasattr(Recorder, name)]
    original = {name: getattr(Recorder, name) for name in names}
    totals: dict[str, list] = {}
    clock = time.perf_counter_ns

    def wrap(name, fn):
        def timed(*a, **k):
            started = clock()
            out = fn(*a, **k)
            cell = totals[name]
            cell[0] += clock() - started - cell[2]
            cell[1] += 1
            return out
        return timed

    def nothing(*a, **k):
        return None

    def wrapper_cost() -> float:
        totals["_"] = [0, 0, 0]
        timed = wrap("_", nothing)
        for _ in range(20_000):
            timed(1, 2, 3)
        return totals["_"][0] / totals["_"][1]

    overhead = min(wrapper_cost() for _ in range(5))
    limits = Limits(timeout_s=60)
    run_program(source, limits=limits)
    best: dict[str, tuple[float, int]] = {}
    for _ in range(args.reps):
        for name in names:
            totals[name] = [0, 0, overhead]
            setattr(Recorder, name, wrap(name, original[name]))
        try:
            run_program(source, limits=limits)
        finally:
            for name in names:
                setattr(Recorder, name, original[name])
        for name in names:
            spent, calls, _ = totals[name]
            if calls and spent / calls < best.get(name, (float("inf"), 0))[0]:
                best[name] = (spent / calls, calls)
    print(f"{args.checkout} {args.program}: wrapper cost {overhead:.0f} ns subtracted")
    for name in names:
        if name in best:
            print(f"  {name:12s} {best[name][0] / 1000:6.2f} us x {best[name][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
