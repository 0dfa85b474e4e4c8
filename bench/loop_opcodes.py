"""Python bytecodes run_program executes for a loop program: a speed proxy that load cannot blur.

On a machine shared with other jobs, CPU times of the same run vary by 2x; the number of Python
opcodes the interpreter, the recorder and the report execute (sys.settrace with f_trace_opcodes)
is the same every run. It counts Python work only (not torch's kernels, nor C calls such as a
tensor's getters), so it shows the engine's own overhead and where it goes; confirm a change with
the CPU-time A/B (loop_programs.py --cpu) when the machine is quiet.

    python bench/loop_opcodes.py [--top 15] [NAME ...]      (names without loop_ and .py)

Prints, per program, the total and the functions with the most opcodes (calls, opcodes per call).
Run it from two checkouts to compare them.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO  # noqa: E402


def count(source: str) -> tuple[int, collections.Counter, collections.Counter]:
    """(opcodes, opcodes per function, calls per function) of one run_program(source), warm."""
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits

    limits = Limits(timeout_s=600)   # tracing is ~30x slower: the limit must not cut the run
    run_program(source, limits=limits)
    opcodes: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    root = str(REPO) + "/"

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202
        frame.f_trace_opcodes = True
        code = frame.f_code
        key = f"{code.co_filename.replace(root, '')}:{code.co_firstlineno} {code.co_name}"
        calls[key] += 1

        def local(frame, event, arg):  # noqa: ANN001, ANN202
            if event == "opcode":
                opcodes[key] += 1
            return local
        return local

    sys.settrace(tracer)
    try:
        run_program(source, limits=limits)
    finally:
        sys.settrace(None)
    return sum(opcodes.values()), opcodes, calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=["power_iteration", "polyfit_300", "newton"])
    parser.add_argument("--top", type=int, default=15, help="functions listed per program")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    for name in args.names:
        source = (REPO / "tests" / "programs" / f"loop_{name}.py").read_text(encoding="utf-8")
        total, opcodes, calls = count(source)
        print(f"\n{name}: {total:,} Python opcodes in run_program")
        for key, n in opcodes.most_common(args.top):
            share, each = 100 * n / total, n / calls[key]
            print(f"  {n:>10,} {share:5.1f}%  {calls[key]:>7,} calls  {each:6.0f}/call  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
