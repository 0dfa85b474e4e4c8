"""Where a warm sandbox run's fixed cost goes, part by part, for two checkouts taking turns (issue 9).

Each checkout (its own package: cwd and PYTHONPATH) runs this script as a child: a warm pool of one
worker runs the program --reps times with bench/sandbox_stamp.Marks as the job's target (run_program
with marks in the job, sent back as a datagram), --gap s apart, with the app's own marks taken by
wrapping module functions of the app process only (the zygote and jobs run their checkout's code
unchanged). All marks are CLOCK_MONOTONIC, shared by the processes. Per run (ms):
  app out     pool._run called -> send_job returned (the job pickled, its pipe made, sent)
  to job      -> the job's target called (zygote hand-over, spare wake-up, job unpickled, limits;
              the zygote imported sandbox_stamp at its start, through a sitecustomize module on the
              children's PYTHONPATH, so the job does not import it)
  run         run_program in the job
  dump        dump_report in the job
  write       dump returned -> the frame written (the job's close of its result pipe)
  to app      dump returned -> the app's read of the frame returned (write, wake-up, read)
  load        -> load_report returned in the app
  rest        -> pool._run returned
  total       Report.timing_ms
  fixed       total - run: what the sandbox adds to the engine's run in the job
  faults run / faults dump  the job's minor page faults in its run and its dump
  cpu run     the job's CPU in the run
  gc          the job's collections in the run
  app faults  the app's minor page faults from its read of the frame to the Report loaded
The checkouts take turns each round; medians per checkout, and each round's median total.

    python3 bench/sandbox_breakdown.py /work/wt/base45 . [--program loop_newton] [--rounds 3] [--reps 9] \
        [--fifo]

--fifo runs each child (its app, zygote and jobs) under SCHED_FIFO priority 1 (root; `chrt`): on this
shared 2-core machine (load 6-13 from other sessions) wall times otherwise mostly measure the queue for
a core; under it the parts read as on an idle machine (newton's total 17.1-17.8 ms, as session 44's
idle figure). The processes block between runs (--gap), so the other sessions lose little.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PARTS = ("app out", "to job", "run", "dump", "write", "to app", "load", "rest", "total", "fixed",
         "faults run",
         "faults dump", "cpu run", "gc", "app faults")


def child(program: str, reps: int, gap: float, settle: float) -> None:
    sys.path.insert(0, os.getcwd())
    sys.path.append(str(BENCH))   # sandbox_stamp, by reference in the job
    from sandbox_stamp import Marks

    from autogradlab import sandbox, sandbox_client, sandbox_outcome

    marks: dict[str, float] = {}

    def faults() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

    def stamped(name, fn):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            marks[name + "0"], marks["f_" + name + "0"] = time.monotonic(), faults()
            result = fn(*args, **kwargs)
            marks[name], marks["f_" + name] = time.monotonic(), faults()
            return result
        return wrapper

    sandbox_client.wire.send_job = stamped("sent", sandbox_client.wire.send_job)
    for reader in ("_read_until_eof", "_read_frame"):   # (the frame's end: session 45)
        if hasattr(sandbox_client, reader):
            setattr(sandbox_client, reader, stamped("read", getattr(sandbox_client, reader)))
    sandbox_outcome.load_report = stamped("loaded", sandbox_outcome.load_report)
    source = (Path("tests/programs") / f"{program}.py").read_text(encoding="utf-8")
    path = tempfile.mktemp(prefix="breakdown-", suffix=".sock")
    inbox = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    inbox.bind(path)
    inbox.settimeout(5.0)
    pool = sandbox.WorkerPool(size=1)
    try:
        pool.warm()
        pool._current_zygote().wait_ready(300)
        time.sleep(settle)
        for rep in range(reps + 1):
            marks.clear()
            begun = time.monotonic()
            report = pool._run(source, target=Marks(path))
            ended = time.monotonic()
            try:
                job = ast.literal_eval(inbox.recv(1 << 16).decode())
            except OSError:   # (socket.timeout) no marks: the run failed before its dump
                job = None
            time.sleep(gap)
            if not rep or not report.ok or job is None:
                print(f"# run {rep} left out: {report.error}", flush=True)
                continue
            row = {"app out": marks["sent0"] - begun, "to job": job["called"] - marks["sent0"],
                   "run": job["run1"] - job["run0"], "dump": job["dump1"] - job["dump0"],
                   "write": job["written"] - job["dump1"], "to app": marks["read"] - job["dump1"],
                   "load": marks["loaded"] - marks["read"],
                   "rest": ended - marks["loaded"], "total": report.timing_ms / 1000.0}
            row["fixed"] = row["total"] - row["run"]
            row = {k: v * 1000.0 for k, v in row.items()}
            row.update({"faults run": job["f_run1"] - job["f_run0"],
                        "faults dump": job["f_dump1"] - job["f_dump0"],
                        "cpu run": job["c_run1"] - job["c_run0"], "gc": job["gc"],
                        "app faults": marks["f_loaded"] - marks["f_read0"]})
            print(json.dumps(row), flush=True)
    finally:
        pool.close()
        inbox.close()
        os.unlink(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[Path(".")])
    parser.add_argument("--program", default="loop_newton")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--gap", type=float, default=0.3, help="seconds between runs")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds for the zygote's warm-up")
    parser.add_argument("--fifo", action="store_true", help="children (app, zygote, jobs) under SCHED_FIFO 1")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.program, args.reps, args.gap, args.settle)
        return 0
    rows: dict[Path, list[list[dict]]] = {c: [] for c in args.checkouts}
    site = Path(tempfile.mkdtemp(prefix="breakdown-site-"))   # the zygote imports sandbox_stamp at its start
    (site / "sitecustomize.py").write_text(
        f"import sys\nsys.path.append({str(BENCH)!r})\nimport sandbox_stamp\n")
    loads = []
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            loads.append(os.getloadavg()[0])
            command = [sys.executable, str(BENCH / "sandbox_breakdown.py"), "--child", "--program",
                       args.program, "--reps", str(args.reps), "--gap", str(args.gap),
                       "--settle", str(args.settle)]
            if args.fifo:
                command = ["chrt", "-f", "1", *command]
            env = dict(os.environ, PYTHONPATH=os.pathsep.join((str(checkout.resolve()), str(site))))
            done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"{checkout}: {done.stderr[-2000:]}")
            out = done.stdout
            rows[checkout].append([json.loads(line) for line in out.splitlines() if line.startswith("{")])
    shutil.rmtree(site, ignore_errors=True)
    print(f"{args.program}: medians of {args.rounds} rounds x {args.reps} runs (ms), load {min(loads):.1f}-"
          f"{max(loads):.1f}")
    print("part".ljust(12) + "".join(str(c)[-22:].rjust(24) for c in args.checkouts))
    for part in PARTS:
        cells = []
        for checkout in args.checkouts:
            every = [r[part] for rnd in rows[checkout] for r in rnd]
            cells.append(f"{statistics.median(every):8.2f} [{min(every):6.2f}-{max(every):7.2f}]")
        print(part.ljust(12) + "".join(c.rjust(24) for c in cells))
    print("total/round".ljust(12) + "".join(
        "/".join(f"{statistics.median(r['total'] for r in rnd):.1f}" for rnd in rows[c]).rjust(24)
        for c in args.checkouts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
