"""A class arriving at a fresh server: a brand-new sandbox pool gets a steady stream of lesson
programs from the moment its zygote is ready. Shows how long jobs take while the zygote has not yet
loaded the rest of its warm-up (the meta kernels of the size checks: a job forked before that loads
them itself, ~1.2 s of CPU each), and when the stream stops paying for it.

    python bench/fresh_pool.py [--seconds 12] [--threads 2]

Printed per second after ready: jobs finished, their median and max `Report.timing_ms`, and the CPU
seconds of the zygote and its jobs in that second (from /proc, see proc_cpu.py); then the totals.
No target: compare two checkouts (run each one's copy of this script) in the same load.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import os  # noqa: E402

from autogradlab.sandbox import WorkerPool  # noqa: E402
from bench.class_load import LESSON_PROGRAMS  # noqa: E402
from bench.common import fmt, median, print_table  # noqa: E402
from bench.proc_cpu import server_roles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="length of the stream after ready")
    parser.add_argument("--threads", type=int, default=2, help="students sending back-to-back")
    args = parser.parse_args(argv)
    pool = WorkerPool(size=2)
    pool.warm()
    ready_wait = time.perf_counter()
    assert pool._current_zygote().wait_ready(180), "the zygote did not start"
    ready = time.perf_counter()
    print(f"zygote ready after {ready - ready_wait:.1f} s; streaming for {args.seconds:.0f} s")
    done: list[tuple[float, float, bool]] = []   # (finished s after ready, timing ms, ok)
    lock = threading.Lock()
    stop = ready + args.seconds

    def student(index: int) -> None:
        k = 0
        while time.perf_counter() < stop:
            k += 1
            program = LESSON_PROGRAMS[(index + k) % len(LESSON_PROGRAMS)].format(k=100 * index + k)
            report = pool.run(program)
            with lock:
                done.append((time.perf_counter() - ready, report.timing_ms, report.error is None))

    cpu = [(0.0, server_roles(os.getpid()))]

    def sample() -> None:
        while time.perf_counter() < stop + 30:
            time.sleep(1.0)
            cpu.append((time.perf_counter() - ready, server_roles(os.getpid())))

    threads = [threading.Thread(target=student, args=(i,)) for i in range(args.threads)]
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    roles_end = server_roles(os.getpid())
    pool.close()
    rows = []
    for second in range(int(max(t for t, _, _ in done)) + 1):
        jobs = [ms for t, ms, _ in done if second <= t < second + 1]
        before = [r for t, r in cpu if t <= second + 0.01]
        after = [r for t, r in cpu if t <= second + 1.01]
        spent = (after[-1]["zygote"] + after[-1]["jobs"] - before[-1]["zygote"] - before[-1]["jobs"]
                 if before and after else float("nan"))
        rows.append([f"{second}-{second + 1}", len(jobs), fmt(median(jobs), 0) if jobs else "-",
                     fmt(max(jobs), 0) if jobs else "-", fmt(spent, 2)])
    print_table(["s after ready", "jobs done", "median ms", "max ms", "zygote+jobs CPU s"], rows)
    times = [m for _, m, _ in done]
    print(f"\n{len(done)} jobs, {sum(not ok for _, _, ok in done)} errors, median {fmt(median(times), 0)} ms,"
          f" max {fmt(max(m for _, m, _ in done), 0)} ms; CPU zygote {roles_end['zygote']:.2f} s, jobs"
          f" {roles_end['jobs']:.2f} s (live jobs and those reaped so far)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
