"""Issue 9: the interpreter's and recorder's fast paths refuse exactly what the slow paths refuse.

Float arithmetic skips the Python-size check (a float result never outgrows its operands): every
operator on float operands gives Python's value or Python's error, as the checked path does. Name
lookup walks the scopes inline, still refusing dunder names first (also a parameter named `__x`).
The step counter reads a cached max_steps: a program of N steps runs with max_steps = N and is
refused at N - 1, at the same line. Element counts of a torch.Size use Python ints (no overflow).
"""

from __future__ import annotations

import math

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.operators import BINARY
from autogradlab.lang.parse import parse_program
from autogradlab.lang.sizes import count_elements, tensor_elements
from autogradlab.limits import DEFAULT_LIMITS, Limits

FLOATS = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("nan"), 3.0]
INTS = [0, 1, -3, 7, 10**400, 2**60]
PAIRS = [(a, b) for a in FLOATS for b in FLOATS + INTS] + [(a, b) for a in INTS for b in FLOATS]
OPERATORS = sorted(BINARY.items(), key=lambda item: item[1][0])


def interpreter(source: str, limits: Limits = DEFAULT_LIMITS) -> Interpreter:
    return Interpreter(parse_program(source, limits), source, limits=limits,
                       generator=torch.Generator().manual_seed(0), hooks=NullHooks())


def python_outcome(fn, left, right):
    try:
        return "ok", fn(left, right)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc).__name__


@pytest.mark.parametrize(("op_type", "entry"), OPERATORS, ids=[e[0] for _, e in OPERATORS])
def test_float_arithmetic_fast_path_gives_pythons_value_or_error(op_type, entry):
    name, fn, _, _ = entry
    interp = interpreter("pass")
    for left, right in PAIRS:
        kind, expected = python_outcome(fn, left, right)
        try:
            got = interp.apply_binary(name, fn, left, right, None)
        except Exception as exc:  # noqa: BLE001
            assert kind == "error", (name, left, right, exc)
            assert getattr(exc, "py_type", None).__name__ == expected, (name, left, right)
            continue
        assert kind == "ok", (name, left, right, got)
        assert type(got) is type(expected)
        assert got == expected or (got != got and expected != expected), (name, left, right)


@pytest.mark.parametrize("source", ["1.5 ** 10000", "2.0 ** (10 ** 6)", "10 ** 400 * 1.0", "1.0 / 0",
                                    "1.0 % 0.0", "1.5 @ 2.0", "1.5 << 2"])
def test_float_errors_read_like_the_checked_path(source):
    report = run_program(f"x = {source}\n")
    assert report.error is not None and report.error.line == 1
    assert report.error.kind in ("value", "type"), report.error


def test_int_arithmetic_still_checks_bits_just_above_and_below_the_limit():
    limits = Limits(max_int_bits=64)
    below = run_program("x = 2 ** 62\ny = x * 1.5\nz = 2 ** 63\n", limits=limits)
    assert below.error is None and below.variables["y"].text is not None
    above = run_program("x = 2.5\ny = 2 ** 64 + x\n", limits=limits)
    assert above.error is not None and above.error.kind == "limit" and above.error.line == 2


INT_OPERANDS = [0, 1, -1, 2, -3, 7, 255, 2**29, -(2**31), 2**55, 2**62, 2**63, 10**30, 10**400, True, False]


def checked_outcome(interp, name, fn, left, right):
    """The slow path for two Python ints: check_python_binop first, then Python."""
    from autogradlab.lang.operators import _PY_NAMES

    try:
        interp.sizes.check_python_binop(_PY_NAMES.get(name, name), left, right)
        return "ok", fn(left, right)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc).__name__ if not hasattr(exc, "py_type") else exc.py_type.__name__


@pytest.mark.parametrize("bits", [64, 70, 4_096])
@pytest.mark.parametrize(("op_type", "entry"), OPERATORS, ids=[e[0] for _, e in OPERATORS])
def test_int_arithmetic_fast_path_refuses_and_answers_like_the_checked_path(op_type, entry, bits):
    name, fn, _, _ = entry
    interp = interpreter("pass", Limits(max_int_bits=bits))
    for left in INT_OPERANDS:
        for right in INT_OPERANDS:
            if name == "pow" and abs(right) > 2**20 and abs(left) > 1 and bits > 4_000:
                continue   # Python itself would take forever; both paths refuse by the estimate
            kind, expected = checked_outcome(interp, name, fn, left, right)
            try:
                got = interp.apply_binary(name, fn, left, right, None)
            except Exception as exc:  # noqa: BLE001
                assert kind == "error", (name, left, right, exc)
                got_name = getattr(exc, "py_type", None)
                assert expected == (got_name.__name__ if got_name else type(exc).__name__) \
                    or expected == "LimitExceeded", (name, left, right, exc, expected)
                continue
            assert kind == "ok", (name, left, right, got, expected)
            assert type(got) is type(expected) and got == expected, (name, left, right)


@pytest.mark.parametrize("source", ["def f(__x):\n    return __x\ny = f(1)\n",
                                    "y = __builtins__\n", "y = __import__\n"])
def test_dunder_names_are_refused_even_when_bound(source):
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported"
    assert "__" in report.error.message


def test_dunder_name_of_the_module_is_main():
    report = run_program("if __name__ == '__main__':\n    y = 1\n")
    assert report.error is None and report.variables["y"].text == "1"


def test_lookup_walks_function_closure_and_global_scopes():
    report = run_program("a = 1\ndef f(b):\n    def g(c):\n        return a + b + c\n    return g(3)\n"
                         "y = f(2)\n")
    assert report.error is None and report.variables["y"].text == "6"


PROGRAM = ("total = 0.0\nfor n in range(1, 40):\n    total += 1 / n ** 2\n    if n % 10 == 0:\n"
           "        total -= 0.5\n")


def test_step_budget_boundary_is_exact():
    interp = interpreter(PROGRAM)
    interp.run()
    steps = interp._steps
    interpreter(PROGRAM, Limits(max_steps=steps)).run()   # exactly at the limit: runs
    report = run_program(PROGRAM, limits=Limits(max_steps=steps - 1))
    assert report.error is not None and report.error.kind == "limit"
    assert "max_steps" in (report.error.hint or "") + report.error.message


def test_torch_size_elements_count_with_python_ints():
    size = torch.Size([10**6, 10**6, 10**6, 10**6])
    assert count_elements(size) == 10**24 == math.prod([10**6] * 4)
    assert count_elements(torch.Size([])) == 1 and count_elements((2, 3.0)) == 6
    assert tensor_elements(torch.ones(2, 3)) == 6 and tensor_elements((torch.ones(4), torch.ones(2, 2))) == 8


@pytest.mark.parametrize(("m", "ok"), [(40, True), (41, False)])
def test_broadcast_results_at_and_above_the_element_limit(m, ok):
    report = run_program(f"import torch\nx = torch.ones(25, 1)\ny = torch.ones(1, {m})\nz = x * y\n",
                         limits=Limits(max_tensor_elements=1_000))
    assert (report.error is None) is ok
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 4
        assert "1,025 elements" in report.error.message


def test_op_records_keep_line_column_source_and_input_names():
    report = run_program("import torch\nx = torch.ones(3, requires_grad=True)\nfor i in range(3):\n"
                         "    y = x * 2\n    z = (y + x).sum()\n")
    ops = [(r.op, r.line, r.column, r.source.strip(), r.inputs) for r in report.ops]
    assert ops[-3:-1] == [("mul", 4, 9, "y = x * 2", ("x", "2")),
                          ("add", 5, 10, "z = (y + x).sum()", ("y", "x"))]
    op, line, column, source, inputs = ops[-1]
    assert (op, line, column, source) == ("sum", 5, 9, "z = (y + x).sum()")
    assert len(inputs) == 1 and inputs[0].startswith("t")   # the unnamed sum y + x
    assert len(report.ops) == 1 + 3 * 3
