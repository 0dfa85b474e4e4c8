"""Where a loop program's time goes, layer by layer (issue 9): torch, the language, the recorder, the report.

bench/loop_programs.py gives one ratio per program; this splits the engine's time over plain
PyTorch into the layers that add it, CPU time of this process (steady under load), median of --reps:

  plain     exec() of the text by real Python, one torch thread (trusted lesson text; benchmark only)
  language  the interpreter alone: the same tree run with lang.hooks.NullHooks (every check, size
            and limit of the language; no op record, no names, no gradient capture, no report)
  run       run_program's interpreter.run (the language with the engine's Recorder as its hooks)
  engine    the whole run_program (also the parse, the checks and the report: values, graph, window)

and the shares of the engine's excess over plain: language - plain (interpreting), run - language
(recording), engine - run (parse and report). The sandbox's hand-over and the report's way back
come on top (bench/sandbox_timeline.py).

    python bench/loop_layers.py [--reps 9] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import ast
import gc
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402
from bench.engine_latency import run_plain  # noqa: E402


def cpu_ms(fn) -> float:  # noqa: ANN001
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9, help="timed runs per program and layer (default 9)")
    parser.add_argument("--only", nargs="*", default=None, help="program names (without loop_ and .py)")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)   # as the sandbox workers
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.engine.run import GC_THRESHOLD
    from autogradlab.lang import interpreter as interpreter_module
    from autogradlab.lang.hooks import NullHooks
    from autogradlab.limits import Limits

    limits = Limits(timeout_s=60)   # the layers, not the limit: a loaded machine must not cut runs
    inner: list[float] = []
    original_run = interpreter_module.Interpreter.run

    def timed_run(self) -> None:  # noqa: ANN001 - Interpreter.run, timed (benchmark only)
        start = time.process_time()
        try:
            original_run(self)
        finally:
            inner.append((time.process_time() - start) * 1000.0)

    def language(source: str) -> None:
        threshold = gc.get_threshold()
        gc.set_threshold(*GC_THRESHOLD)   # as run_program sets it
        try:
            tree = ast.parse(source)
            generator = torch.Generator().manual_seed(0)
            interpreter = interpreter_module.Interpreter(tree, source, limits=limits, generator=generator,
                                                         hooks=NullHooks())
            interpreter.run()
        finally:
            gc.set_threshold(*threshold)

    gc.collect()
    gc.freeze()   # as the sandbox zygote does before forking its workers
    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    rows = []
    interpreter_module.Interpreter.run = timed_run
    try:
        for path in paths:
            source = path.read_text(encoding="utf-8")
            for _ in range(2):   # warm-up, also of torch's kernels
                run_plain(source, path.name)
                language(source)
                run_program(source, limits=limits)
            plain, lang, run, engine = [], [], [], []
            for _ in range(args.reps):   # the layers interleaved: background load hits them alike
                torch.manual_seed(0)
                plain.append(cpu_ms(lambda: run_plain(source, path.name)))  # noqa: B023
                lang.append(cpu_ms(lambda: language(source)))  # noqa: B023
                inner.clear()
                engine.append(cpu_ms(lambda: run_program(source, limits=limits)))  # noqa: B023
                run.append(sum(inner))
            p, la, r, e = median(plain), median(lang), median(run), median(engine)
            excess = max(e - p, 1e-9)
            rows.append([path.stem.removeprefix("loop_"), fmt(p, 1), fmt(la, 1), fmt(r, 1), fmt(e, 1),
                         fmt(e / p, 2), f"{100 * (la - p) / excess:.0f}%", f"{100 * (r - la) / excess:.0f}%",
                         f"{100 * (e - r) / excess:.0f}%"])
    finally:
        interpreter_module.Interpreter.run = original_run
    print(f"\nLoop programs by layer, median CPU ms of {args.reps} runs, one torch thread; the last three "
          f"columns split engine - plain\n")
    print_table(["program", "plain", "language", "run", "engine", "engine/plain", "interpret", "record",
                 "parse+report"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
