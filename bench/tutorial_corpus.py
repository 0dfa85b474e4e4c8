"""How many tutorial programs (tests/programs/manifest.py TUTORIALS) run as written and equal plain
PyTorch: outcome, variables, printed text and bare-expression displays. Prints one line each and
the count. `python3 -m bench.tutorial_corpus`
"""

from __future__ import annotations

import os
import sys
import time

# One BLAS thread, as in the sandbox's workers (sandbox_client._worker_environment): with NumPy's
# default of one per core, a NumPy tutorial's loop (two_layer_net_numpy) timed out under load.
# Set before NumPy is imported (through torch) to take effect.
for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from autogradlab.engine import run_program  # noqa: E402
from tests.oracle import run_trusted, value_mismatches  # noqa: E402
from tests.programs.manifest import TUTORIALS, ProgramSpec  # noqa: E402
from tests.unit.test_seed_programs import same_lines  # noqa: E402
from tests.unit.test_tutorial_programs import same_displays  # noqa: E402


def problems(spec: ProgramSpec) -> list[str]:
    report = run_program(spec.source, seed=spec.seed)
    oracle = run_trusted(spec.source, spec.seed)
    found = []
    if report.ok != (oracle.error is None):
        message = report.error.message if report.error else ""
        found.append(f"engine ok={report.ok}, plain ok={oracle.error is None}: {message[:90]}")
    elif not report.ok and report.error.line != oracle.error_line:
        found.append(f"error line {report.error.line} != {oracle.error_line}")
    if not same_lines(report.printed, oracle.printed, spec.nondeterministic_lines):
        found.append("printed text differs")
    for name, real in oracle.variables.items():
        if name in spec.nondeterministic_vars:
            continue
        if name not in report.variables:
            found.append(f"variable {name} missing")
        elif value_mismatches(report.variables[name], real, name):
            found.append(f"variable {name} differs")
    if not same_displays([(d.line, d.text) for d in report.displayed], oracle.displayed,
                         spec.nondeterministic_lines):
        found.append("displays differ")
    return found


def main() -> int:
    passed = 0
    for spec in TUTORIALS:
        start = time.perf_counter()
        found = problems(spec)
        ms = (time.perf_counter() - start) * 1000
        passed += not found
        print(f"{'PASS' if not found else 'FAIL'}  {spec.file:45s} {ms:7.0f} ms  {'; '.join(found[:3])}")
    print(f"{passed}/{len(TUTORIALS)} tutorial programs run as written and equal plain PyTorch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
