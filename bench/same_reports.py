"""Speed work must not change what a run reports (issue 9): every program of tests/programs and every
lesson seed gives a pickled Report byte-identical to a reference checkout's (timing_ms, the jacobians'
timing_ms/cpu_ms and notes aside).

    python3 bench/same_reports.py /work/wt/base10               # the reference vs this checkout
    python3 bench/same_reports.py /work/wt/base10 --only loop_  # file names containing `loop_`
    python3 bench/same_reports.py /work/wt/base10 --keep /tmp/ref   # reuse the reference's pickles

Each checkout runs in its own process (`--dump <checkout> <dir>`: one pickle per program), with the
default limits except a long time limit, so a loaded machine cannot turn a slow run into a timeout.
Prints each program that differs with the Report fields that differ, and the count of equal ones;
exits 1 on any difference. Run the reference against itself to see which reports are not
reproducible from one process to the next by nature.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path


def _programs(checkout: Path, only: str) -> list[Path]:
    files = sorted((checkout / "tests" / "programs").glob("*.py"))
    files += sorted((checkout / "lessons").glob("*.py"))
    return [f for f in files if f.name != "manifest.py" and only in f.name]


def dump(checkout: Path, out: Path, only: str) -> None:
    sys.path.insert(0, str(checkout))
    import torch

    torch.set_num_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits
    from tests.programs.manifest import PROGRAMS

    seeds = {spec.file: spec.seed for spec in PROGRAMS}
    limits = Limits(timeout_s=600.0)
    for path in _programs(checkout, only):
        report = run_program(path.read_text(encoding="utf-8"), seed=seeds.get(path.name, 0), limits=limits)
        jacobians = tuple(dataclasses.replace(j, timing_ms=0.0, cpu_ms=0.0) for j in report.jacobians)
        report = dataclasses.replace(report, timing_ms=0.0, notes=(), jacobians=jacobians)
        (out / f"{path.name}.pickle").write_bytes(pickle.dumps(report))


def _fields(first: bytes, second: bytes) -> list[str]:
    a, b = pickle.loads(first), pickle.loads(second)
    return [f.name for f in dataclasses.fields(a)
            if pickle.dumps(getattr(a, f.name)) != pickle.dumps(getattr(b, f.name))]


def _dumped(checkout: str, target: Path, only: str) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    if not any(target.glob("*.pickle")):
        subprocess.run([sys.executable, __file__, "x", "--only", only, "--dump", checkout, str(target)],
                       check=True, cwd=checkout)
    return target


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("reference")
    parser.add_argument("checkout", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", help="the reference's pickles: made once, then reused")
    parser.add_argument("--dump", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, args.checkout)   # the Report class, to tell which fields differ
    if args.dump:
        dump(Path(args.dump[0]), Path(args.dump[1]), args.only)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        reference = _dumped(args.reference, Path(args.keep) if args.keep else Path(tmp) / "0", args.only)
        mine = _dumped(args.checkout, Path(tmp) / "1", args.only)
        names = sorted(p.name for p in reference.glob("*.pickle") if args.only in p.name)
        differ = 0
        for name in names:
            first, second = (reference / name).read_bytes(), (mine / name).read_bytes()
            if first != second:
                differ += 1
                print("DIFFERS", name.removesuffix(".pickle"), _fields(first, second))
        print(f"{len(names) - differ} of {len(names)} reports byte-identical")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
