"""Loop programs through the language alone: plain PyTorch vs the interpreter with no-op hooks vs
the engine (issue 9, part 1).

For every tests/programs/loop_*.py this prints the median process CPU time (time.process_time) of:
  plain     exec() of the text by real Python in this process (trusted lesson text; benchmark only),
  interp    autogradlab.lang's Interpreter with NullHooks (parse, check, interpret, size checks;
            nothing recorded): what the language itself costs,
  engine    autogradlab.engine.run_program (the language, the recording and the whole report),
interleaved within each repetition, one torch thread, so that background load hits them alike; and
the ratios interp / plain and engine / plain. The difference engine - interp is the engine's share.

    python bench/loop_interpreter.py [--reps 5] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402
from bench.engine_latency import run_plain  # noqa: E402
from bench.loop_programs import cpu_ms  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="timed runs per program and mode (default 5)")
    parser.add_argument("--only", nargs="*", default=None, help="program names (without loop_ and .py)")
    args = parser.parse_args(argv)

    import gc

    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.lang.hooks import NullHooks
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.parse import parse_program
    from autogradlab.limits import Limits

    limits = Limits(timeout_s=60)   # the ratio, not the limit: a loaded machine must not cut runs

    def interpret(source: str) -> str | None:
        interp = Interpreter(parse_program(source, limits), source, limits=limits,
                             generator=torch.Generator().manual_seed(0), hooks=NullHooks())
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                interp.run()
        except Exception as exc:  # noqa: BLE001 - shown in the note
            return f"interp: {type(exc).__name__}: {exc}"[:60]
        return None

    gc.collect()
    gc.freeze()
    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    rows = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        run_plain(source, path.name)
        interpret(source)
        run_program(source, limits=limits)
        plain, interp, engine, problems = [], [], [], set()
        for _ in range(args.reps):
            torch.manual_seed(0)
            plain.append(cpu_ms(lambda: run_plain(source, path.name))[0])  # noqa: B023
            ms, problem = cpu_ms(lambda: interpret(source))  # noqa: B023
            interp.append(ms)
            if problem:
                problems.add(problem)
            ms, report = cpu_ms(lambda: run_program(source, limits=limits))  # noqa: B023
            engine.append(ms)
            if report.error is not None:
                problems.add(f"engine: {report.error.kind}: {report.error.message}"[:60])
        base = median(plain)
        rows.append([path.stem.removeprefix("loop_"), fmt(base, 1), fmt(median(interp), 1),
                     fmt(median(interp) / base, 2), fmt(median(engine), 1), fmt(median(engine) / base, 2),
                     "; ".join(sorted(problems))])
    print(f"\nLoop programs, median of {args.reps} runs, CPU ms of this process, one torch thread; "
          f"interp = the Interpreter with no-op hooks; engine = run_program\n")
    print_table(["program", "plain cpu ms", "interp cpu ms", "interp/plain", "engine cpu ms",
                 "engine/plain", "note"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
