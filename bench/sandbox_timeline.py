"""Where a warm sandbox run's fixed cost goes (issue 9): wall-clock stamps across app -> job -> app.

Runs a program N times through a warm pool of one worker with a stamping target (run_program with
time.time() noted at its call and its return, in the job process: bench/sandbox_stamp.py), after
the zygote's idle warm-up, with a pause between runs (as the app's own work between two runs gives
the zygote). Per run:
  to start   the app handing the job over -> run_program called in the job process
  run        run_program itself (in the job)
  back       run_program returned -> the app holding the Report (dump, pipe, load)
  total      Report.timing_ms
and the CPU per run of the job processes, the zygote and the app. Medians.

    python3 bench/sandbox_timeline.py [--reps 15] [--program loop_python_sum] [--gap 0.2]
    cd /work/wt/base15 && python3 /work/wt/sandbox/bench/sandbox_timeline.py   # another checkout

The checkout measured is the current directory's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path.cwd()
if __package__ in (None, ""):
    sys.path.insert(1, str(REPO))   # after this script's own directory (for sandbox_stamp, by reference)


def _cpu(pid: int) -> tuple[float, float]:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    own, children = int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
    return own * 1000.0 / tick, children * 1000.0 / tick


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--program", default="loop_python_sum")
    parser.add_argument("--gap", type=float, default=0.2, help="seconds between runs")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds for the zygote's warm-up")
    args = parser.parse_args(argv)
    from sandbox_stamp import Stamped as Target  # by reference (a module of its own) in the job

    from autogradlab.sandbox import WorkerPool

    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    pool = WorkerPool(size=1)
    rows = []
    try:
        pool.warm()
        zygote = pool._current_zygote()
        zygote.wait_ready(300)
        time.sleep(args.settle)
        pid = zygote.process.pid
        for rep in range(args.reps + 1):
            own0, kids0 = _cpu(pid)
            app0 = time.process_time()
            handed = time.time()
            report = pool._run(source, target=Target())
            back = time.time()
            app = (time.process_time() - app0) * 1000.0
            time.sleep(args.gap)
            own1, kids1 = _cpu(pid)
            stamp = [n for n in report.notes if n.startswith("stamps ")]
            if not stamp or not rep:
                continue
            started, ended = (float(x) for x in stamp[0].split()[1:])
            rows.append(((started - handed) * 1000.0, (ended - started) * 1000.0, (back - ended) * 1000.0,
                         report.timing_ms, kids1 - kids0, own1 - own0, app))
    finally:
        pool.close()
    names = ("to start", "run", "back", "total", "job cpu", "zygote cpu", "app cpu")
    print(f"{args.program}: median of {len(rows)} runs (ms), load average {os.getloadavg()[0]:.1f}")
    for i, name in enumerate(names):
        column = [r[i] for r in rows]
        print(f"  {name:11s} {statistics.median(column):7.2f}   "
              f"(min {min(column):6.2f}, max {max(column):6.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
