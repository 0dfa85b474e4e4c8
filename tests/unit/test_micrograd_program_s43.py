"""Karpathy's micrograd as a student pastes it (tests/programs/loop_micrograd.py, session 43): its demo's
`map(Value, xrow)` and `map(model, inputs)` hand map() a class of the program and an object with `__call__`,
which map() refused ("'type' object is not callable") before any step ran. Oracle: CPython's printed text
(the losses within a tolerance: their last digits follow the order of a set of Values, which CPython takes
from the Values' addresses) and CPython's errors for objects that are not callable.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints

MICROGRAD = (Path(__file__).parent.parent / "programs" / "loop_micrograd.py").read_text()
_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


def _engine_prints(source: str, limits: Limits | None = None) -> tuple:
    report = run_program(source, limits=limits or Limits())
    error = None if report.error is None else (report.error.kind, report.error.message, report.error.line)
    return error, report.printed


def test_micrograd_runs_within_the_default_limits_and_prints_as_cpython():
    error, printed = _engine_prints(MICROGRAD, Limits(timeout_s=60))
    assert error is None, error
    want = python_prints(MICROGRAD)
    got_lines, want_lines = printed.splitlines(), want.splitlines()
    assert len(got_lines) == len(want_lines) == 3 + 8
    assert got_lines[:2] == want_lines[:2]   # the model's text and its 37 parameters
    for got, real in zip(got_lines[2:], want_lines[2:], strict=True):
        assert _NUMBER.sub("#", got) == _NUMBER.sub("#", real)   # the same words, accuracies' places
        for a, b in zip(_NUMBER.findall(got), _NUMBER.findall(real), strict=True):
            assert float(a) == pytest.approx(float(b), rel=1e-9, abs=1e-12)
    assert [line.split("accuracy")[1] for line in got_lines[3:]] == \
        [line.split("accuracy")[1] for line in want_lines[3:]]


def test_micrograd_steps_fit_the_step_budget_with_room():
    """The program stays below max_steps (1,000,000) with room, so the benchmark measures the loop."""
    from tests.unit.test_compiled_blocks import outcome
    error, steps, *_ = outcome(MICROGRAD, Limits(timeout_s=60, max_steps=10**8))
    assert error is None and 500_000 < steps < 800_000, (error, steps)


MAPS = """from functools import reduce


class Value:
    def __init__(self, data):
        self.data = data

    def __repr__(self):
        return f"Value({self.data})"


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, y=1):
        return x * self.k * y


class Plain:
    pass


class Keep:
    def __call__(self, x):
        return x > 1


print(list(map(Value, [1.5, 2, -3])))
print(list(map(Scale(3), [1, 2, 3])), list(map(Scale(2), [1, 2], [10, 20])))
print(list(filter(Keep(), [0, 1, 2, 3])), reduce(Scale(1), [1, 2, 3, 4]))
m = map(Value, [])
print(list(m), [v.data for v in map(Value, range(3))])
for bad in (Plain(), Value(1)):
    try:
        print(list(map(bad, [1, 2])))
    except TypeError as e:
        print('caught', e)
try:
    print(list(filter(Plain(), [1])))
except TypeError as e:
    print('caught', e)
try:
    print(list(map(Plain, [1, 2])))
except TypeError as e:
    print('caught', e)
"""


def test_map_filter_reduce_of_classes_and_callable_objects_as_cpython():
    error, printed = _engine_prints(MAPS)
    assert error is None, error
    assert printed == python_prints(MAPS)


def test_map_of_a_class_is_lazy_and_charged_per_item():
    """Nothing is made before the map is read; each item is one loop iteration (the budget at need)."""
    source = """class V:
    def __init__(self, d):
        print('made', d)
        self.d = d


m = map(V, [1, 2, 3])
print('before')
vs = list(m)
print(len(vs))
"""
    error, printed = _engine_prints(source)
    assert error is None and printed == python_prints(source)
    # 3 items of the map: at max_loop_iterations=2 the third stops the run, after two objects were made
    error, printed = _engine_prints(source, Limits(max_loop_iterations=2))
    assert error is not None and error[0] == "limit", error
    assert printed == "before\nmade 1\nmade 2\n"
    error, printed = _engine_prints(source, Limits(max_loop_iterations=3))
    assert error is None, error
