"""Back-to-back runs of a short seed program through the warm sandbox, two checkouts taking turns
burst by burst (issue 9, session 35: "the seed programs' overhead stays <= 50 ms").

Each checkout gets a driver process with its own warm pool (WorkerPool(), as get_pool: one zygote).
A burst is N runs of one program; between two runs the driver
  b2b     sends the next run at once,
  inproc  runs the program in plain Python and with run_program in-process first (as
          bench/engine_latency.py does between two sandbox runs),
  <secs>  sleeps that long,
  seeds   (every program of tests/programs/manifest.py that engine_latency measures, with its seed)
          engine_latency's rhythm and summary: the median over the programs of median pool.run
          wall minus median plain run.
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
sys.path.insert(0, str(BENCH))
from sandbox_burst_ab import start_drivers, stop_drivers  # noqa: E402

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
    path, mode, n, seed = line.split()
    source = open(path).read()
    code = compile(source, path, "exec")
    rows = []
    own0, kids0 = cpu()
    for _ in range(int(n)):
        if mode == "inproc":
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, {"__name__": "__main__"})
            run_program(source)
        elif mode not in ("b2b", "seeds"):
            time.sleep(float(mode))
        if mode == "seeds":   # engine_latency's rhythm and measure: plain, in-process, pool.run
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, {"__name__": "__main__"})
            plain = (time.perf_counter() - start) * 1000.0
            run_program(source, seed=int(seed))
        start = time.perf_counter()
        target = None if mode == "seeds" else RunFaults()
        report = pool._run(source, seed=int(seed), target=target)
        wall = (time.perf_counter() - start) * 1000.0
        note = [x for x in report.notes if x.startswith("faults ")]
        if mode == "seeds":
            rows.append([wall, plain, report.timing_ms, 0.0])
        else:
            rows.append([wall, report.timing_ms, *map(float, note[0].split()[1:3])] if note else None)
    time.sleep(0.5)   # the last run's exit and refill counted
    own1, kids1 = cpu()
    per = [(own1 - own0) / int(n), (kids1 - kids0) / int(n)]
    print(json.dumps([[r for r in rows[1:] if r], per]), flush=True)   # the first run follows a pause
pool.close()
"""
NAMES = ("wall", "timing", "faults", "run cpu")


def seeds_ab(drivers: list[subprocess.Popen], args: argparse.Namespace, loads: list[float]) -> None:
    """bench/engine_latency.py's summary, A/B: per seed program (its manifest), each checkout's median
    pool.run wall minus its median plain run, the checkouts alternating program by program; the
    median over the programs."""
    sys.path.insert(0, str(BENCH.parent))
    from bench.engine_latency import manifest_selection

    programs, _skipped = manifest_selection(BENCH.parent / "tests" / "programs")
    overheads: list[list[float]] = [[], []]
    for k, (path, seed) in enumerate(programs):
        for i in ((0, 1) if k % 2 == 0 else (1, 0)):
            drivers[i].stdin.write(f"{path} seeds {args.burst} {seed}\n")
            drivers[i].stdin.flush()
            rows, _per = json.loads(drivers[i].stdout.readline())
            overheads[i].append(statistics.median(r[0] for r in rows) - statistics.median(r[1] for r in rows))
        loads.append(os.getloadavg()[0])
    for checkout, values in zip(args.checkouts, overheads, strict=True):
        print(f"seeds   {checkout.resolve().name:10s} {len(values)} programs, {args.burst - 1} runs each: "
              f"median overhead, sandbox - plain {statistics.median(values):6.1f} ms", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, help="reference, then candidate")
    parser.add_argument("--program", default="lessons/seed003_item.py")
    parser.add_argument("--modes", nargs="*", default=["b2b", "inproc", "0.3"])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--burst", type=int, default=10)
    args = parser.parse_args(argv)
    drivers = start_drivers(args.checkouts, DRIVER)
    loads = [os.getloadavg()[0]]
    try:
        if "seeds" in args.modes:
            seeds_ab(drivers, args, loads)
        for mode in [m for m in args.modes if m != "seeds"]:
            results: list[list] = [[], []]
            cpus: list[list] = [[], []]
            for r in range(args.rounds):
                for i in ((0, 1) if r % 2 == 0 else (1, 0)):
                    drivers[i].stdin.write(f"{args.program} {mode} {args.burst} 0\n")
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
        stop_drivers(drivers)
    print(f"load average {min(loads):.1f}-{max(loads):.1f} (1 min, sampled per round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
