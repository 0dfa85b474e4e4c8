"""Back-to-back runs of a short seed program through the warm sandbox, two checkouts taking turns
burst by burst (issue 9, session 35: "the seed programs' overhead stays <= 50 ms").

Each checkout gets a driver process with its own warm pool (WorkerPool(), as get_pool: one zygote).
A burst is N runs of one program; between two runs the driver
  b2b     sends the next run at once,
  inproc  runs the program in plain Python and with run_program in-process first (as
          bench/engine_latency.py does between two sandbox runs),
  <secs>  sleeps that long.
Per checkout, the medians of:
  wall      the driver's pool.run (what engine_latency's "sandbox" column measures),
  timing    Report.timing_ms,
  faults    minor page faults of run_program in the job, and run cpu its CPU (bench/sandbox_stamp),
and, per run over the whole burst, the CPU of the zygote (its own, and its reaped children's: the
jobs and retired spares) from /proc: what the sandbox costs the machine's 2 cores per run.

    python3 bench/sandbox_b2b_ab.py /tmp/base . [--program lessons/seed003_item.py] [--modes b2b inproc 0.3]
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
pool = WorkerPool(); pool.warm(); zygote = pool._current_zygote(); zygote.wait_ready(300); time.sleep(12)
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{zygote.process.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / tick, (int(f[13]) + int(f[14])) * 1000.0 / tick
print("ready", flush=True)
for line in sys.stdin:
    path, mode, n = line.split()
    source = open(path).read()
    code = compile(source, path, "exec")
    rows = []
    own0, kids0 = cpu()
    for _ in range(int(n)):
        if mode == "inproc":
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, {"__name__": "__main__"})
            run_program(source)
        elif mode != "b2b":
            time.sleep(float(mode))
        start = time.perf_counter()
        report = pool._run(source, target=RunFaults())
        wall = (time.perf_counter() - start) * 1000.0
        note = [x for x in report.notes if x.startswith("faults ")]
        rows.append([wall, report.timing_ms, *map(float, note[0].split()[1:3])] if note else None)
    time.sleep(0.5)   # the last run's exit and refill counted
    own1, kids1 = cpu()
    per = [(own1 - own0) / int(n), (kids1 - kids0) / int(n)]
    print(json.dumps([[r for r in rows[1:] if r], per]), flush=True)   # the first run follows a pause
pool.close()
"""
NAMES = ("wall", "timing", "faults", "run cpu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, help="reference, then candidate")
    parser.add_argument("--program", default="lessons/seed003_item.py")
    parser.add_argument("--modes", nargs="*", default=["b2b", "inproc", "0.3"])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--burst", type=int, default=10)
    args = parser.parse_args(argv)
    drivers = []
    for checkout in args.checkouts:
        driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(BENCH)], cwd=checkout.resolve(),
                                  text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if driver.stdout.readline().strip() != "ready":
            raise SystemExit(f"the driver for {checkout} failed")
        drivers.append(driver)
    loads = [os.getloadavg()[0]]
    try:
        for mode in args.modes:
            results: list[list] = [[], []]
            cpus: list[list] = [[], []]
            for r in range(args.rounds):
                for i in ((0, 1) if r % 2 == 0 else (1, 0)):
                    drivers[i].stdin.write(f"{args.program} {mode} {args.burst}\n")
                    drivers[i].stdin.flush()
                    rows, per = json.loads(drivers[i].stdout.readline())
                    results[i] += rows
                    cpus[i].append(per)
                loads.append(os.getloadavg()[0])
            for checkout, rows, per in zip(args.checkouts, results, cpus, strict=True):
                columns = list(zip(*rows, strict=True))
                cells = [f"{label} {statistics.median(c):7.1f}"
                         for label, c in zip(NAMES, columns, strict=True)]
                zygote = statistics.mean(p[0] for p in per)
                children = statistics.mean(p[1] for p in per)
                print(f"{mode:7s} {checkout.resolve().name:10s} n={len(rows):3d}  " + "  ".join(cells)
                      + f"  zygote cpu/run {zygote:5.1f}  children cpu/run {children:5.1f}", flush=True)
    finally:
        for driver in drivers:
            driver.stdin.close()
            driver.wait(30)
    print(f"load average {min(loads):.1f}-{max(loads):.1f} (1 min, sampled per round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
