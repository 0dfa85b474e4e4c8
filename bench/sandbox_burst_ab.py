"""Back-to-back warm sandbox runs, two checkouts taking turns burst by burst (issue 9, session 21).

Each checkout gets a driver process with its own warm pool of one worker. A burst is N runs of one
program; between two runs the driver does what bench/loop_programs.py does (the program in plain
PyTorch, then run_program in-process: ~15 ms for newton, so the next run comes before the spare's
idle warm-up), or, with a number for MODE, sleeps that many seconds. Per checkout, the medians of:
  timing      Report.timing_ms (the hand-over, the run, the way back),
  run faults  minor page faults of run_program in the job (a spare whose page copy had not
              finished, or a cold one, shows here: sandbox_prefault),
  run cpu     CPU time of run_program in the job, and run wall its wall time.
Faults and CPU are what to read on a loaded machine (wall times there mostly measure the queue).

    python3 bench/sandbox_burst_ab.py /work/wt/base21 . [--only newton python_sum] [--mode 0.045]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DRIVER = r"""
import contextlib, io, json, os, sys, time
sys.path.insert(0, os.getcwd()); sys.path.insert(1, sys.argv[1])
import torch
torch.set_num_threads(1); torch.set_num_interop_threads(1)
from sandbox_stamp import RunFaults
from autogradlab.engine import run_program
from autogradlab.sandbox import WorkerPool
pool = WorkerPool(size=1); pool.warm(); pool._current_zygote().wait_ready(300); time.sleep(10)
print("ready", flush=True)
for line in sys.stdin:
    program, mode, n = line.split()
    source = open(f"tests/programs/{program}.py").read()
    code = compile(source, program, "exec")
    rows = []
    for _ in range(int(n)):
        if mode == "loop":
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, {"__name__": "__main__"})
            run_program(source)
        else:
            time.sleep(float(mode))
        report = pool._run(source, target=RunFaults())
        note = [x for x in report.notes if x.startswith("faults ")]
        rows.append([report.timing_ms, *map(float, note[0].split()[1:])] if note else None)
    time.sleep(0.3)
    print(json.dumps([r for r in rows[1:] if r]), flush=True)   # the first run of a burst follows a pause
pool.close()
"""


def start_drivers(checkouts: list[Path], driver: str) -> list[subprocess.Popen]:
    """One driver process per checkout (its working directory), each once it says it is ready."""
    drivers = []
    for checkout in checkouts:
        process = subprocess.Popen([sys.executable, "-c", driver, str(BENCH)], cwd=checkout.resolve(),
                                   text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if process.stdout.readline().strip() != "ready":
            raise SystemExit(f"the driver for {checkout} failed")
        drivers.append(process)
    return drivers


def stop_drivers(drivers: list[subprocess.Popen]) -> None:
    for driver in drivers:
        driver.stdin.close()
        driver.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, help="reference, then candidate")
    parser.add_argument("--only", nargs="*", default=["newton", "python_sum", "power_iteration"])
    parser.add_argument("--mode", default="loop", help="'loop' (as loop_programs.py) or seconds to sleep")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--burst", type=int, default=8)
    args = parser.parse_args(argv)
    drivers = start_drivers(args.checkouts, DRIVER)
    names = ("timing", "run faults", "run cpu", "run wall")
    try:
        for name in args.only:
            results: list[list] = [[], []]
            for r in range(args.rounds):
                for i in ((0, 1) if r % 2 == 0 else (1, 0)):
                    drivers[i].stdin.write(f"loop_{name} {args.mode} {args.burst}\n")
                    drivers[i].stdin.flush()
                    results[i] += json.loads(drivers[i].stdout.readline())
            for checkout, rows in zip(args.checkouts, results, strict=True):
                columns = list(zip(*rows, strict=True)) if rows else [[] for _ in names]
                cells = [f"{label} {statistics.median(c):7.1f}" if c else f"{label} -"
                         for label, c in zip(names, columns, strict=True)]
                print(f"{name:16s} {args.mode:6s} {checkout.resolve().name:10s} n={len(rows):3d}  "
                      + "  ".join(cells))
    finally:
        stop_drivers(drivers)
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
