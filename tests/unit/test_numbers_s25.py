"""Issue 9, session 25: `if (n % 10) == 0:` and `total += 1 / n ** 2` with their expression computed
inline in the statement's closure (compiled_number_statements: pair_constant's and constant_pair's
work written out, from the parts compiled_number_pairs publishes). Each must do exactly what the
closure it replaces does (the raw closure called), and what the generic walk does: the same value or
branch, the same hand-over (a bool, a tensor, an int past the bound, a name in no scope, a division
by zero), the same step count, the same cut at every step and the same time check at every offset;
with Python as the oracle for what is computed, and the default int limit straddled.
"""

from __future__ import annotations

import itertools

import pytest

from autogradlab.engine.run import run_program
from autogradlab.lang import compiled_number_statements as statements
from autogradlab.limits import Limits
from tests.unit.differential_helpers import assert_every_step_cut_agrees, assert_time_check_agrees
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401
from tests.unit.test_number_limits_in_loops import _program, _python

INNER = ["a % 10", "a ** 2", "a * 7", "a - 255", "a // 2.0", "a / 4", "a + 3"]
OUTER = ["==", "<", "%", "*", "**", "/"]
CONSTANTS = ["0", "2", "7", "0.5", str(2 ** 20)]
VALUES = ["0", "1", "-1", "3", "255", "-257", str(2 ** 20), str(2 ** 21), str(2 ** 40), str(2 ** 64),
          "0.25", "-3.5", "1e200", "True", "None", "'s'", "undefined"]
BITS = [16, 72]   # bound max_int_bits - 8: 8 and 64


def _if_program(inner: str, op: str, c: str, value: str) -> str:
    a = "" if value == "undefined" else f"a = {value}\n"
    return (f"{a}t = 0\nfor i in range(2):\n    if ({inner}) {op} {c}:\n        t += 1\n"
            f"    else:\n        t -= 1\n")


def _augassign_program(inner: str, op: str, c: str, value: str) -> str:
    a = "" if value == "undefined" else f"a = {value}\n"
    return f"{a}t = 1.5\nfor i in range(2):\n    t += {c} {op} ({inner})\n"


def _both(source: str, limits: Limits, monkeypatch) -> tuple[tuple, tuple]:
    """The outcome with the inline closures and with the raw closure called (before session 25)."""
    inline = outcome(source, limits)
    with monkeypatch.context() as patch:
        patch.setattr(statements, "_pair_parts", lambda raw, kind: None)
        called = outcome(source, limits)
    return inline, called


@pytest.mark.parametrize("inner", INNER)
@pytest.mark.parametrize("form", ["if", "augassign"])
def test_inline_closures_do_what_the_raw_closures_do(form, inner, monkeypatch):
    make = _if_program if form == "if" else _augassign_program
    for bits, op, c, value in itertools.product(BITS, OUTER, CONSTANTS, VALUES):
        source = make(inner, op, c, value)
        inline, called = _both(source, Limits(max_int_bits=bits), monkeypatch)
        assert inline == called, (bits, source)


def test_the_inline_parts_are_found_for_the_two_shapes(monkeypatch):
    from tests.unit.test_compiled_number_pairs import _raw

    for text, kind, size in (("(a % 10) == 0", "pair_constant", 11), ("1 / a ** 2", "constant_pair", 12)):
        _, raw = _raw(72, text, False, monkeypatch)
        assert raw.__name__ == kind and len(statements._pair_parts(raw, kind)) == size
        assert statements._pair_parts(raw, "other") is None


def test_python_sum_runs_inline_and_prints_what_python_prints(monkeypatch):
    """The loop of tests/programs/loop_python_sum.py without its tensor line: both statements are
    made with their inline parts, and print what CPython prints."""
    source = ("total = 0.0\nhits = 0\nfor n in range(1, 3001):\n    total += 1 / n ** 2\n"
              "    if n % 10 == 0:\n        hits += 1\nprint(total, hits)\n")
    found = []
    original = statements._pair_parts

    def watched(raw, kind):
        parts = original(raw, kind)
        if parts is not None:
            found.append(kind)
        return parts
    monkeypatch.setattr(statements, "_pair_parts", watched)
    error, _, _, printed, _ = outcome(source, Limits())
    assert error is None and sorted(found) == ["constant_pair", "pair_constant"]
    assert printed == _python(source)


CASES = {
    "zero_division_in_if": "t = 0\nfor i in range(3):\n    if (i % 2) / 0 == 1:\n        t = 1\n",
    "zero_modulo_in_if": "t = 0\nfor i in range(3):\n    if (i % 0) == 1:\n        t = 1\n",
    "zero_division_in_sum": "t = 0.0\nfor i in range(3):\n    t += 1 / (i * 0)\n",
    "float_overflow_in_sum": "t = 0.0\nfor i in range(3):\n    t += 1 / (1e300 * 1e300 + i)\n",
    "complex_in_sum": "t = 0.0\nfor i in range(3):\n    t += 1 + (i - 4) ** 0.5\nprint(t)\n",
    "tensor_in_if": ("import torch\nx = torch.ones(2)\nfor i in range(3):\n    if (x % 2) == 1:\n"
                     "        i = 0\n"),
    "bool_in_sum": "t = 0.0\nfor i in range(3):\n    t += 1 / (True + i)\nprint(t)\n",
    "outer_scope": ("def f(m):\n    t = 0.0\n    for j in range(m):\n        t += 1 / (m ** 2)\n"
                    "        if (m % 3) == 1:\n            t += 1\n    return t\nprint(f(4))\n"),
    "loop_var_shadows": "t = 0.0\nfor t in range(3):\n    t += 1 / (t + 1)\nprint(t)\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_edge_cases_do_what_the_generic_walk_does(name, generic):  # noqa: F811
    same_both_ways(CASES[name], Limits(), generic)


SHORT = ("total = 0.0\nk = 0\nfor n in range(8, 11):\n    total += 1 / n ** 2\n    if n % 10 == 0:\n"
         "        k += 1\n    else:\n        k -= 1\nprint(total, k)\n")


def test_every_step_cut(generic):  # noqa: F811
    assert_every_step_cut_agrees(SHORT, generic)


@pytest.mark.parametrize("offset", range(32))
def test_the_time_check_fires_at_the_same_node_at_every_offset(offset, generic, monkeypatch):  # noqa: F811
    assert_time_check_agrees(SHORT, offset, generic, monkeypatch)


# the default max_int_bits (4,096): just below computes as Python, just above is refused at its line
LIMIT_FORMS = {
    "if_power_then_modulo": ("k = 0\n    if (e ** 2) % 7 == 1:\n        k = 1", 2 ** 2048 - 1, 2 ** 2048,
                             "** 2", 6),
    "sum_one_plus_power": ("k += 1 + e ** 2", 2 ** 2048 - 1, 2 ** 2048, "** 2", 5),
    "sum_power_of_modulo": ("k += 2 ** (e % 5000)", 4095, 4096, "2 ** 4096", 5),
}


@pytest.mark.parametrize("name", sorted(LIMIT_FORMS))
def test_just_below_the_int_limit_computes_what_python_computes(name):
    statement, below, _above, _text, _line = LIMIT_FORMS[name]
    source = _program(statement, below)
    report = run_program(source)
    assert report.error is None, report.error
    assert report.printed == _python(source)


@pytest.mark.parametrize("name", sorted(LIMIT_FORMS))
def test_just_above_the_int_limit_is_refused_at_its_line(name):
    statement, _below, above, text, line = LIMIT_FORMS[name]
    report = run_program(_program(statement, above))
    assert report.error is not None and report.error.kind == "limit", report.error
    assert text in report.error.message and "4,097 bits; the limit is 4,096 bits" in report.error.message
    assert report.error.line == line


def test_while_true_stops_at_the_same_step(generic):  # noqa: F811
    """`while True: x += 1 / n ** 2` and an `if` in it: the step budget stops it at the same step,
    node and message as the generic walk."""
    source = "x = 0.0\nn = 3\nwhile True:\n    x += 1 / n ** 2\n    if n % 10 == 0:\n        x = 0.0\n"
    error, *_ = same_both_ways(source, Limits(max_steps=1000), generic)
    assert error[0] == "limit" and error[1].startswith("the program took more than 1,000 steps")
