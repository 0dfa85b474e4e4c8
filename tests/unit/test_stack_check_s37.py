"""lang/user_functions._too_deep: the same answer as counting every frame of the stack in Python (the
check it replaced), at every depth around the boundary, and a deep recursion still stops at its line."""

from __future__ import annotations

import sys

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import user_functions


def _counted_too_deep() -> bool:
    """The old check: this function's frame and every frame below it, counted in Python."""
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth + user_functions._STACK_MARGIN > sys.getrecursionlimit()


def _both_at(depth: int) -> tuple[bool, bool]:
    if depth > 0:
        return _both_at(depth - 1)
    return user_functions._too_deep(), _counted_too_deep()


def _here() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


@pytest.mark.parametrize("limit", [400, 1000])
def test_the_c_walk_answers_as_the_python_count_on_both_sides_of_the_boundary(limit):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        # _both_at(d) calls the checks from depth _here() + 1 + d (its own frames): cover the boundary
        start = _here() + 1
        boundary = limit - user_functions._STACK_MARGIN - start
        answers = {d: _both_at(d) for d in range(max(0, boundary - 5), boundary + 6)}
    finally:
        sys.setrecursionlimit(old)
    assert all(new == counted for new, counted in answers.values()), answers
    assert {counted for _, counted in answers.values()} == {False, True}   # both sides reached


def test_a_deep_recursion_of_the_program_stops_at_its_line():
    source = "def f(n):\n    return f(n + 1)\nf(0)\n"
    error = run_program(source, torchviz=False).error
    assert error is not None and error.line == 2, error


def test_recursion_below_the_limits_runs_as_python():
    source = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(15))\n"
    report = run_program(source, torchviz=False)
    assert report.error is None and report.printed == "610\n"


def test_a_short_set_of_objects_is_storable_as_the_walk_says():
    """safe_values._short_storable takes a set of up to SHORT_TUPLE atoms and program objects (micrograd's
    `self._prev = set(_children)`) without the walk: the walk's answer for each such set, and anything
    else (a longer set, a tuple item) still goes to the walk."""
    from autogradlab.lang import safe_values
    from autogradlab.lang.set_value import ProgramSet

    source = ("class V:\n    def __init__(self, d, children=()):\n        self.d = d\n"
              "        self.prev = set(children)\n"
              "a = V(1.0)\nb = V(2.0, (a,))\nc = V(3.0, (a, b))\nfor ch in c.prev:\n    print(ch.d)\n"
              "s = {(1, 2), 3}\nt = set(range(20))\nprint(len(c.prev), len(s), len(t))\n")
    report = run_program(source, torchviz=False)
    assert report.error is None and report.printed == "1.0\n2.0\n2 2 20\n", report.error
    for items in ({1, 2.5}, {None, "a", True}, set(range(8)), set(range(9)), {(1, 2), 3}, set()):
        value = ProgramSet(set(items))
        assert safe_values.is_storable(value) == safe_values._storable_walk(value), items
    assert safe_values._short_storable(ProgramSet(set(range(8))))
    assert not safe_values._short_storable(ProgramSet(set(range(9))))
    assert not safe_values._short_storable(ProgramSet({(1, 2)}))
