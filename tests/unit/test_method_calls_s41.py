"""Session 41's short ways for Python-heavy lessons (issue 9): a for loop reading a SequenceIterator's own
iterator (compiled_statements.UNWRAPPED, on and off), `xs.append(x)` answering a storable list and atom
arguments at once (attributes.ATOMS_FIRST, on and off), and `reversed(xs)` of a list being CPython's own
list_reverseiterator (CPython the oracle), through method calls (looked up before their arguments,
lang/object_methods.py).

Oracle: the same program with the switch off (test_compiled_blocks.outcome: error kind, message, line and
column, the step count, the variables, the printed text and the op records), and real Python for the
printed text. Limits sit just below and at/above each one (call depth, steps at every cut, the time
check, loop iterations)."""

from __future__ import annotations

from pathlib import Path

import pytest

from autogradlab.lang import (
    attributes,
    compiled,  # noqa: F401 - first (compiled_statements alone meets an import cycle)
    compiled_statements,
)
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_calls_s39 import LAYERS
from tests.unit.test_calls_s39 import RECURSE_METHOD as RECURSE
from tests.unit.test_compiled_blocks import outcome

SWITCHES = {"unwrapped": (compiled_statements, "UNWRAPPED"), "atoms_first": (attributes, "ATOMS_FIRST")}
LESSON = (Path(__file__).parent.parent / "programs" / "loop_layer_objects.py").read_text() \
    .replace("range(5000)", "range(40)")


@pytest.fixture(params=[[name] for name in SWITCHES] + [list(SWITCHES)], ids=[*SWITCHES, "all"])
def off(request, monkeypatch):
    """One short way off (or all of them): the general path it stands for."""
    def run() -> None:
        for name in request.param:
            module, attribute = SWITCHES[name]
            monkeypatch.setattr(module, attribute, False)
    return run


def same_both_ways(source: str, limits: Limits, off) -> tuple:  # noqa: ANN001
    mine = outcome(source, limits)
    off()
    assert outcome(source, limits) == mine
    return mine


PROGRAMS = {
    "lesson": LESSON,
    "layers": LAYERS,
    "super_and_return_in_loop": """class Base:
    def scale(self, x):
        for k in range(3):
            if k == 2:
                return x * k
        return 0


class Child(Base):
    def scale(self, x):
        return super().scale(x) + 1

    def first_big(self, xs):
        for x in reversed(xs):
            if x > 2:
                return x
        return None


c = Child()
print(c.scale(4), c.first_big([1, 5, 3, 0]), c.first_big([0, 1]))
""",
    "method_errors": """class A:
    def bad(self, x):
        return x / 0


a = A()
try:
    a.bad(3)
except ZeroDivisionError as e:
    print('caught', e)
try:
    a.bad(1, 2)
except TypeError as e:
    print('caught', e)
try:
    a.bad()
except TypeError as e:
    print('caught', e)
print(a.bad.__name__ if False else 'done')
""",
    "reversed_semantics": """xs = [1, 2, 3, 4]
it = reversed(xs)
print(next(it))
xs.append(9)
print(list(it))
ys = [1, 2, 3]
out = []
for y in reversed(ys):
    out.append(y)
    if y == 2:
        ys.clear()
print(out, ys)
zs = [5, 6, 7]
r = reversed(zs)
for z in r:
    print(z, next(r, 'end'))
print(type(reversed([1])).__name__, list(reversed([])), list(reversed((1, 2))))
for i, (a, b) in enumerate(zip(reversed([1, 2, 3]), 'abc')):
    print(i, a, b)
    if i == 1:
        break
g = (n * n for n in range(4))
for v in g:
    print(v, next(g, None))
""",
    "appends": """import numpy as np
import torch


class P:
    pass


xs = []
for i in range(300):
    xs.append(i * 0.5)
    xs.append(np.float64(i))
ys = [P(), [1, 2], (3, 4)]
ys.append(P())
ys.append([P(), 2.0])
ys.insert(0, torch.ones(2))
ys.append(None)
zs = [1.0] * 300
zs.append([zs[0]])
print(len(xs), xs[-1], len(ys), type(ys[-2][0]).__name__, len(zs))
""",
    "generator_method": """class Counter:
    def __init__(self, n):
        self.n = n

    def items(self):
        for k in range(self.n):
            yield k * 2

    def total(self, *extra):
        return sum(self.items()) + sum(extra)


c = Counter(4)
print(list(c.items()), c.total(), c.total(1, 2))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_alike_and_as_python(name, off):
    error, _, _, printed, _ = same_both_ways(PROGRAMS[name], Limits(), off)
    assert error is None, error
    assert printed == python_prints(PROGRAMS[name])


def test_every_step_cut_alike(off):
    source = PROGRAMS["super_and_return_in_loop"]
    assert_every_step_cut_alike(source, off)


def test_time_check_alike(off, monkeypatch):
    assert_time_check_alike(LESSON, off, monkeypatch)


@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_and_above(n, fails, off):
    error, *_ = same_both_ways(RECURSE.format(n=n), Limits(max_call_depth=20), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]


def test_python_stack_stops_deep_method_recursion_with_pythons_words(off):
    source = RECURSE.format(n=5000)
    mine = outcome(source, Limits(max_call_depth=100_000, timeout_s=60))
    off()
    general = outcome(source, Limits(max_call_depth=100_000, timeout_s=60))
    # how deep depends on the frames each way takes a call: the kind and the words are compared
    assert mine[0][:2] == general[0][:2] and mine[0][0] == "limit", mine[0]


LOOP = "xs = [1, 2, 3, 4]\ntotal = 0\nfor x in reversed(xs):\n    total += x\nprint(total)\n"


@pytest.mark.parametrize(("limit", "fails"), [(5, False), (4, False), (3, True)])
def test_loop_iterations_below_and_above(limit, fails, off):
    error, *_ = same_both_ways(LOOP, Limits(max_loop_iterations=limit), off)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "loop iterations" in error[1]


def test_short_way_is_taken(monkeypatch):
    """A loop over reversed(xs) does not call SequenceIterator.__next__ (else the tests above compare a path
    with itself); with the switch off it does, once an item and once at the end."""
    from autogradlab.lang.iterators import SequenceIterator
    called = []
    real = SequenceIterator.__next__

    def spied(self):  # noqa: ANN001, ANN202
        called.append(1)
        return real(self)
    monkeypatch.setattr(SequenceIterator, "__next__", spied)
    outcome(LOOP, Limits())
    assert called == []
    monkeypatch.setattr(compiled_statements, "UNWRAPPED", False)
    outcome(LOOP, Limits())
    assert len(called) == 5


APPEND_REFUSALS = {
    "module": "import torch\nxs = [1.0]\nxs.append(torch)\n",
    "function_in_list": "def f():\n    return 1\nxs = [f]\nxs.append(1.0)\nprint(len(xs))\n",
    "long_list_module": "import math\nxs = [1.0] * 300\nxs.append(2.0)\nxs.append(math)\n",
    "list_holding_module": "import math\nxs = [1.0] * 300\nxs.append([math])\n",
}


@pytest.mark.parametrize("name", sorted(APPEND_REFUSALS))
def test_append_refusals_alike(name, off):
    same_both_ways(APPEND_REFUSALS[name], Limits(), off)


@pytest.mark.parametrize(("most", "fails"), [(300, False), (299, True)])
def test_append_sequence_limit_below_and_at(most, fails, off):
    source = "xs = []\nfor i in range(300):\n    xs.append(i * 0.5)\nprint(len(xs))\n"
    error, *_ = same_both_ways(source, Limits(max_sequence_len=most, max_loop_iterations=10**6), off)
    assert (error is not None) == fails, error
