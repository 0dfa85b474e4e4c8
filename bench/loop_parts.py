"""Newton's and power iteration's loop bodies statement by statement: what one pass of each part
costs in the engine and in plain PyTorch (issue 9, session 27).

loop_marginal.py gives a whole body's cost per pass; this runs growing prefixes of the bodies of
tests/programs/loop_newton.py and loop_power_iteration.py (and two probes: one op on a tensor that
requires grad, and that op inside `with torch.no_grad():`) as loops of --short and --long passes,
run_program and exec() of the same text alternately, CPU time of this process, minimum of --reps:

  per pass = (time at --long passes - time at --short passes) / (long - short)

so the difference of two rows is what the statement added costs a pass (`cubic` - `detach_rg`: the
four ops of `f = x ** 3 - 2 * x - 5`). Limits are raised for the long loops (benchmark only).

    python3 -m bench.loop_parts [--reps 7] [--short 200] [--long 1000] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import fmt, print_table  # noqa: E402
from bench.engine_latency import run_plain  # noqa: E402

HEAD = ("import torch\nx = torch.tensor(3.0)\nA = torch.randn(100, 100)\nA = A @ A.T / 100\n"
        "v = torch.ones(100)\nx = x.detach().requires_grad_(True)\nf = x ** 3 - 2 * x - 5\nf.backward()\n")
NEWTON = ["    x = x.detach().requires_grad_(True)\n", "    f = x ** 3 - 2 * x - 5\n", "    f.backward()\n",
          "    with torch.no_grad():\n        x = x - f / x.grad\n"]
PARTS = {   # name -> loop body; newton's and power iteration's bodies as growing prefixes
    "detach_rg": NEWTON[:1],
    "cubic": NEWTON[:2],
    "backward": NEWTON[:3],
    "newton": NEWTON,
    "op_grad": ["    y = x - 1\n"],
    "op_no_grad": ["    with torch.no_grad():\n        y = x - 1\n"],
    "matvec": ["    w = A @ v\n"],
    "power": ["    w = A @ v\n", "    v = w / w.norm()\n"],
}


def program(body: list[str], passes: int) -> str:
    return HEAD + f"for step in range({passes}):\n" + "".join(body)


def min_cpu_ms(fn, reps: int) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(reps):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--short", type=int, default=200)
    parser.add_argument("--long", type=int, default=1000)
    parser.add_argument("--only", nargs="*", default=None, help=f"parts among {', '.join(PARTS)}")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits

    limits = Limits(max_loop_iterations=10**7, max_steps=10**9, timeout_s=600.0)
    rows = []
    for name, body in PARTS.items():
        if args.only and name not in args.only:
            continue
        short, long = program(body, args.short), program(body, args.long)
        report = run_program(long, limits=limits)
        if report.error is not None:
            note = f"{report.error.kind}: {report.error.message}"[:50]
            rows.append((name, "n/a", "n/a", "n/a", "n/a", note))
            continue
        passes = args.long - args.short
        per_pass = {}
        for mode, run in (("engine", lambda text: run_program(text, limits=limits)),
                          ("plain", lambda text: run_plain(text, "<part>"))):
            torch.manual_seed(0)
            long_ms = min_cpu_ms(lambda: run(long), args.reps)   # noqa: B023
            short_ms = min_cpu_ms(lambda: run(short), args.reps)   # noqa: B023
            per_pass[mode] = (long_ms - short_ms) * 1000.0 / passes
        engine, plain = per_pass["engine"], per_pass["plain"]
        rows.append((name, fmt(engine), fmt(plain), fmt(engine - plain),
                     fmt(engine / plain, 2) if plain > 0 else "n/a", ""))
    print(f"Loop parts: us per pass (CPU, min of {args.reps}; {args.short} vs {args.long} passes)\n")
    print_table(("part", "engine us", "plain us", "excess us", "ratio", "note"), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
