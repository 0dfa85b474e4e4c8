"""The same torch kernel, timed inside and outside the engine (issue 9: where power iteration's 3x goes).

power_iteration's engine/plain ratio is not all Python around the ops: the ops themselves run
slower inside the engine. This times one call, the `w.norm()` kernel of every pass
(compiled_method_calls._vector_norm, wrapped for the benchmark only), per call with
time.perf_counter_ns, median over --reps runs of the program, in three settings interleaved:

  plain     a Python loop doing the program's pass (A @ v, the norm, the division), nothing between
  language  the interpreter with lang.hooks.NullHooks (every check and limit, no recording)
  engine    run_program (the language and the Recorder: numbers, names, the skimmed window)

Measured on 2026-12-03 (2 shared cores, load 2-9): plain ~1.7 us, language ~1.9 us, engine 2.0-5.4 us
(most runs ~5 us, some ~2 us: it moves with the machine's load, plain and language do not). The
kernel is the same call with the same arguments and torch's global state is the same (no mode,
hook or switch differs). Turning off one piece of the recording at a time (the window's ghost step,
grad_fn/requires_grad reads, the argument loop, _forget's pops, on_assign) brings it down only a
little; only with neither on_op's nor on_assign's work is it back at ~1.9 us. perf's CPU samples
inside the kernel land on function entries all over the dispatcher (cold instruction caches) and
show less (~1.3x in a 30,000-pass run): part of the wall-time excess is the core's share under load.
So recording work per op costs again in the ops after it; it is not one removable piece.

    python bench/loop_op_slowdown.py [--reps 5]
"""

from __future__ import annotations

import argparse
import ast
import gc
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO  # noqa: E402

PASSES = 300


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="runs per setting (default 5)")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)   # as the sandbox workers
    from autogradlab.engine import run_program
    from autogradlab.lang import compiled_method_calls
    from autogradlab.lang import interpreter as interpreter_module
    from autogradlab.lang.hooks import NullHooks
    from autogradlab.limits import Limits

    source = (REPO / "tests" / "programs" / "loop_power_iteration.py").read_text(encoding="utf-8")
    limits = Limits(timeout_s=60)
    kernel = compiled_method_calls._vector_norm
    times: list[int] = []
    clock = time.perf_counter_ns

    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the kernel, timed (benchmark only)
        start = clock()
        result = kernel(*args, **kwargs)
        times.append(clock() - start)
        return result

    def plain() -> None:
        a = torch.randn(100, 100)
        a = a @ a.T / 100
        v = torch.ones(100)
        for _ in range(PASSES):
            w = a @ v
            v = w / timed(w, 2, None, False, dtype=None)

    def language() -> None:
        interpreter_module.Interpreter(ast.parse(source), source, limits=limits, hooks=NullHooks(),
                                       generator=torch.Generator().manual_seed(0)).run()

    settings = {"plain": plain, "language": language, "engine": lambda: run_program(source, limits=limits)}
    medians: dict[str, list[float]] = {name: [] for name in settings}
    compiled_method_calls._vector_norm = timed
    gc.collect()
    gc.freeze()
    try:
        for run in settings.values():   # warm-up
            run()
        for _ in range(args.reps):
            for name, run in settings.items():
                times.clear()
                run()
                medians[name].append(statistics.median(times))
    finally:
        compiled_method_calls._vector_norm = kernel
    print(f"\nw.norm()'s kernel per call, median ns (median of {args.reps} runs of {PASSES} passes)\n")
    base = statistics.median(medians["plain"])
    for name, values in medians.items():
        value = statistics.median(values)
        print(f"  {name:9s} {value:7.0f} ns   x{value / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
