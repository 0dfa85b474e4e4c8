"""bench/loop_programs.py --cpu of two (or more) checkouts, interleaved round by round (issue 9).

Each checkout runs `python3 -m bench.loop_programs --cpu` in its own process (its own package, its
own programs), the checkouts taking turns within every round, so that a shared machine's load hits
them alike. Prints, per program and checkout, the median over the rounds of plain CPU ms, engine
CPU ms and the ratio, and each round's ratio (the spread says how much to trust a difference).

    python3 bench/loop_programs_ab.py /work/wt/base24 . [--rounds 2] [--reps 5] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s")


def run_once(checkout: Path, reps: int, only: list[str] | None) -> dict[str, tuple[float, float, float]]:
    """{program: (plain ms, engine ms, ratio)} of one `loop_programs --cpu` run in `checkout`."""
    command = [sys.executable, "-m", "bench.loop_programs", "--cpu", "--reps", str(reps)]
    if only:
        command += ["--only", *only]
    out = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        match = _ROW.match(line)
        if match and match.group(1) != "program":
            rows[match.group(1)] = (float(match.group(2)), float(match.group(3)), float(match.group(4)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", type=Path, help="the reference first")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--reps", type=int, default=5, help="runs per program in each round (default 5)")
    parser.add_argument("--only", nargs="*", default=None, help="program names (without loop_ and .py)")
    args = parser.parse_args(argv)
    results: dict[str, dict[Path, list[tuple[float, float, float]]]] = defaultdict(lambda: defaultdict(list))
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            for program, row in run_once(checkout, args.reps, args.only).items():
                results[program][checkout].append(row)
    names = [str(c) for c in args.checkouts]
    print(f"\nloop programs, CPU ms, median of {args.rounds} interleaved rounds ({args.reps} runs each); "
          f"per checkout: plain, engine, ratio (each round's ratio)\n")
    print("program".ljust(18) + " | ".join(name.rjust(36) for name in names))
    for program, by_checkout in results.items():
        cells = []
        for checkout in args.checkouts:
            rows = by_checkout[checkout]
            if not rows:   # a program this checkout does not have (a new one: loop_micrograd)
                cells.append("(not in this checkout)".rjust(36))
                continue
            plain, engine, ratio = (statistics.median(row[k] for row in rows) for k in range(3))
            rounds = "/".join(f"{row[2]:.2f}" for row in rows)
            cells.append(f"{plain:7.1f} {engine:7.1f} {ratio:5.2f} ({rounds})".rjust(36))
        print(program.ljust(18) + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
