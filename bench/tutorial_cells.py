"""Cell by cell: which cells of a pasted notebook run as written and equal plain PyTorch.

A file is a notebook's code cells in order, each starting with a `# ---- cell N` line (as
tests/programs/tutorial_*.py files with several cells are written). Cells run as a notebook runs them:
each on top of the cells before it. A cell passes when the program so far gives what plain PyTorch gives
(outcome and error line, printed text, displays, variables); a failing cell is left out of the cells the
next ones build on, so one refusal does not fail every later cell. A cell plain Python itself fails on
(on purpose, or a GPU-only line) passes when the engine fails on the same line too.

`python3 -m bench.tutorial_cells FILE...` prints one line per failing cell and "N cells tried, M pass".
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from autogradlab.engine import run_program
from tests.oracle import run_trusted, shown_as_left, value_mismatches
from tests.unit.test_seed_programs import same_lines

CELL = re.compile(r"^# ---- cell (\d+)[^\n]*$", re.MULTILINE)
ID_LINES = (r"^id\(\w+\).*\d+.*$", r"^.*\b\d{9,}\b.*$")   # id() values differ run to run by nature


@dataclass(frozen=True)
class CellResult:
    file: str
    cell: str
    passed: bool
    why: str = ""
    plain_ok: bool = True   # plain Python ran the cells so far to their end


def split_cells(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the header before the first cell, [(cell number, cell text)])."""
    marks = list(CELL.finditer(text))
    if not marks:
        return "", [("all", text)]
    cells = [(m.group(1), text[m.start():marks[i + 1].start() if i + 1 < len(marks) else len(text)])
             for i, m in enumerate(marks)]
    return text[:marks[0].start()], cells


def problems(source: str) -> tuple[list[str], bool]:
    """What differs from plain PyTorch, and whether plain Python ran the program to its end."""
    report = run_program(source)
    oracle = run_trusted(source)
    found = []
    if report.ok != (oracle.error is None):
        message = report.error.message if report.error else repr(oracle.error)
        found.append(f"engine ok={report.ok}, plain ok={oracle.error is None}: {message[:160]}")
        return found, oracle.error is None
    if not report.ok and report.error.line != oracle.error_line:
        found.append(f"error line {report.error.line} != {oracle.error_line}")
    if not same_lines(report.printed, oracle.printed, ID_LINES):
        found.append(f"printed text differs: {first_difference(report.printed, oracle.printed)}")
    with shown_as_left(oracle):   # torch.set_printoptions(...) as the program left them
        for name, real in oracle.variables.items():
            if name not in report.variables:
                found.append(f"variable {name} missing")
            elif not name.startswith("id") and value_mismatches(report.variables[name], real, name):
                found.append(f"variable {name} differs")
    got = [(d.line, d.text) for d in report.displayed]
    if not same_lines("\n".join(t for _, t in got), "\n".join(t for _, t in oracle.displayed), ID_LINES):
        found.append("displays differ")
    return found, oracle.error is None


def first_difference(got: str, want: str) -> str:
    for g, w in zip(got.split("\n"), want.split("\n"), strict=False):
        if g != w:
            return f"{g[:70]!r} != {w[:70]!r}"
    return f"{len(got.splitlines())} lines != {len(want.splitlines())} lines"


def sweep(path: str) -> list[CellResult]:
    header, cells = split_cells(open(path, encoding="utf-8").read())
    kept = header
    results = []
    for number, text in cells:
        found, plain_ok = problems(kept + text)
        results.append(CellResult(path, number, not found, "; ".join(found[:2]), plain_ok))
        if not found and plain_ok:
            kept += text
    return results


def main(paths: list[str]) -> int:
    tried = passed = 0
    for path in paths:
        for result in sweep(path):
            tried += 1
            passed += result.passed
            if not result.passed:
                print(f"FAIL {result.file}:{result.cell}  {result.why}")
    print(f"{tried} cells tried, {passed} pass")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
