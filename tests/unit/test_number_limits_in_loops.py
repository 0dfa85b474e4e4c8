"""Issue 9, session 22: the number fast paths (compiled_number_statements, compiled_number_pairs,
compiled_numbers) under the default max_int_bits (4,096 bits), in a loop whose first 39 passes
warmed them up with small ints: a result of 4,096 bits is computed as Python computes it, one of
4,097 bits is refused with the slow path's message at the statement's line."""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

PASSES = 40
# (statements using `e`, e's value at the last pass just below the limit, just above, the refused
# text, the refusing statement's line)
FORMS = {
    "constant_power_name": ("k = 2 ** e", 4095, 4096, "2 ** 4096", 5),
    "name_power_constant": ("k = e ** 2", 2 ** 2048 - 1, 2 ** 2048, "** 2", 5),
    "name_times_name": ("k = e * h", 2 ** 2047, 2 ** 2048, " * ", 5),
    "shift_name": ("k = 1 << e", 4095, 4096, "1 << 4096", 5),
    "augmented_times": ("k = h\n    k *= e", 2 ** 2047, 2 ** 2048, " * ", 6),
    "augmented_power_in_sum": ("k = 1\n    k += 2 ** e", 4095, 4096, "2 ** 4096", 6),
    "tree_in_if": ("k = 0\n    if (2 ** e) % 7 == 1:\n        k = 1", 4095, 4096, "2 ** 4096", 6),
}


def _program(statement: str, last: int) -> str:
    return (f"h = 2 ** 2048\nk = 0\nfor i in range({PASSES}):\n"
            f"    e = (i % 5 + 1) if i < {PASSES - 1} else {last}\n"
            f"    {statement}\nprint(k % 1000003, i)\n")


def _python(source: str) -> str:
    printed: list[str] = []
    shown = {"print": lambda *a: printed.append(" ".join(map(str, a)) + "\n")}
    exec(compile(source, "<test>", "exec"), shown)   # the oracle: the test's own text
    return "".join(printed)


def test_the_default_limit_is_what_these_cases_straddle():
    assert DEFAULT_LIMITS.max_int_bits == 4096


@pytest.mark.parametrize("name", sorted(FORMS))
def test_just_below_the_limit_computes_what_python_computes(name):
    statement, below, _above, _text, _line = FORMS[name]
    source = _program(statement, below)
    report = run_program(source)
    assert report.error is None, report.error
    assert report.printed == _python(source)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_just_above_the_limit_is_refused_at_its_line(name):
    statement, _below, above, text, line = FORMS[name]
    report = run_program(_program(statement, above))
    assert report.error is not None and report.error.kind == "limit", report.error
    assert text in report.error.message and "4,097 bits; the limit is 4,096 bits" in report.error.message
    assert report.error.line == line
    assert report.printed == ""
