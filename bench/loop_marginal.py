"""Loop programs: what one more pass costs, apart from what a run costs once (issue 9).

bench/loop_programs.py divides whole runs: for a loop whose plain run takes 5-15 ms, the engine's
fixed cost (parse, checks, the report's window and graph, a few ms) weighs as much as the loop. This
script separates the two. For every tests/programs/loop_*.py it finds the first top-level
`for ... in range(...)` with literal bounds and runs the program as written (N passes) and with
`--factor` times the passes (the range's stop moved), plain PyTorch and run_program alternately,
CPU time of this process, minimum of --reps. Then

  per pass  = (time at factor*N - time at N) / ((factor - 1) * N), engine and plain,
  fixed     = time at N - N * per pass (what a run costs whatever its length),

and the per-pass ratio engine / plain: the loop's own cost against the issue's <= 3x.
A program whose longer version stops on a limit is marked; the limits are raised for the figures
(max_steps, max_loop_iterations, timeout), never for the product.

    python bench/loop_marginal.py [--reps 5] [--factor 4] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, print_table  # noqa: E402
from bench.engine_latency import run_plain  # noqa: E402


def scaled(source: str, factor: int) -> tuple[str, int] | None:
    """The source with its first top-level literal range() loop run `factor` times as many passes,
    and the number of passes as written; None when there is no such loop."""
    tree = ast.parse(source)
    for node in tree.body:
        call = getattr(node, "iter", None)
        if not (isinstance(node, ast.For) and isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name) and call.func.id == "range"):
            continue
        args = call.args
        if not args or len(args) > 2 or not all(isinstance(a, ast.Constant) and type(a.value) is int
                                                for a in args):
            continue
        start, stop = (0, args[0].value) if len(args) == 1 else (args[0].value, args[1].value)
        passes = stop - start
        stop_node = args[-1]
        lines = source.splitlines(keepends=True)
        line = lines[stop_node.lineno - 1]
        new_stop = str(start + passes * factor)
        lines[stop_node.lineno - 1] = (line[:stop_node.col_offset] + new_stop
                                       + line[stop_node.end_col_offset:])
        return "".join(lines), passes
    return None


def cpu_ms(fn) -> float:  # noqa: ANN001
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="timed runs per version and mode (minimum)")
    parser.add_argument("--factor", type=int, default=4, help="the longer version runs this many times "
                                                                "the passes (default 4)")
    parser.add_argument("--only", nargs="*", default=None, help="program names (without loop_ and .py)")
    args = parser.parse_args(argv)

    import gc

    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits

    gc.collect()
    gc.freeze()   # as the sandbox zygote does before forking its workers
    limits = Limits(timeout_s=600, max_steps=10**8, max_loop_iterations=10**8)
    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    rows = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        found = scaled(source, args.factor)
        name = path.stem.removeprefix("loop_")
        if found is None:
            rows.append([name, "", "", "", "", "", "", "no literal range() loop"])
            continue
        longer, passes = found
        notes = set()
        best = {}
        for _label, text in (("short", source), ("long", longer)):
            run_plain(text, path.name)
            run_program(text, limits=limits)
        for _ in range(args.reps):
            for label, text in (("short", source), ("long", longer)):
                torch.manual_seed(0)
                plain = cpu_ms(lambda: run_plain(text, path.name))  # noqa: B023
                reports = []
                engine = cpu_ms(lambda: reports.append(run_program(text, limits=limits)))  # noqa: B023
                if reports[0].error is not None:
                    notes.add(f"{label}: {reports[0].error.kind}")
                best[label, "plain"] = min(best.get((label, "plain"), 1e18), plain)
                best[label, "engine"] = min(best.get((label, "engine"), 1e18), engine)
        extra = (args.factor - 1) * passes
        per_engine = (best["long", "engine"] - best["short", "engine"]) / extra * 1000
        per_plain = (best["long", "plain"] - best["short", "plain"]) / extra * 1000
        fixed_engine = best["short", "engine"] - passes * per_engine / 1000
        fixed_plain = best["short", "plain"] - passes * per_plain / 1000
        ratio = per_engine / per_plain if per_plain > 0 else float("nan")
        rows.append([name, str(passes), fmt(per_plain, 1), fmt(per_engine, 1), fmt(ratio, 2),
                     fmt(fixed_plain, 1), fmt(fixed_engine, 1), "; ".join(sorted(notes))])
    print(f"\nLoop programs: cost per pass (us) and fixed cost per run (ms), CPU time of this process, "
          f"min of {args.reps}, one torch thread; passes as written and x{args.factor}\n")
    print_table(["program", "passes", "plain us/pass", "engine us/pass", "ratio/pass",
                 "plain fixed ms", "engine fixed ms", "note"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
