"""A Report's way back from the job to the app (issue 9): bytes and CPU time of sandbox_wire's
dump_report (in the job) and load_report (in the app), for the loop programs and some lessons; and
a plain pickle's ("pickle dump/load": what st.cache_data paid per miss and per call when the app's
run cache held Reports; components/cached.py now holds dump_report's bytes).

Each checkout given runs in its own process (its own `autogradlab`), programs in the same order;
with two checkouts they take turns per program, so background load hits both alike.

    python3 bench/report_wire.py /work/wt/base15 .     [--reps 7] [--only scalar_chain newton]
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

from bench.common import REPO, fmt, print_table  # noqa: E402

DRIVER = r"""
import json, os, pickle, sys, time
sys.path.insert(0, os.getcwd())
import torch
torch.set_num_threads(1)
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.sandbox_wire import dump_report, load_report
reps = int(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:
    path, steps = line.split()
    extra = {}
    if steps == "1":
        from autogradlab.step_records import StepOptions
        extra["steps"] = StepOptions(backward_if_missing=True)
    report = run_program(open(path).read(), limits=Limits(timeout_s=300.0), **extra)
    report = load_report(dump_report(report))   # as the app holds it
    times = {"dump": [], "load": [], "pdump": [], "pload": []}
    for _ in range(reps + 1):
        start = time.process_time()
        data = dump_report(report)
        mid = time.process_time()
        loaded = load_report(data)
        end = time.process_time()
        # (a fresh load each time: a plain pickle makes a lazy snapshot eager, and `report` stays as the
        # job holds it)
        plain = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
        end2 = time.process_time()
        pickle.loads(plain)
        end3 = time.process_time()
        times["dump"].append((mid - start) * 1000.0)
        times["load"].append((end - mid) * 1000.0)
        times["pdump"].append((end2 - end) * 1000.0)
        times["pload"].append((end3 - end2) * 1000.0)
    out = {key: sorted(values)[len(values) // 2] for key, values in times.items()}
    print(json.dumps({"bytes": len(data), "pbytes": len(plain), **out}), flush=True)
"""

LESSONS = ("tutorial_autogradqs", "tutorial_d2l_en_autograd", "tutorial_two_layer_net_numpy")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    programs = [(p, "0") for p in sorted((REPO / "tests" / "programs").glob("loop_*.py"))]
    programs += [(REPO / "tests" / "programs" / f"{name}.py", "0") for name in LESSONS]
    programs += [(REPO / "tests" / "programs" / "loop_newton.py", "1")]   # with steps
    if args.only:
        programs = [(p, s) for p, s in programs if any(o in p.stem for o in args.only)]
    drivers = []
    for checkout in args.checkouts:
        driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(args.reps)], cwd=checkout.resolve(),
                                  text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        while driver.stdout.readline().strip() != "ready":
            if driver.poll() is not None:
                raise SystemExit(f"the driver for {checkout} failed")
        drivers.append(driver)
    rows = []
    try:
        for path, steps in programs:
            for checkout, driver in zip(args.checkouts, drivers, strict=True):
                driver.stdin.write(f"{path} {steps}\n")
                driver.stdin.flush()
                r = json.loads(driver.stdout.readline())
                rows.append([path.stem + ("+steps" if steps == "1" else ""), checkout.resolve().name,
                             f"{r['bytes'] / 1024:.0f}", fmt(r["dump"], 2), fmt(r["load"], 2),
                             fmt(r["dump"] + r["load"], 2), f"{r['pbytes'] / 1024:.0f}", fmt(r["pdump"], 2),
                             fmt(r["pload"], 2)])
    finally:
        for driver in drivers:
            driver.stdin.close()
            driver.wait(60)
    print(f"\nReport wire form, median of {args.reps} (CPU ms); load average {os.getloadavg()[0]:.1f}\n")
    print_table(["program", "checkout", "KB", "dump ms", "load ms", "total ms", "pickle KB", "pickle dump ms",
                 "pickle load ms"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
