"""What one pass of a loop costs, by the kind of pass the skim made of it (issue 9).

engine/skim.py records a loop's first and last passes in full and skims the middle ones (their ops
counted, not recorded); a backward() call hooks its graph (grads.py) unless the passes left surely
run more than KEPT_BACKWARDS backward calls. So a loop's passes come in up to four kinds:

  R+hooks   ops recorded, a backward hooked     (the first pass, the last KEEP_PASSES)
  R         ops recorded, no backward hooked    (e.g. the passes that give the pass-local evidence)
  S+hooks   ops skimmed, a backward hooked      (the last ~SKIM_MIN_BACKWARDS passes but the tail)
  S         ops skimmed, no backward hooked     (the middle of the loop)

For each kind this prints how many passes of the program's first loop were of that kind and the
median wall time of one (perf_counter from the end of one on_loop hook to the start of the next, so
the pass's own statements, the interpreter's and the recorder's work in them; on_loop itself, the
pass's close and the next one's decision, is left out), median over --reps runs. The step from S to
S+hooks is what gradient hooks cost a backward call (session 18: ~45 us of a Newton pass's ~100).
Wall time: compare two checkouts in the same minute (--checkout), or use bench/loop_layers.py.

    python3 bench/loop_pass_kinds.py [--reps 20] [--only newton power_iteration] [--checkout PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ("R+hooks", "R", "S+hooks", "S")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--only", nargs="*", default=["newton", "power_iteration", "linreg", "mlp_manual"],
                        help="program names (tests/programs/loop_<name>.py)")
    parser.add_argument("--checkout", default=str(REPO), help="import autogradlab from this checkout")
    args = parser.parse_args(argv)
    sys.path.insert(0, args.checkout)

    import torch

    torch.set_num_threads(1)   # as the sandbox workers
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.engine.grads import GradientRecorder
    from autogradlab.engine.recorder import Recorder

    clock = time.perf_counter
    state: dict = {"started": None, "kind": None, "depth": 0, "hooked": False}
    spans: dict[str, list[float]] = defaultdict(list)
    on_loop, on_loop_start, on_loop_end = Recorder.on_loop, Recorder.on_loop_start, Recorder.on_loop_end
    begin = GradientRecorder.begin

    def close(now: float) -> None:
        if state["depth"] == 1 and state["started"] is not None:
            spans[state["kind"] + ("+hooks" if state["hooked"] else "")].append(now - state["started"])

    def timed_loop(self: Recorder, node: object, left: int) -> bool:
        close(clock())
        told = on_loop(self, node, left)
        if state["depth"] == 1:   # the first loop only, not the loops nested in it
            state.update(kind="S" if self.skimming else "R", hooked=False)
            state["started"] = clock()
        return told

    def timed_begin(self: GradientRecorder, *args: object) -> list:
        state["hooked"] = True
        return begin(self, *args)

    def timed_start(self: Recorder, node: object) -> None:
        state["depth"] += 1
        on_loop_start(self, node)

    def timed_end(self: Recorder, node: object) -> None:
        close(clock())
        state["depth"] -= 1
        state["started"] = None
        on_loop_end(self, node)

    Recorder.on_loop, Recorder.on_loop_start, Recorder.on_loop_end = timed_loop, timed_start, timed_end
    GradientRecorder.begin = timed_begin
    print(f"{'program':18}" + "".join(f"{kind:>18}" for kind in KINDS) + "   (passes x median us a pass)")
    for name in args.only:
        source = (REPO / "tests" / "programs" / f"loop_{name}.py").read_text(encoding="utf-8")
        for _ in range(2):
            run_program(source)
        per_run: dict[str, list[float]] = defaultdict(list)
        counts: dict[str, int] = {}
        for _ in range(args.reps):
            spans.clear()
            state.update(started=None, kind=None, depth=0)
            run_program(source)
            for kind, values in spans.items():
                per_run[kind].append(statistics.median(values))
                counts[kind] = len(values)
        cells = [f"{counts[kind]:>5} x {statistics.median(per_run[kind]) * 1e6:7.1f} us" if kind in counts
                 else f"{'-':>18}" for kind in KINDS]
        print(f"{name:18}" + "".join(f"{cell:>18}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
