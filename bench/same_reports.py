"""Do two checkouts give the same reports? (speed work must not change one byte of a report)

Runs every tests/programs program (with its manifest seed), every lessons/*.py, and the lessons'
seed programs again with the Steps page's options, in each checkout in its own process, and
compares the pickled reports with the times they measured and the notes left out (sha256 per
program). Also checks engine.trace.STALE_LAZY stays 0 in both.

    python3 bench/same_reports.py BASE_CHECKOUT [OTHER_CHECKOUT (default: this one)]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import dataclasses, hashlib, json, pickle, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import torch
torch.set_num_threads(1)
from autogradlab.engine import run_program
from autogradlab.engine.trace import STALE_LAZY
from autogradlab.limits import Limits
from autogradlab.step_records import StepOptions
from tests.programs.manifest import PROGRAMS, PROGRAMS_DIR, LESSONS_DIR

def comparable(report):
    steps = report.steps
    if steps is not None and getattr(steps, "cost", None) is not None:
        steps = dataclasses.replace(steps, cost=dataclasses.replace(steps.cost, forward_pass_ms=0.0,
                                                                    reverse_pass_ms=0.0))
    return pickle.dumps(dataclasses.replace(
        report, steps=steps, timing_ms=0.0, notes=(),
        jacobians=tuple(dataclasses.replace(j, timing_ms=0.0, cpu_ms=0.0) for j in report.jacobians)))

runs = {}
seen = set()
for spec in PROGRAMS:
    seen.add(spec.file)
    runs[f"{spec.file}[seed={spec.seed}]"] = (spec.source, spec.seed, None)
for path in sorted(PROGRAMS_DIR.glob("*.py")) + sorted(LESSONS_DIR.glob("*.py")):
    if path.name not in seen and path.name != "manifest.py":
        runs[path.name] = (path.read_text(encoding="utf-8"), 0, None)
for path in sorted(LESSONS_DIR.glob("seed*.py")):
    runs[path.name + "[steps]"] = (path.read_text(encoding="utf-8"), 0, StepOptions())
out = {}
for name, (source, seed, steps) in runs.items():
    report = run_program(source, seed=seed, limits=Limits(timeout_s=120), steps=steps)
    out[name] = [hashlib.sha256(comparable(report)).hexdigest(), report.ok,
                 report.error.kind if report.error else None]
out["STALE_LAZY"] = STALE_LAZY[0]
print(json.dumps(out))
"""


def digests(*checkouts: str) -> list[dict]:
    """The digests of each checkout, computed side by side (one process each)."""
    children = [subprocess.Popen([sys.executable, "-c", _CHILD, checkout], stdout=subprocess.PIPE,
                                 text=True, cwd=checkout) for checkout in checkouts]
    found = []
    for child in children:
        stdout, _ = child.communicate()
        if child.returncode:
            raise SystemExit(f"a checkout's run failed (exit {child.returncode})")
        found.append(json.loads(stdout.strip().splitlines()[-1]))
    return found


def main() -> int:
    base = sys.argv[1]
    other = sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).resolve().parent.parent)
    a, b = digests(base, other)
    differ = sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))
    internal = sorted(name for name, v in b.items() if isinstance(v, list) and v[2] == "internal")
    print(f"{len(a) - 1} runs; STALE_LAZY base {a['STALE_LAZY']}, this {b['STALE_LAZY']}; "
          f"internal errors here: {internal or 'none'}")
    print("different:", differ or "none")
    for name in differ:
        print(f"  {name}: base {a.get(name)}, this {b.get(name)}")
    return 1 if differ or internal else 0


if __name__ == "__main__":
    sys.exit(main())
