"""What the app does between Run and holding a new Report in its run cache (issue 9, session 44):
the pool's run (Report.timing_ms: fork, run, the way back) plus the cache's form of the Report
(components/cached.py: the job's own bytes when sandbox_frames kept them, else dump_report in the
app; then report_memo's digest of them). Wall ms per run through a warm pool of one worker, and the
app's CPU; medians and minima.

    python3 bench/run_cache_miss.py [--program loop_scalar_chain] [--reps 11]   # the cwd's checkout
    cd /work/wt/base44 && python3 /work/wt/wire/bench/run_cache_miss.py           # another checkout
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path.cwd()
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=11)
    parser.add_argument("--program", default="loop_scalar_chain")
    parser.add_argument("--gap", type=float, default=0.2, help="seconds between runs")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds for the zygote's warm-up")
    args = parser.parse_args(argv)
    from autogradlab.sandbox import WorkerPool
    from autogradlab.sandbox_wire import dump_report
    try:
        from autogradlab.sandbox_frames import kept
        from components.report_memo import loaded
    except ImportError:   # a checkout before session 44: the cache dumps the Report, keeps no memo
        kept = loaded = None

    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    pool = WorkerPool(size=1)
    rows = []
    try:
        pool.warm()
        pool._current_zygote().wait_ready(300)
        time.sleep(args.settle)
        for rep in range(args.reps + 1):
            cpu, wall = time.process_time(), time.perf_counter()
            with (kept() if kept is not None else contextlib.nullcontext()) as holder:
                report = pool.run(source)
            ran = time.perf_counter()
            frame = holder.frame_of(report) if holder is not None else None
            held = dump_report(report) if frame is None else frame
            if loaded is not None:   # _from_cache on a miss: the memo keeps the pool's Report (a digest)
                loaded(held, report.timing_ms, report)
            done, cpu = time.perf_counter(), (time.process_time() - cpu) * 1000.0
            assert held and report.error is None
            time.sleep(args.gap)
            if rep:
                rows.append((report.timing_ms, (done - ran) * 1000.0, (done - wall) * 1000.0, cpu))
    finally:
        pool.close()
    names = ("timing_ms", "cache form", "run -> cached", "app cpu")
    print(f"{args.program} ({REPO.name}): median of {len(rows)} runs (ms), load average "
          f"{os.getloadavg()[0]:.1f}")
    for i, name in enumerate(names):
        column = [r[i] for r in rows]
        print(f"  {name:14s} {statistics.median(column):7.2f}   (min {min(column):6.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
