"""Where a warm sandbox run's way back goes (issue 9): the job's dump, then the pipe and the app.

Runs a program N times through a warm pool of one worker with a target that times the job's
dump_report (bench/sandbox_stamp.py's StampedDump: wall stamps and CPU, sent back as a datagram).
Per run:
  run -> dump   run_program returned -> dump_report called (in the job)
  dump          dump_report's wall time, and its CPU time (in the job; the CPU clock ticks coarsely)
  dump -> app   dump_report returned -> the app holding the Report (the frame written, the pipe, the
                app waking, load_report)
  load_report   the app's CPU in load_report (unpickling and sandbox_compact.unpack)
  app cpu       the app's CPU in the whole pool run
Medians, with the minimum beside (the machine is shared: the minimum is the figure to compare).

    python3 bench/sandbox_back.py [--program loop_scalar_chain] [--reps 11]   # the cwd's checkout

Needs a checkout whose job looks dump_report up after the run (session 18 on).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path.cwd()
if __package__ in (None, ""):
    sys.path.insert(1, str(REPO))   # after this script's own directory (for sandbox_stamp, by reference)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=11)
    parser.add_argument("--program", default="loop_scalar_chain")
    parser.add_argument("--gap", type=float, default=0.2, help="seconds between runs")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds for the zygote's warm-up")
    args = parser.parse_args(argv)
    from sandbox_stamp import StampedDump  # by reference (a module of its own) in the job

    from autogradlab import sandbox_outcome
    from autogradlab.sandbox import WorkerPool

    loads: list[float] = []
    load_report = sandbox_outcome.load_report

    def timed_load(payload):  # noqa: ANN001, ANN202
        cpu = time.process_time()
        try:
            return load_report(payload)
        finally:
            loads.append((time.process_time() - cpu) * 1000.0)

    sandbox_outcome.load_report = timed_load
    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "stamps")
        inbox = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        inbox.bind(path)
        inbox.settimeout(30.0)
        pool = WorkerPool(size=1)
        try:
            pool.warm()
            pool._current_zygote().wait_ready(300)
            time.sleep(args.settle)
            for rep in range(args.reps + 1):
                cpu = time.process_time()
                pool._run(source, target=StampedDump(path))
                back, app = time.time(), (time.process_time() - cpu) * 1000.0
                ended, started, dumped, dump_cpu = (float(x) for x in inbox.recv(200).split())
                time.sleep(args.gap)
                if rep:   # the first run warms up
                    rows.append(((started - ended) * 1000.0, (dumped - started) * 1000.0, dump_cpu,
                                 (back - dumped) * 1000.0, loads[-1], app))
        finally:
            pool.close()
            inbox.close()
    names = ("run -> dump", "dump", "dump cpu", "dump -> app", "load_report", "app cpu")
    print(f"{args.program}: median of {len(rows)} runs (ms), load average {os.getloadavg()[0]:.1f}")
    for i, name in enumerate(names):
        column = [r[i] for r in rows]
        print(f"  {name:12s} {statistics.median(column):7.2f}   (min {min(column):6.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
