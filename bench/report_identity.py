"""Same reports before and after a speed change: every tests/programs program and lesson seed (and up
to 6 candidate outputs of each) run in two checkouts, each in its own process; the pickled reports
(notes and times left out) must be byte-identical, and engine.trace.STALE_LAZY must stay 0.

    python3 bench/report_identity.py /path/to/reference/checkout [/path/to/this/checkout]
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import os
import pickle
import subprocess
import sys
import tempfile


def _dump(repo: str, out: str) -> None:
    sys.path.insert(0, repo)
    os.chdir(repo)
    import torch

    torch.set_num_threads(1)
    from autogradlab.engine import run_program
    from autogradlab.engine.trace import STALE_LAZY
    from autogradlab.limits import Limits
    from tests.programs.manifest import PROGRAMS, spec_id

    def digest(report) -> str:
        steps = report.steps
        if steps is not None and getattr(steps, "cost", None) is not None:
            steps = dataclasses.replace(steps, cost=dataclasses.replace(steps.cost, forward_pass_ms=0.0,
                                                                        reverse_pass_ms=0.0))
        jacobians = tuple(dataclasses.replace(j, timing_ms=0.0, cpu_ms=0.0) for j in report.jacobians)
        plain = dataclasses.replace(report, steps=steps, timing_ms=0.0, notes=(), jacobians=jacobians)
        return hashlib.sha256(pickle.dumps(plain)).hexdigest()

    found: dict[str, object] = {}
    for spec in PROGRAMS:
        limits = Limits(timeout_s=max(120.0, spec.timeout_s or 0.0))
        with contextlib.redirect_stdout(io.StringIO()):
            report = run_program(spec.source, seed=spec.seed, limits=limits)
            found[spec_id(spec)] = digest(report)
            for name in report.candidates[:6]:
                other = run_program(spec.source, seed=spec.seed, limits=limits, output=name)
                found[f"{spec_id(spec)}:{name}"] = digest(other)
    found["STALE_LAZY"] = STALE_LAZY[0]
    with open(out, "wb") as handle:
        pickle.dump(found, handle)


def main() -> None:
    if sys.argv[1] == "--dump":
        _dump(sys.argv[2], sys.argv[3])
        return
    reference = os.path.abspath(sys.argv[1])
    here = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for i, repo in enumerate((reference, here)):
            out = os.path.join(tmp, f"{i}.pkl")
            subprocess.run([sys.executable, os.path.abspath(__file__), "--dump", repo, out], check=True)
            with open(out, "rb") as handle:
                results.append(pickle.load(handle))
    before, after = results
    differing = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    print(f"{len(after)} reports; differing: {len(differing)} {differing[:20]}; "
          f"STALE_LAZY {after.get('STALE_LAZY')}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
