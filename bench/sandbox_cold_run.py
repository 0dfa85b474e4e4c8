"""Where a sandbox job's "cold run" penalty comes from (issue 9): a pause, not the fork.

A warm sandbox run of a short loop took ~2-3 ms more than the same run_program in-process, back to
back. This measures the same program's run_program CPU time (median, ms) in processes forked from
a zygote-like parent (warm_first + warm_rest, gc.freeze), after the spare's idle warm-up
(run_idle_program), with and without a pause before the run, and in one process run back to back
vs after the same pauses. If "fork, after idle, pause 0.2 s" is about "in-process, pause 0.2 s",
the penalty is the caches a pause loses (other processes run meanwhile: a spin costs the same as a
sleep), which an in-process run pays too when it is not run back to back, not the fork.

    python3 bench/sandbox_cold_run.py [--program loop_newton] [--reps 9]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path.cwd()
sys.path.insert(0, str(REPO))


def _spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


PAUSES = {"none": lambda: None, "sleep 0.005 s": lambda: time.sleep(0.005),
          "sleep 0.2 s": lambda: time.sleep(0.2), "spin 0.2 s": lambda: _spin(0.2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--program", default="loop_newton")
    parser.add_argument("--reps", type=int, default=9)
    args = parser.parse_args(argv)
    from autogradlab.engine import run as engine_run
    from autogradlab.sandbox_warm import run_idle_program, warm_first, warm_rest

    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    warm_first()
    warm_rest()
    gc.collect()
    gc.freeze()

    def cpu_ms() -> float:
        started = time.process_time()
        engine_run.run_program(source)
        return (time.process_time() - started) * 1000.0

    def in_fork(pause) -> float:  # noqa: ANN001
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                run_idle_program()
                pause()
                os.write(write_end, repr(cpu_ms()).encode())
            finally:
                os._exit(0)
        os.close(write_end)
        data = os.read(read_end, 100)
        os.close(read_end)
        os.waitpid(pid, 0)
        return float(data)

    rows: dict[str, list[float]] = {}
    for _ in range(3):
        cpu_ms()
    for _ in range(args.reps):
        for name, pause in PAUSES.items():
            rows.setdefault(f"fork, after idle, pause {name}", []).append(in_fork(pause))
            cpu_ms()
            pause()
            rows.setdefault(f"in-process, pause {name}", []).append(cpu_ms())
    print(f"{args.program}: run_program CPU ms, median of {args.reps}; load average {os.getloadavg()[0]:.1f}")
    for name in sorted(rows):
        print(f"  {name:36s} {statistics.median(rows[name]):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
