"""Where one in-process run of a loop program goes, part by part (issue 9, session 27): the
Recorder's per-pass hooks (calls per run, us a call) and the run's fixed parts (the program's
closures compiled, the skim's loop analyses, the report's values, graph and torchviz picture).

Each part is wrapped (monkeypatched in this process only) by a perf_counter_ns stamp; the run is
warmed, then run --runs times; the table gives us per run, calls per run and us per call. The
wrappers add ~0.2-0.4 us a call and nested parts count inside their callers (on_loop holds
check_pass), so read the shares, not sums; a part absent from a run (no torchviz picture without a
graph) has no row.

    python3 -m bench.run_phases [--program loop_newton] [--runs 50]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, print_table  # noqa: E402


def _parts() -> list[tuple[object, str, str]]:
    """(owner, attribute, label) of every part timed."""
    import autogradlab.engine.backward_hooks as backward_hooks
    import autogradlab.engine.captured_backward as captured_backward
    import autogradlab.engine.grads as grads
    import autogradlab.engine.name_hooks as name_hooks
    import autogradlab.engine.pass_checks as pass_checks
    import autogradlab.engine.run as run
    import autogradlab.engine.skim as skim
    import autogradlab.engine.skimmed_ops as skimmed_ops
    import autogradlab.lang.compiled as compiled
    import autogradlab.lang.interpreter as interpreter
    import autogradlab.lang.loop_skim as loop_skim
    return [
        (skimmed_ops.SkimmedOps, "on_op", "hook: on_op"),
        (name_hooks.NameHooks, "on_assign", "hook: on_assign"),
        (skim.SkimHooks, "on_loop", "hook: on_loop"),
        (pass_checks.PassChecks, "check_pass", "  on_loop: check_pass"),
        (backward_hooks.BackwardHooks, "before_backward", "hook: before_backward"),
        (grads.GradientRecorder, "begin", "  before_backward: grads.begin"),
        (grads.GradientRecorder, "begin_captured", "  before_backward: begin_captured"),
        (grads, "walk_graph", "    begin_captured: walk_graph"),
        (captured_backward, "plan_of", "    begin_captured: plan_of"),
        (grads, "read_saved_into", "    begin_captured: read_saved_into"),
        (captured_backward, "runner", "fixed: captured backward (runner)"),
        (backward_hooks.BackwardHooks, "after_backward", "hook: after_backward"),
        (interpreter.Interpreter, "__init__", "fixed: Interpreter()"),
        (compiled, "compile_block", "fixed: compile_block"),
        (pass_checks.PassChecks, "pass_local", "fixed: pass_local (first call)"),
        (loop_skim, "runs_to_end", "fixed: runs_to_end"),
        (run.ReportValues, "value", "fixed: report values"),
        (run, "_graph_of", "fixed: report graph"),
        (run, "make_torchviz_dot", "fixed: torchviz picture"),
        (run, "_let_go", "fixed: let go of the recorder"),
        (grads.GradientRecorder, "release_all", "fixed: grads.release_all"),
        (run, "release_collection", "fixed: the held young collection"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--program", default="loop_newton")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program

    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()

    def timed(fn, label: str):  # noqa: ANN001, ANN202
        if label.startswith("fixed: captured backward"):   # the function it returns is the backward
            def make(*a, **k):  # noqa: ANN002, ANN003, ANN202
                return timed_call(fn(*a, **k), label)
            return make
        return timed_call(fn, label)

    def timed_call(fn, label: str):  # noqa: ANN001, ANN202
        def wrapper(*a, **k):  # noqa: ANN002, ANN003, ANN202
            start = time.perf_counter_ns()
            try:
                return fn(*a, **k)
            finally:
                spent[label] += time.perf_counter_ns() - start
                calls[label] += 1
        return wrapper

    parts = _parts()
    for owner, name, label in parts:
        setattr(owner, name, timed(getattr(owner, name), label))
    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    for _ in range(5):
        run_program(source)
    spent.clear()
    calls.clear()
    started = time.perf_counter_ns()
    for _ in range(args.runs):
        run_program(source)
    whole = (time.perf_counter_ns() - started) / args.runs / 1000.0
    rows = [(label, fmt(spent[label] / args.runs / 1000.0), fmt(calls[label] / args.runs, 0),
             fmt(spent[label] / calls[label] / 1000.0, 2))
            for _, _, label in parts if calls[label]]
    print(f"{args.program}: run_program {whole:.0f} us a run (wall, {args.runs} runs, parts wrapped)\n")
    print_table(("part", "us/run", "calls/run", "us/call"), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
