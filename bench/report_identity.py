"""Same reports from two checkouts: every tests/programs program and every lesson example, run by
each checkout in its own process, must pickle to the same bytes (notes and timings aside).

    python3 bench/report_identity.py /work/wt/base10 .          # reference, candidate
    python3 bench/report_identity.py /work/wt/base10 . --only loop_scalar_chain
    python3 bench/report_identity.py /work/wt/base12 . --ignore-ops

--ignore-ops leaves Report.ops out of both (the op records the window keeps): for a change that
records fewer ops on purpose (engine/skim.py's pass-aware window), everything else the report
holds (graph, variables, printed, displayed, backward calls, steps, jacobians, torchviz_dot) must
still be the same. With --ref-cache, keep separate caches with and without it.

Speed work must not change what a run reports (issue 9). The programs come from each checkout's
tests/programs/manifest.py (with their seed and time limit); the lessons' examples from
lessons/gallery.toml, run a second time with steps (StepOptions(backward_if_missing=True)), since the
step traces are built from the graph. Values that differ run to run by nature (a printed id(...),
manifest's nondeterministic_vars / _lines, in printed and displayed text, and the recorded values of
its nondeterministic_ops) are blanked in both, and
every *_ms field (a timing) is 0. Prints one line per difference and a summary; exit status 1 when
any report differs.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import io
import os
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def _zero_timings(obj, seen: set[int]) -> None:
    """Every dataclass field named *_ms (timings: the run's, a jacobian's, the steps' cost) set to
    0, in place, everywhere in the report."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name.endswith("_ms") and isinstance(value, float):
                object.__setattr__(obj, f.name, 0.0)
            else:
                _zero_timings(value, seen)
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            _zero_timings(item, seen)
    elif isinstance(obj, dict):
        for item in obj.values():
            _zero_timings(item, seen)


def _normalised(report, spec, ignore_ops: bool = False):
    variables = {k: (None if spec is not None and k in spec.nondeterministic_vars else v)
                 for k, v in report.variables.items()}
    printed, displayed = report.printed, report.displayed
    for pattern in (spec.nondeterministic_lines if spec is not None else ()):
        printed = re.sub(pattern, "<nondeterministic>", printed, flags=re.MULTILINE)
        # a bare expression's value (`f'{timer.stop():.5f} sec'`) is shown, not printed: the same lines
        displayed = tuple(dataclasses.replace(d, text=re.sub(pattern, "<nondeterministic>", d.text,
                                                             flags=re.MULTILINE)) for d in displayed)
    unstable = getattr(spec, "nondeterministic_ops", ())   # (an older checkout's manifest has none)
    ops = tuple(dataclasses.replace(op, outputs=()) if op.op in unstable else op for op in report.ops)
    report = dataclasses.replace(report, notes=(), variables=variables, printed=printed, displayed=displayed,
                                 ops=() if ignore_ops else ops)
    _zero_timings(report, set())
    return report


def dump(out_dir: str, only: list[str], ignore_ops: bool = False) -> None:
    """Run in a checkout (cwd first on sys.path): write <name>.pickle per program into out_dir."""
    sys.path.insert(0, os.getcwd())
    import torch
    torch.set_num_threads(1)
    from autogradlab import gallery
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits
    from autogradlab.step_records import StepOptions
    sys.path.insert(0, os.path.join(os.getcwd(), "tests", "programs"))
    import manifest

    jobs = []
    for spec in (*manifest.PROGRAMS, *manifest.LOOP_PROGRAMS, *manifest.TUTORIALS):
        name = f"{spec.file.removesuffix('.py')}[seed={spec.seed}]"
        jobs.append((name, spec, spec.source, spec.seed, None))
    for entry in gallery.entries():
        jobs.append((f"lesson:{entry.id}+steps", None, entry.program, entry.seed,
                     StepOptions(backward_if_missing=True)))
    for name, spec, source, seed, steps in jobs:
        if only and not any(o in name for o in only):
            continue
        report = run_program(source, seed=seed, steps=steps, limits=Limits(timeout_s=300.0))
        data = _pickled(_normalised(report, spec, ignore_ops))
        Path(out_dir, name.replace("/", "_") + ".pickle").write_bytes(data)
    from autogradlab.engine.trace import STALE_LAZY
    if STALE_LAZY[0]:   # a window record held lazily was changed by a write no hook saw (trace.py)
        raise SystemExit(f"STALE_LAZY is {STALE_LAZY[0]} in {os.getcwd()}: must stay 0")


def _pickled(obj: object) -> bytes:
    """The pickle of `obj` with pickle's memo off (Pickler.fast): every occurrence of a value is written
    in full, so the bytes do not depend on which equal strings or records are one object (session 29:
    a graph's class names and saved labels are shared strings now, the Report equal). Reports hold
    no cycles, which fast mode could not write."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(obj)
    return buffer.getvalue()


def _start_dump(checkout: str, out_dir: str, only: list[str], ignore_ops: bool = False) -> subprocess.Popen:
    only_args = [arg for o in only for arg in ("--only", o)] + (["--ignore-ops"] if ignore_ops else [])
    return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--dump", out_dir, *only_args],
                            cwd=checkout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("reference", nargs="?")
    parser.add_argument("candidate", nargs="?")
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--dump")
    parser.add_argument("--ignore-ops", action="store_true", help="compare everything but Report.ops")
    parser.add_argument("--ref-cache", help="keep the reference's pickles here; reuse them when present")
    args = parser.parse_args()
    if args.dump:
        dump(args.dump, args.only, args.ignore_ops)
        return 0
    with tempfile.TemporaryDirectory() as tmp_dir, tempfile.TemporaryDirectory() as cand_dir:
        ref_dir = args.ref_cache or tmp_dir
        jobs = [_start_dump(args.candidate, cand_dir, args.only, args.ignore_ops)]
        if not (args.ref_cache and any(Path(ref_dir).glob("*.pickle"))):
            Path(ref_dir).mkdir(parents=True, exist_ok=True)
            jobs.append(_start_dump(args.reference, ref_dir, args.only, args.ignore_ops))
        for job in jobs:   # both checkouts at once (each in its own process)
            if job.wait():
                raise SystemExit(f"a dump failed (exit {job.returncode})")
        ref = {p.name: p.read_bytes() for p in Path(ref_dir).iterdir()}
        cand = {p.name: p.read_bytes() for p in Path(cand_dir).iterdir()}
        differ = 0
        for name in sorted(ref.keys() | cand.keys()):
            a, b = ref.get(name), cand.get(name)
            if a != b:
                differ += 1
                what = "missing" if a is None or b is None else f"{len(a)} vs {len(b)} bytes"
                print(f"DIFFERS {name}: {what}")
        digest = hashlib.sha256(b"".join(ref[k] for k in sorted(ref))).hexdigest()[:12]
        print(f"{len(ref.keys() | cand.keys())} reports compared, {differ} differ (reference sha {digest})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
