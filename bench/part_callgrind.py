"""Instructions (valgrind callgrind) of one part of a run, per checkout: the part's calls only, counted
between two client requests (CALLGRIND_TOGGLE_COLLECT, a four-line C library built here with gcc and
valgrind's callgrind.h, called through ctypes), so a part called 2,000 times a run costs no process
start per call (wayback_callgrind.py's `callgrind_control -i` runs one per toggle). Session 44, issue 9;
session 45 added interpret, torchviz, values and on_op_full (--program: any tests/programs name).

Parts (nested calls of a part count once, in the outermost):
  on_op        SkimmedOps.on_op (the recorder, every op)      before_backward  BackwardHooks.before_backward
  runner       the captured backward itself                   graph            run._graph_of (the graph build)
  on_assign    NameHooks.on_assign                            on_loop          SkimHooks.on_loop
  let_go       run._let_go                                    release_all      GradientRecorder.release_all
  collection   run.release_collection (the held young collection)
  run          run_program, whole                             interpret    Interpreter.run (the program)
  torchviz     run.make_torchviz_dot (the picture)            values       ReportValues.value (variables)
  on_op_full   FullRecords._record_one (an op recorded in full, inside on_op)
  plain        the program run by exec() in plain PyTorch (its prints discarded), the same toggles
Each child runs the program three times uninstrumented, then --reps times counted (a 600 s time limit:
an instrumented run is ~50 times slower). The toggles' own ctypes calls are counted (~1,100
instructions a call: on_op's 2,001 calls a run, ~2.2 M of its ~51 M); compare checkouts, not parts.
Prints millions of instructions per repetition; PYTHONHASHSEED=0.

    python3 bench/part_callgrind.py /work/wt/base44 . --parts graph on_op [--program loop_scalar_chain]
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wayback_callgrind import callgrind_millions  # noqa: E402

PARTS = {
    "on_op": ("autogradlab.engine.skimmed_ops", "SkimmedOps", "on_op"),
    "before_backward": ("autogradlab.engine.backward_hooks", "BackwardHooks", "before_backward"),
    "runner": ("autogradlab.engine.captured_backward", None, "runner"),
    "graph": ("autogradlab.engine.run", None, "_graph_of"),
    "on_assign": ("autogradlab.engine.name_hooks", "NameHooks", "on_assign"),
    "on_loop": ("autogradlab.engine.skim", "SkimHooks", "on_loop"),
    "let_go": ("autogradlab.engine.run", None, "_let_go"),
    "release_all": ("autogradlab.engine.grads", "GradientRecorder", "release_all"),
    "collection": ("autogradlab.engine.run", None, "release_collection"),
    "run": ("autogradlab.engine.run", None, "run_program"),
    "interpret": ("autogradlab.lang.interpreter", "Interpreter", "run"),
    "torchviz": ("autogradlab.engine.run", None, "make_torchviz_dot"),
    "values": ("autogradlab.engine.report_values", "ReportValues", "value"),
    "on_op_full": ("autogradlab.engine.full_records", "FullRecords", "_record_one"),
    "plain": (None, None, None),
}
_TOGGLE_C = "#include <valgrind/callgrind.h>\nvoid toggle(void) { CALLGRIND_TOGGLE_COLLECT; }\n"


def _toggle_library(directory: str) -> str:
    source, library = Path(directory) / "toggle.c", Path(directory) / "libtoggle.so"
    source.write_text(_TOGGLE_C, encoding="utf-8")
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return str(library)


def _wrapped(fn, toggle, active: list[bool], depth: list[int]):  # noqa: ANN001, ANN202
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        outer = active[0] and not depth[0]
        depth[0] += 1
        if outer:
            toggle()
        try:
            return fn(*args, **kwargs)
        finally:
            depth[0] -= 1
            if outer:
                toggle()
    return wrapper


def child(root: str, program: str, part: str, reps: int, library: str) -> None:
    sys.path.insert(0, root)
    import torch

    torch.set_num_threads(1)
    toggle = ctypes.CDLL(library).toggle
    from autogradlab.engine import run as run_module
    from autogradlab.limits import Limits

    source = (Path(root) / "tests" / "programs" / f"{program}.py").read_text(encoding="utf-8")
    if part == "plain":   # the program under plain PyTorch (exec, its prints discarded): the same toggles
        _plain(source, reps, toggle)
    module, cls, name = PARTS[part]
    owner = importlib.import_module(module)
    owner = getattr(owner, cls) if cls else owner
    fn, active, depth = getattr(owner, name), [False], [0]
    if part == "runner":   # the function runner() returns is the backward
        setattr(owner, name, lambda *a, **k: _wrapped(fn(*a, **k), toggle, active, depth))
    else:
        setattr(owner, name, _wrapped(fn, toggle, active, depth))
    limits, kept = Limits(timeout_s=600), []
    for _ in range(3):
        kept.append(run_module.run_program(source, limits=limits))
    active[0] = True
    for _ in range(reps):
        kept.append(run_module.run_program(source, limits=limits))
    os._exit(0)


def _plain(source: str, reps: int, toggle) -> None:  # noqa: ANN001
    import contextlib
    import io

    code = compile(source, "<program>", "exec")
    with contextlib.redirect_stdout(io.StringIO()):
        for _ in range(3):
            exec(code, {})   # noqa: S102 - the repository's own benchmark program
        for _ in range(reps):
            toggle()
            exec(code, {})   # noqa: S102
            toggle()
    os._exit(0)


def measure(root: Path, program: str, part: str, reps: int, library: str) -> float | None:
    arguments = [__file__, "--child", str(root), "--program", program, "--parts", part, "--reps", str(reps),
                 "--library", library]
    return callgrind_millions("--collect-atstart=no", arguments, reps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+")
    parser.add_argument("--program", default="loop_scalar_chain")
    parser.add_argument("--parts", nargs="+", default=["graph", "on_op"], choices=sorted(PARTS))
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--library", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.checkouts[0], args.program, args.parts[0], args.reps, args.library)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        library = _toggle_library(tmp)
        print(f"{args.program}: millions of instructions per repetition ({args.reps} each)")
        print(f"{'checkout':40s} " + " ".join(f"{p:>16s}" for p in args.parts))
        for checkout in args.checkouts:
            root = Path(checkout).resolve()
            figures = [measure(root, args.program, part, args.reps, library) for part in args.parts]
            print(f"{str(root):40s} " + " ".join("               ?" if f is None else f"{f:16.2f}"
                                                 for f in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
