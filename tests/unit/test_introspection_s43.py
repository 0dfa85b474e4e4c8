# ruff: noqa: E501 - the programs are kept on one line each
"""Session 43 (issue 9, session 42's leftovers): `help(A().m)` of a bound method of the program's class
prints CPython's help text ("m(x, y=2) method of __main__.A instance"; it was refused), and `dir()` of a
namedtuple or its class lists Python's names with `_asdict`, `_make`, `_replace` and the fields (it lacked
them and listed the engine class's `__dict__`). Oracle: plain Python."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted

PROGRAMS = {
    "bound_method": "class A:\n    def m(self, x, y=2):\n        'doc'\n        return 1\n    def n(self):\n        return 1\na = A()\nhelp(a.m)\nhelp(a.n)\nhelp(A.m)\nf = a.m\nhelp(f)\n",
    "inherited": "class A:\n    def m(self):\n        return 1\nclass B(A):\n    pass\nhelp(B().m)\n",
    "nested_class": "def make():\n    class Inner:\n        def go(self, k=[1, 2]):\n            \"\"\"Go.\n\n            Far.\"\"\"\n            return k\n    return Inner()\nhelp(make().go)\n",
    "namedtuple_dir": "from collections import namedtuple\nP = namedtuple('P', 'x y')\np = P(1, 2)\nprint(dir(p))\nprint(dir(P))\nprint(dir((1, 2)) == dir(tuple))\n",
    "typed_namedtuple_dir": "from typing import NamedTuple\nclass Q(NamedTuple):\n    a: int\n    b: float = 0.0\nprint(dir(Q(1)))\nprint(dir(Q))\n",
}


@pytest.mark.parametrize("source", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_prints_as_python(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, report.error
    assert report.printed == oracle.printed


def test_a_bound_methods_huge_default_is_weighed_before_its_help_is_built() -> None:   # (red team s42's rule)
    source = "class A:\n    def m(self, d=[[[0] * 1000] * 1000] * 1000):\n        return d\nhelp(A().m)\n"
    report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=5.0))
    assert report.error is not None and report.error.kind == "limit", report.error
