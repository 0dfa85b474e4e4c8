"""The warm sandbox's cost per run, two checkouts side by side (issue 9): wall time and CPU time.

Starts one driver process per checkout (each imports its own `autogradlab` and runs its own warm
pool of one worker) and hands them the same programs in turn, so background load hits both alike.
Between two sandbox runs each driver does what bench/loop_programs.py does between them: the
program in plain PyTorch and run_program in-process (the gap in which a spare job process may
warm up). Per program, the median of:
  timing_ms   Report.timing_ms of pool.run (hand-over to the worker, the run, the way back),
  job cpu     CPU time of the job process (the zygote's reaped children; with a spare's warm-up
              done while idle, which is off the critical path but still CPU),
  zyg cpu     the zygote's own CPU per run (forking the next spare),
  app cpu     the app process's CPU inside pool.run (unpickling the Report),
  engine cpu  run_program in-process, CPU time (the floor for a run in the sandbox).

    python bench/sandbox_ab.py /work/wt/base11 . [--only newton python_sum] [--reps 7] [--gap 0]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402

DRIVER = r"""
import contextlib, io, json, os, sys, time
sys.path.insert(0, os.getcwd())
import torch
torch.set_num_threads(1); torch.set_num_interop_threads(1)
from autogradlab.engine import run_program
from autogradlab.sandbox import WorkerPool
pool = WorkerPool(size=1)
pool.warm()
zygote = pool._current_zygote()
zygote.wait_ready(300)
time.sleep(float(sys.argv[1]))   # the zygote's idle warm-up (sandbox_zygote.WARM_IDLE_S)
pid = zygote.process.pid
tick = os.sysconf("SC_CLK_TCK")

def zygote_cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    own, children = int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
    return own * 1000.0 / tick, children * 1000.0 / tick

print("ready", flush=True)
for line in sys.stdin:
    path = line.strip()
    source = open(path).read()
    code = compile(source, path, "exec")
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, {"__name__": "__main__"})
    start = time.process_time()
    run_program(source)
    engine = (time.process_time() - start) * 1000.0
    own0, jobs0 = zygote_cpu()
    start = time.process_time()
    report = pool.run(source)
    app = (time.process_time() - start) * 1000.0
    time.sleep(float(sys.argv[2]))   # the zygote reaps the job after the app has its Report
    own1, jobs1 = zygote_cpu()
    print(json.dumps({"timing": report.timing_ms, "app": app, "zyg": own1 - own0, "job": jobs1 - jobs0,
                      "engine": engine, "error": report.error and report.error.kind}), flush=True)
"""


def start(checkout: Path, settle_s: float, gap_s: float = 0.15) -> subprocess.Popen:
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(settle_s), str(gap_s)], cwd=checkout,
                              text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    while driver.stdout.readline().strip() != "ready":
        if driver.poll() is not None:
            raise SystemExit(f"the driver for {checkout} failed")
    return driver


def ask(driver: subprocess.Popen, path: Path) -> dict:
    driver.stdin.write(f"{path}\n")
    driver.stdin.flush()
    return json.loads(driver.stdout.readline())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, help="two checkouts: reference, then candidate")
    parser.add_argument("--only", nargs="*", default=None, help="loop program names (without loop_, .py)")
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--settle", type=float, default=12.0, help="seconds for the zygote's warm-up")
    parser.add_argument("--gap", type=float, default=0.15,
                        help="seconds slept after each sandbox run; 0 sends the next run as soon as "
                             "bench/loop_programs.py does (after the plain and in-process runs), before "
                             "the spare's idle warm-up; CPU figures then land on the next run")
    args = parser.parse_args(argv)
    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    checkouts = [c.resolve() for c in args.checkouts]
    drivers = [start(c, args.settle, args.gap) for c in checkouts]
    rows = []
    try:
        for path in paths:
            results: list[list[dict]] = [[], []]
            for rep in range(args.reps + 1):   # the first round warms up
                order = (0, 1) if rep % 2 == 0 else (1, 0)
                for i in order:
                    result = ask(drivers[i], path)
                    if rep:
                        results[i].append(result)
            for i, checkout in enumerate(checkouts):
                runs = results[i]
                rows.append([path.stem.removeprefix("loop_"), checkout.name,
                             *(fmt(median([r[k] for r in runs]), 1)
                               for k in ("timing", "job", "zyg", "app", "engine")),
                             ",".join(sorted({r["error"] for r in runs if r["error"]}))])
    finally:
        for driver in drivers:
            driver.stdin.close()
            driver.wait(30)
    print(f"\nWarm sandbox per run, median of {args.reps} (ms); the two checkouts take turns; "
          f"gap {args.gap:g} s; load average {os.getloadavg()[0]:.1f}\n")
    print_table(["program", "checkout", "timing_ms", "job cpu", "zyg cpu", "app cpu", "engine cpu",
                 "errors"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
